package org.portops.model.work;

import java.util.regex.Pattern;
import org.portops.model.Validation;

/** A work instruction's id, e.g. {@code WI-7}: 1..40 letters, digits, '.', '_', ':' or '-'. */
public record WorkInstructionId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,39}");

    public WorkInstructionId {
        Validation.matching(value, FORMAT, "work instruction id", "1..40 letters, digits, '.', '_', ':' or '-'");
    }

    @Override
    public String toString() {
        return value;
    }
}
