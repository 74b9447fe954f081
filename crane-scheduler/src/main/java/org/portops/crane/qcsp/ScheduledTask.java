package org.portops.crane.qcsp;

/** One task in a crane's schedule: it runs from {@code start} to {@code end} (times in the instance's units). */
public record ScheduledTask(int task, int start, int end) {
    public ScheduledTask {
        if (end < start) {
            throw new IllegalArgumentException("task " + task + " ends at " + end + " before it starts at " + start);
        }
    }
}
