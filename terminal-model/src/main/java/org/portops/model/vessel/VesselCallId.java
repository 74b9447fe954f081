package org.portops.model.vessel;

import java.util.regex.Pattern;
import org.portops.model.Validation;

/** One visit of a vessel, e.g. {@code CALL1} or {@code MSC-ANNA-2547}: 1..32 letters, digits, '.', '_' or '-'. */
public record VesselCallId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

    public VesselCallId {
        Validation.matching(value, FORMAT, "vessel call id", "1..32 letters, digits, '.', '_' or '-'");
    }

    @Override
    public String toString() {
        return value;
    }
}
