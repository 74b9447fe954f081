package org.portops.yard.slot;

/**
 * Weight class of an export container, as stowage plans use it: vessels load heavy before light within a bay, so
 * the heavy ones must come out of the yard first and stand on top.
 */
public enum WeightClass {
    LIGHT,
    MEDIUM,
    HEAVY;

    /** Upper bounds (exclusive) of LIGHT and MEDIUM, in kg VGM. */
    static final int LIGHT_BELOW_KG = 10_000;
    static final int MEDIUM_BELOW_KG = 20_000;

    public static WeightClass of(int kilograms) {
        if (kilograms < LIGHT_BELOW_KG) {
            return LIGHT;
        }
        return kilograms < MEDIUM_BELOW_KG ? MEDIUM : HEAVY;
    }
}
