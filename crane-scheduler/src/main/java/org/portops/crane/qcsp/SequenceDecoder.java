package org.portops.crane.qcsp;

import java.util.List;

/**
 * Turns crane sequences (which tasks each crane does, in which order) into a timed schedule. It commits, step by
 * step, the next task of the crane that can start it earliest (ties: the lower crane), so cranes wait for each other
 * exactly as long as the safety margin and the precedences need. When every crane's next task waits for a
 * predecessor that is later in some sequence (a deadlock the sequences built in), it commits the earliest anyway and
 * the precedence is broken: the solver's hard constraint then steers away from such sequences. Fixed (started) tasks
 * are placed by the builder before any other; where they appear in a sequence they are skipped.
 */
public final class SequenceDecoder {

    private SequenceDecoder() {
    }

    /**
     * @param sequences task numbers per crane, indexed by crane number - 1; tasks in no sequence stay uncommitted
     */
    public static ScheduleBuilder decode(QcspInstance instance, List<? extends List<Integer>> sequences) {
        ScheduleBuilder builder = new ScheduleBuilder(instance);
        int q = instance.cranes().size();
        int[] next = new int[q];
        int remaining = 0;
        for (List<Integer> sequence : sequences) {
            for (int task : sequence) {
                if (!builder.isCommitted(task)) {
                    remaining++;
                }
            }
        }
        while (remaining > 0) {
            int chosenCrane = choose(builder, sequences, next, true);
            if (chosenCrane < 0) {
                chosenCrane = choose(builder, sequences, next, false);
            }
            int task = sequences.get(chosenCrane).get(next[chosenCrane]);
            builder.commit(task, chosenCrane + 1, builder.earliestStart(task, chosenCrane + 1));
            next[chosenCrane]++;
            remaining--;
        }
        return builder;
    }

    private static int choose(ScheduleBuilder builder, List<? extends List<Integer>> sequences, int[] next,
                              boolean onlyReady) {
        int chosen = -1;
        int bestStart = Integer.MAX_VALUE;
        for (int k = 0; k < next.length && k < sequences.size(); k++) {
            List<Integer> sequence = sequences.get(k);
            while (next[k] < sequence.size() && builder.isCommitted(sequence.get(next[k]))) {
                next[k]++;
            }
            if (next[k] >= sequence.size()) {
                continue;
            }
            int task = sequence.get(next[k]);
            if (onlyReady && !builder.predecessorsCommitted(task)) {
                continue;
            }
            int start = builder.earliestStart(task, k + 1);
            if (start < bestStart) {
                bestStart = start;
                chosen = k;
            }
        }
        return chosen;
    }
}
