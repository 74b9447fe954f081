package org.portops.crane.live;

import org.junit.jupiter.api.Test;
import org.portops.crane.qcsp.CraneTask;
import org.portops.crane.qcsp.Precedence;
import org.portops.crane.qcsp.QcspInstance;
import org.portops.crane.qcsp.QuayCrane;
import org.portops.crane.qcsp.ScheduleChecker;
import org.portops.crane.qcsp.SequenceDecoder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PinnedGreedyTest {

    /**
     * Two bays, deck before hold in each, and one task between; crane 1 starts at bay 2 and reaches 1..8, crane 2
     * starts at bay 9 and reaches 3..10.
     */
    private static final QcspInstance INSTANCE = new QcspInstance("pinned", 10, 1, 1,
            List.of(new CraneTask(1, 30, 2), new CraneTask(2, 30, 2), new CraneTask(3, 30, 7), new CraneTask(4, 30, 7),
                    new CraneTask(5, 20, 5)),
            List.of(new QuayCrane(1, 0, 2), new QuayCrane(2, 0, 9)),
            List.of(new Precedence(1, 2), new Precedence(3, 4)));

    @Test
    void aWarmStartThatWaitsOnItselfBreaksAPrecedence() {
        // crane 1 holds 2 before its predecessor 1, crane 2 holds 4 before 3: each waits for its own later task
        List<List<Integer>> knotted = List.of(List.of(2, 1, 5), List.of(4, 3));
        assertThat(ScheduleChecker.check(INSTANCE, SequenceDecoder.decode(INSTANCE, knotted).toSchedule())).isNotEmpty();
    }

    @Test
    void rebuildsAroundPinnedWorkWithEveryRuleKept() {
        List<List<Integer>> sequences = PinnedGreedy.sequences(INSTANCE, List.of(List.of(1), List.of(3)));

        assertThat(sequences.get(0)).startsWith(1);
        assertThat(sequences.get(1)).startsWith(3);
        assertThat(sequences.stream().flatMap(List::stream).sorted().toList()).containsExactly(1, 2, 3, 4, 5);
        assertThat(ScheduleChecker.check(INSTANCE, SequenceDecoder.decode(INSTANCE, sequences).toSchedule())).isEmpty();
    }

    @Test
    void aPinnedTaskWaitsForItsPredecessorPlannedOnAnotherCrane() {
        // crane 2 is pinned to bay 7's hold (task 4); bay 7's deck (task 3) is free and must come first, on crane 1
        List<List<Integer>> sequences = PinnedGreedy.sequences(INSTANCE, List.of(List.of(), List.of(4)));

        assertThat(sequences.get(1)).startsWith(4);
        assertThat(sequences.get(0)).contains(3);
        assertThat(ScheduleChecker.check(INSTANCE, SequenceDecoder.decode(INSTANCE, sequences).toSchedule())).isEmpty();
    }
}
