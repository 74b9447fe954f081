package org.portops.model.vessel;

import java.util.regex.Pattern;
import org.portops.model.Validation;

/** A line's voyage number, e.g. {@code 2547W}: 1..17 letters, digits, '.', '_', '/' or '-'. */
public record Voyage(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,16}");

    public Voyage {
        Validation.matching(value, FORMAT, "voyage", "1..17 letters, digits, '.', '_', '/' or '-'");
    }

    @Override
    public String toString() {
        return value;
    }
}
