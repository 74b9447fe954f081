package org.portops.crane.split;

/** The crane cycles left at one crane position (a 40' bay and its two 20' bays) of a vessel, 1 at the bow. */
public record BayWork(int position, int cycles) {
    public BayWork {
        if (position < 1) {
            throw new IllegalArgumentException("bay position must be 1 or more, was " + position);
        }
        if (cycles < 0) {
            throw new IllegalArgumentException("position " + position + ": cycles must be 0 or more, was " + cycles);
        }
    }
}
