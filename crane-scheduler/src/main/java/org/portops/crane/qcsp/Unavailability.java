package org.portops.crane.qcsp;

/**
 * A time window [{@code from}, {@code until}) in which a crane does no task: it stands still at one bay (it may move
 * there before the window) and still takes its room on the rail. Tasks are not split around a window: a task runs
 * either before it or after it.
 */
public record Unavailability(int from, int until, Reason reason) {

    /** Why the crane stands still; only for explanations, the model treats every reason alike. */
    public enum Reason {
        MAINTENANCE, BREAK, ASSIGNED_ELSEWHERE, WIND, BREAKDOWN
    }

    public Unavailability {
        if (reason == null) {
            throw new IllegalArgumentException("unavailability from " + from + " needs a reason");
        }
        if (from < 0) {
            throw new IllegalArgumentException(reason + " window must start at 0 or later, was " + from);
        }
        if (until <= from) {
            throw new IllegalArgumentException(reason + " window must end after it starts, was " + from + ".." + until);
        }
    }

    /** Whether work from {@code start} to {@code end} runs into this window (a zero-length task only inside it). */
    public boolean overlaps(int start, int end) {
        return end == start ? start > from && start < until : start < until && from < end;
    }

    /** How long work from {@code start} to {@code end} runs into this window, at least 1 when it overlaps. */
    public int overlap(int start, int end) {
        return overlaps(start, end) ? Math.max(1, Math.min(end, until) - Math.max(start, from)) : 0;
    }
}
