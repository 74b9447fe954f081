package org.portops.crane.berth.quay.solver;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import org.junit.jupiter.api.Test;
import org.portops.crane.berth.quay.BerthSettings;
import org.portops.crane.berth.quay.FirstFitQuayPlacement;
import org.portops.crane.berth.quay.QuayBerthProblem;
import org.portops.crane.berth.quay.QuayLayout;
import org.portops.crane.berth.quay.RandomQuayProblems;
import org.portops.model.layout.TerminalLayoutLoader;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QuayAllocationTest {

    /** FULL_ASSERT recomputes the score from scratch after every move: a constraint that scores moves wrong fails. */
    @Test
    void scoresEveryMoveAsAFullRecalculationDoes() {
        QuayLayout quay = QuayLayout.of(TerminalLayoutLoader.sample(), 55, 20);
        QuayBerthProblem problem = RandomQuayProblems.generate(3, quay,
                BerthSettings.defaults(), Instant.parse("2026-11-24T06:00:00Z"), 8);
        QuaySolution start = QuayAllocation.solution(problem, FirstFitQuayPlacement.place(problem, Map.of()));

        QuaySolution best = SolverFactory.<QuaySolution>create(QuayAllocation.solverConfig(Duration.ofSeconds(2), 3)
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)).buildSolver().solve(start);

        assertThat(best.getScore().isSolutionInitialized()).isTrue();
        assertThat(best.getScore().hardScore(0)).isZero();
    }
}
