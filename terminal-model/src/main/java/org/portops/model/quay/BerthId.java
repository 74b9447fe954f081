package org.portops.model.quay;

import java.util.regex.Pattern;
import org.portops.model.Validation;

/** A berth along the quay, e.g. {@code B1}: 1..16 letters, digits, {@code -} or {@code _}. */
public record BerthId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,15}");

    public BerthId {
        Validation.matching(value, FORMAT, "berth id", "1..16 letters, digits, '-' or '_'");
    }

    @Override
    public String toString() {
        return value;
    }
}
