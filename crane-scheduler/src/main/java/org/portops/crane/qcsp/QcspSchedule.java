package org.portops.crane.qcsp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A schedule for a QCSP instance: for every crane, its tasks with start and end times. The makespan is the end of
 * the last task. Crane movements between tasks are not listed: the checker proves they exist (see
 * {@link ScheduleChecker}).
 */
public record QcspSchedule(String instance, List<CraneSchedule> cranes) {
    public QcspSchedule {
        cranes = cranes.stream().sorted(Comparator.comparingInt(CraneSchedule::crane)).toList();
    }

    public int makespan() {
        return cranes.stream().flatMap(c -> c.tasks().stream()).mapToInt(ScheduledTask::end).max().orElse(0);
    }

    /** Each crane's task numbers in the order it does them, indexed by crane number - 1. */
    public List<List<Integer>> sequences(int craneCount) {
        List<List<Integer>> sequences = new ArrayList<>();
        for (int k = 1; k <= craneCount; k++) {
            int crane = k;
            sequences.add(cranes.stream().filter(c -> c.crane() == crane)
                    .flatMap(c -> c.tasks().stream()).map(ScheduledTask::task).toList());
        }
        return sequences;
    }
}
