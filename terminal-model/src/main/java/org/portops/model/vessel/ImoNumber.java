package org.portops.model.vessel;

import java.util.Locale;
import java.util.regex.Pattern;
import org.portops.model.Validation;

/**
 * An IMO ship identification number, stored as its 7 digits. The last digit checks the first six: digits
 * weighted 7, 6, 5, 4, 3, 2, summed, modulo 10 (9074729: 9×7+0×6+7×5+4×4+7×3+2×2 = 139, ends in 9).
 */
public record ImoNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{7}");

    public ImoNumber {
        Validation.matching(value, FORMAT, "IMO number", "7 digits");
        int expected = checkDigit(value.substring(0, 6));
        int given = value.charAt(6) - '0';
        if (given != expected) {
            throw new IllegalArgumentException("IMO number " + value + " has check digit " + given
                    + ", expected " + expected);
        }
    }

    /** Parses {@code 9074729}, {@code IMO9074729} or {@code IMO 9074729} (any case, surrounding blanks). */
    public static ImoNumber of(String text) {
        Validation.notNull(text, "IMO number");
        String digits = text.strip().toUpperCase(Locale.ROOT);
        if (digits.startsWith("IMO")) {
            digits = digits.substring(3).strip();
        }
        return new ImoNumber(digits);
    }

    /** The check digit of the first six digits. */
    public static int checkDigit(String firstSix) {
        Validation.matching(firstSix, Pattern.compile("[0-9]{6}"), "first six IMO digits", "6 digits");
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += (firstSix.charAt(i) - '0') * (7 - i);
        }
        return sum % 10;
    }

    @Override
    public String toString() {
        return value;
    }
}
