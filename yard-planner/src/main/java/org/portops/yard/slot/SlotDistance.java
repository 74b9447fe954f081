package org.portops.yard.slot;

/**
 * How far apart two containers stand. {@code positions} counts 20' ground positions in the larger of the bay and
 * row directions between the nearest ends of the two containers (0: same stack, above or below each other, or
 * overlapping bays; 1: side by side or end to end, diagonals included); it is only meaningful in the same block.
 * {@code metres} is between the stacks' centres.
 */
public record SlotDistance(boolean sameBlock, int positions, double metres) {

    /** Distance between bay ranges {@code [bay1, bay1 + len1)} and {@code [bay2, bay2 + len2)} and two rows. */
    public static int positions(int bay1, int len1, int row1, int bay2, int len2, int row2) {
        int gap = Math.max(0, Math.max(bay2 - (bay1 + len1 - 1), bay1 - (bay2 + len2 - 1)));
        return Math.max(gap, Math.abs(row1 - row2));
    }
}
