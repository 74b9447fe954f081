package org.portops.model.container;

/** Nominal container length, and how many 20-foot yard bays a container of that length covers. */
public enum ContainerLength {
    TWENTY(20, 1),
    FORTY(40, 2),
    FORTY_FIVE(45, 2);

    private final int feet;
    private final int yardBays;

    ContainerLength(int feet, int yardBays) {
        this.feet = feet;
        this.yardBays = yardBays;
    }

    public int feet() {
        return feet;
    }

    /** 1 for a 20' container, 2 for 40' and 45' (a 45' overhangs its two 20' ground positions). */
    public int yardBays() {
        return yardBays;
    }
}
