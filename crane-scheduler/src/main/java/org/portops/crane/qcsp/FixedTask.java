package org.portops.crane.qcsp;

/** A task already started (or done) when the plan is made: it stays on {@code crane} from {@code start}. */
public record FixedTask(int task, int crane, int start) {
    public FixedTask {
        if (start < 0) {
            throw new IllegalArgumentException("fixed task " + task + " must start at 0 or later, was " + start);
        }
    }
}
