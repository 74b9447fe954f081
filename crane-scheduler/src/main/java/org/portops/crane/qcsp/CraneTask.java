package org.portops.crane.qcsp;

/** A task of a QCSP instance: a group of container moves in one vessel bay, done by one crane without a break. */
public record CraneTask(int number, int processingTime, int bay) {
    public CraneTask {
        if (number < 1) {
            throw new IllegalArgumentException("task number must be 1 or more, was " + number);
        }
        if (processingTime < 0) {
            throw new IllegalArgumentException("task " + number + ": processing time must be 0 or more, was " + processingTime);
        }
        if (bay < 1) {
            throw new IllegalArgumentException("task " + number + ": bay must be 1 or more, was " + bay);
        }
    }
}
