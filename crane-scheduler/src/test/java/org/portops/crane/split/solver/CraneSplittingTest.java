package org.portops.crane.split.solver;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import org.junit.jupiter.api.Test;
import org.portops.crane.split.SplitChecker;
import org.portops.crane.split.SplitProblem;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.crane.split.SplitScenarios.HOUR;
import static org.portops.crane.split.SplitScenarios.cranes;
import static org.portops.crane.split.SplitScenarios.problem;
import static org.portops.crane.split.SplitScenarios.vessel;

class CraneSplittingTest {

    /** FULL_ASSERT recomputes the score after every move: an incremental score that drifts fails the run. */
    @Test
    void incrementalScoresMatchFullRecalculation() {
        SplitProblem problem = problem(cranes(4, 100, 150), List.of(
                vessel("C1", "MSC ANNA", 0, 300, 8, 0, 6 * HOUR, 30),
                vessel("C2", "EVER GIVEN", 350, 650, 8, 2 * HOUR, 9 * HOUR, 45)), 10);

        CraneSplitting.Outcome outcome = CraneSplitting.solve(problem,
                new CraneSplitting.Limits(Duration.ofSeconds(2), 5, EnvironmentMode.FULL_ASSERT));

        assertThat(outcome.feasible()).as(outcome.score()).isTrue();
        assertThat(SplitChecker.check(problem, outcome.grid().timelines(problem))).isEmpty();
    }
}
