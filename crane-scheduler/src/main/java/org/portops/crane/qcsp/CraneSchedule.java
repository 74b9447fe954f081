package org.portops.crane.qcsp;

import java.util.Comparator;
import java.util.List;

/** The tasks one crane does, in the order it does them (by start time). */
public record CraneSchedule(int crane, List<ScheduledTask> tasks) {
    public CraneSchedule {
        tasks = tasks.stream().sorted(Comparator.comparingInt(ScheduledTask::start)
                .thenComparingInt(ScheduledTask::end)).toList();
    }
}
