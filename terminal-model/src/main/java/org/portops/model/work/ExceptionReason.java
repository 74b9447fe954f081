package org.portops.model.work;

import java.util.regex.Pattern;
import org.portops.model.Validation;

/** Why a move could not go as planned, as a driver or system flagged it: code ({@code DAMAGED}) and free text. */
public record ExceptionReason(String code, String text) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    public ExceptionReason {
        Validation.matching(code, CODE, "exception code", "2..32 of A-Z, 0-9, '_' starting with a letter");
        Validation.notNull(text, "exception text");
    }

    public static ExceptionReason of(String code) {
        return new ExceptionReason(code, "");
    }

    @Override
    public String toString() {
        return text.isEmpty() ? code : code + ": " + text;
    }
}
