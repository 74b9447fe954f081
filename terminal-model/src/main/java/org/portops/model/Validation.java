package org.portops.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks shared by the compact constructors of the model records, so every refusal reads the same way:
 * what was checked, what is allowed, and the value that was given.
 */
public final class Validation {

    private Validation() {
    }

    /** Returns {@code value} when non-null, else throws naming {@code what}. */
    public static <T> T notNull(T value, String what) {
        return Objects.requireNonNull(value, () -> what + " must not be null");
    }

    /** Returns {@code value} when it fully matches {@code pattern}, else throws naming the expected form. */
    public static String matching(String value, Pattern pattern, String what, String expected) {
        notNull(value, what);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be " + expected + ", was '" + value + "'");
        }
        return value;
    }

    /** Returns {@code value} when within {@code [min, max]}, else throws naming the range. */
    public static int inRange(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + max + ", was " + value);
        }
        return value;
    }

    /** Returns {@code value} when finite and within {@code [min, max]}, else throws naming the range. */
    public static double inRange(double value, double min, double max, String what) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + max + ", was " + value);
        }
        return value;
    }

    /** Returns {@code value} when finite and strictly positive, else throws. */
    public static double positive(double value, String what) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(what + " must be a positive number, was " + value);
        }
        return value;
    }
}
