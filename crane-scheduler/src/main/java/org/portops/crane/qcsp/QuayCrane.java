package org.portops.crane.qcsp;

/**
 * A quay crane of a QCSP instance: its 1-based number (cranes are numbered along the quay, 1 at the lowest bay),
 * the time it becomes available and the bay it stands at until then.
 */
public record QuayCrane(int number, int readyTime, int initialBay) {
    public QuayCrane {
        if (number < 1) {
            throw new IllegalArgumentException("crane number must be 1 or more, was " + number);
        }
        if (readyTime < 0) {
            throw new IllegalArgumentException("crane " + number + ": ready time must be 0 or more, was " + readyTime);
        }
        if (initialBay < 1) {
            throw new IllegalArgumentException("crane " + number + ": initial bay must be 1 or more, was " + initialBay);
        }
    }
}
