package org.portops.crane.split;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionEstimateTest {
    private static final double RATE = 30 / 3600.0;

    @Test
    void busiestZoneIsTheBestContiguousPartition() {
        assertThat(CompletionEstimate.busiestZones(new long[]{30, 30, 30, 30}, 4)).containsExactly(120, 120, 60, 60, 30);
        // two zones: 10+50 | 20+40; a third zone still leaves 60 (10 | 50 | 20+40 or 10+50 | 20 | 40)
        assertThat(CompletionEstimate.busiestZones(new long[]{10, 50, 20, 40}, 3)).containsExactly(120, 120, 60, 60);
    }

    @Test
    void busiestZoneNeverFallsBelowTheHeaviestBay() {
        assertThat(CompletionEstimate.busiestZones(new long[]{90, 10, 10, 10}, 4)).containsExactly(120, 120, 90, 90, 90);
    }

    @Test
    void constantCranesFinishWhenTheBusiestZoneIsDone() {
        List<CompletionEstimate.Turn> turns = List.of(turn(0), turn(0), turn(3600), turn(3600), turn(7200), turn(7200));
        // two cranes, zones of 60 + 60 cycles at 30 an hour: 2 hours
        assertThat(CompletionEstimate.completion(0, 120, new long[]{120, 120, 60}, turns, 86_400, RATE)).isEqualTo(7200);
    }

    @Test
    void workStartsAtBerthing() {
        List<CompletionEstimate.Turn> turns = List.of(turn(0), turn(3600), turn(7200));
        // berthed at 0:30: 15 cycles in the first hour, then 30 an hour: 60 cycles done at 2:30
        assertThat(CompletionEstimate.completion(1800, 60, new long[]{60, 60}, turns, 86_400, RATE)).isEqualTo(9000);
    }

    @Test
    void workLeftAtTheHorizonEndIsFinishedByOneSlowCrane() {
        assertThat(CompletionEstimate.completion(0, 60, new long[]{60, 60}, List.of(turn(0)), 7200, RATE))
                .isEqualTo(7200 + 3600);
    }

    private static CompletionEstimate.Turn turn(int start) {
        return new CompletionEstimate.Turn(start, start + 3600, RATE, 0);
    }
}
