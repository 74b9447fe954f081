package org.portops.model.yard;

import java.util.regex.Pattern;
import org.portops.model.Validation;

/** A yard block, e.g. {@code A01}: an upper-case letter then up to 5 upper-case letters or digits. */
public record BlockId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z][A-Z0-9]{0,5}");

    public BlockId {
        Validation.matching(value, FORMAT, "block id", "an upper-case letter and up to 5 letters or digits");
    }

    @Override
    public String toString() {
        return value;
    }
}
