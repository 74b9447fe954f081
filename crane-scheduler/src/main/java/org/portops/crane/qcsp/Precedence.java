package org.portops.crane.qcsp;

/** Task {@code before} must be finished before task {@code after} starts (1-based task numbers). */
public record Precedence(int before, int after) {
    public Precedence {
        if (before == after) {
            throw new IllegalArgumentException("task " + before + " cannot precede itself");
        }
    }

}
