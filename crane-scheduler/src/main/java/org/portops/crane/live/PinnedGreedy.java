package org.portops.crane.live;

import org.portops.crane.qcsp.CraneTask;
import org.portops.crane.qcsp.QcspInstance;
import org.portops.crane.qcsp.QuayCrane;
import org.portops.crane.qcsp.ScheduleBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan built from scratch around pinned work, for when the warm start cannot be used (the last plan with the
 * event's changes waits on itself in a circle): list scheduling as {@code GreedyDispatcher} does it — at every step
 * the crane and task that can start earliest, among tasks whose predecessors are committed — except that a crane
 * with pinned work left can only take its next pinned task.
 */
final class PinnedGreedy {

    private PinnedGreedy() {
    }

    /** Sequences per crane (index = crane number - 1) that start with {@code pinned}'s prefixes. */
    static List<List<Integer>> sequences(QcspInstance instance, List<List<Integer>> pinned) {
        ScheduleBuilder builder = new ScheduleBuilder(instance);
        int q = instance.cranes().size();
        int[] nextPinned = new int[q];
        List<List<Integer>> sequences = new ArrayList<>();
        boolean[] pinnedTask = new boolean[instance.tasks().size() + 1];
        for (int k = 0; k < q; k++) {
            sequences.add(new ArrayList<>());
            pinned.get(k).forEach(task -> pinnedTask[task] = true);
        }
        for (int step = 0; step < instance.tasks().size(); step++) {
            int bestTask = 0;
            int bestCrane = 0;
            int bestStart = Integer.MAX_VALUE;
            for (int k = 0; k < q; k++) {
                // a crane out of service (leaving the call) takes nothing beyond its pinned work
                List<Integer> candidates = nextPinned[k] < pinned.get(k).size()
                        ? List.of(pinned.get(k).get(nextPinned[k]))
                        : instance.crane(k + 1).outOfServiceFrom() != QuayCrane.IN_SERVICE ? List.of()
                        : free(instance, builder, pinnedTask);
                for (int task : candidates) {
                    if (!builder.predecessorsCommitted(task) || !instance.reaches(k + 1, instance.task(task).bay())
                            && nextPinned[k] >= pinned.get(k).size()) {
                        continue;
                    }
                    int start = builder.earliestStart(task, k + 1);
                    if (start < bestStart) {
                        bestTask = task;
                        bestCrane = k;
                        bestStart = start;
                    }
                }
            }
            if (bestTask == 0) {
                // only pinned tasks waiting on each other are left: commit them in pin order, the checker will say why
                for (int k = 0; k < q && bestTask == 0; k++) {
                    if (nextPinned[k] < pinned.get(k).size()) {
                        bestTask = pinned.get(k).get(nextPinned[k]);
                        bestCrane = k;
                        bestStart = builder.earliestStart(bestTask, k + 1);
                    }
                }
            }
            builder.commit(bestTask, bestCrane + 1, bestStart);
            sequences.get(bestCrane).add(bestTask);
            if (nextPinned[bestCrane] < pinned.get(bestCrane).size()) {
                nextPinned[bestCrane]++;
            }
        }
        return sequences;
    }

    private static List<Integer> free(QcspInstance instance, ScheduleBuilder builder, boolean[] pinnedTask) {
        List<Integer> free = new ArrayList<>();
        for (CraneTask task : instance.tasks()) {
            if (!pinnedTask[task.number()] && !builder.isCommitted(task.number())) {
                free.add(task.number());
            }
        }
        return free;
    }
}
