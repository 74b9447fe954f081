package org.portops.model.container;

import java.util.Locale;
import java.util.regex.Pattern;
import org.portops.model.Validation;

/**
 * An ISO 6346 container number: three-letter owner code, category identifier ({@code U} freight container,
 * {@code J} detachable equipment, {@code Z} trailer or chassis), six-digit serial number and a check digit.
 * The constructor refuses a wrong check digit and names the expected one.
 */
public record ContainerNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{3}[UJZ][0-9]{7}");
    private static final Pattern FIRST_TEN = Pattern.compile("[A-Z]{4}[0-9]{6}");
    private static final Pattern OWNER = Pattern.compile("[A-Z]{3}");
    private static final int[] LETTER_VALUES = letterValues();

    public ContainerNumber {
        Validation.matching(value, FORMAT, "container number",
                "3 owner letters, category U, J or Z, 6 serial digits and a check digit (e.g. CSQU3054383)");
        int expected = checkDigit(value.substring(0, 10));
        int given = value.charAt(10) - '0';
        if (given != expected) {
            throw new IllegalArgumentException("container number " + value + " has check digit " + given
                    + ", expected " + expected);
        }
    }

    /** Parses free text: trims, removes spaces, upper-cases, then validates ({@code "csqu 305438 3"} is fine). */
    public static ContainerNumber of(String text) {
        Validation.notNull(text, "container number");
        return new ContainerNumber(text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT));
    }

    /** Builds a valid number from its parts, computing the check digit. */
    public static ContainerNumber fromParts(String ownerCode, char categoryId, int serial) {
        Validation.matching(ownerCode, OWNER, "owner code", "3 upper-case letters");
        if (categoryId != 'U' && categoryId != 'J' && categoryId != 'Z') {
            throw new IllegalArgumentException("category identifier must be U, J or Z, was '" + categoryId + "'");
        }
        Validation.inRange(serial, 0, 999_999, "serial number");
        String firstTen = ownerCode + categoryId + String.format("%06d", serial);
        return new ContainerNumber(firstTen + checkDigit(firstTen));
    }

    /**
     * The ISO 6346 check digit of owner code, category and serial: letters take the values 10..38 skipping the
     * multiples of 11, each character's value is weighted by 2^position, and the sum modulo 11 is the digit
     * (a remainder of 10 gives 0).
     */
    public static int checkDigit(String firstTen) {
        Validation.matching(firstTen, FIRST_TEN, "first ten characters", "4 upper-case letters and 6 digits");
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = firstTen.charAt(i);
            int charValue = Character.isDigit(c) ? c - '0' : LETTER_VALUES[c - 'A'];
            sum += charValue << i;
        }
        return sum % 11 % 10;
    }

    /** The ISO 6346 value of a letter, 10..38 without 11, 22 and 33. */
    static int letterValue(char letter) {
        return LETTER_VALUES[letter - 'A'];
    }

    public String ownerCode() {
        return value.substring(0, 3);
    }

    public char categoryIdentifier() {
        return value.charAt(3);
    }

    /** The six-digit serial number. */
    public int serial() {
        return Integer.parseInt(value.substring(4, 10));
    }

    @Override
    public String toString() {
        return value;
    }

    private static int[] letterValues() {
        int[] values = new int[26];
        int next = 10;
        for (int i = 0; i < 26; i++) {
            if (next % 11 == 0) {
                next++;
            }
            values[i] = next++;
        }
        return values;
    }
}
