package org.portops.crane.qcsp;

/**
 * How fast a crane works: {@code work} units of task work per {@code time} units of schedule time. A task's
 * {@link CraneTask#processingTime()} is its work; on a crane it takes {@code ceil(work * time / this.work)}. Kim &amp;
 * Park's cranes are all {@link #NOMINAL} (work = time); a real crane doing 30 cycles an hour, with time in seconds
 * and work in cycles, is {@code new Productivity(30, 3600)}.
 */
public record Productivity(int work, int time) {
    public static final Productivity NOMINAL = new Productivity(1, 1);

    public Productivity {
        if (work < 1) {
            throw new IllegalArgumentException("productivity must do 1 or more units of work, was " + work);
        }
        if (time < 1) {
            throw new IllegalArgumentException("productivity must be per 1 or more units of time, was " + time);
        }
    }

    /** The time {@code work} units take, rounded up: a crane cannot start its next task mid-cycle. */
    public int duration(int work) {
        long scaled = (long) work * time;
        return Math.toIntExact((scaled + this.work - 1) / this.work);
    }
}
