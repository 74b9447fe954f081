package org.portops.crane.solver;

import org.junit.jupiter.api.Test;
import org.portops.crane.qcsp.CraneTask;
import org.portops.crane.qcsp.QcspInstance;
import org.portops.crane.qcsp.QuayCrane;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CraneReplanningTest {

    private static final QcspInstance INSTANCE = new QcspInstance("two", 10, 1, 0,
            List.of(new CraneTask(1, 20, 2), new CraneTask(2, 20, 3), new CraneTask(3, 20, 4), new CraneTask(4, 20, 8),
                    new CraneTask(5, 5, 9)),
            List.of(new QuayCrane(1, 0, 1), new QuayCrane(2, 0, 9)), List.of());

    @Test
    void keepsPinnedPrefixWhereItIs() {
        CraneReplanning replanning = new CraneReplanning(
                new CraneReplanning.Limits(Duration.ofMillis(500), Duration.ofMillis(200), 1));
        // all of crane 1's bays on crane 1 would be better spread; pinning its first three keeps them there
        CraneReplanning.Outcome outcome = replanning.solve(new CraneReplanning.Problem(INSTANCE,
                List.of(List.of(1, 2, 3), List.of(4, 5)), List.of(3, 0), List.of()));
        assertThat(outcome.sequences().get(0)).startsWith(1, 2, 3);
        assertThat(outcome.feasible()).isTrue();
    }

    @Test
    void eachCranesPinnedPrefixIsItsPlanningPinIndexSoTheSearchNeverMovesIt() {
        ReplanSolution solution = CraneReplanning.solution(new CraneReplanning.Problem(INSTANCE,
                List.of(List.of(1, 2, 3), List.of(4, 5)), List.of(2, 1), List.of()));

        assertThat(solution.getCranes()).extracting(PlannedCrane::getPinnedCount).containsExactly(2, 1);
        // the constraint stays as a guard: one pin per pinned task, chained to the task before it
        assertThat(solution.getPinnedPlaces()).containsExactly(new PinnedPlace(1, 1, 0), new PinnedPlace(2, 1, 1),
                new PinnedPlace(4, 2, 0));
    }
}
