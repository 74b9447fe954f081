package org.portops.crane.solver;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import org.junit.jupiter.api.Test;
import org.portops.crane.qcsp.CraneTask;
import org.portops.crane.qcsp.Disruption;
import org.portops.crane.qcsp.FixedTask;
import org.portops.crane.qcsp.GreedyDispatcher;
import org.portops.crane.qcsp.PlanExplanation;
import org.portops.crane.qcsp.Precedence;
import org.portops.crane.qcsp.QcspInstance;
import org.portops.crane.qcsp.QcspSchedule;
import org.portops.crane.qcsp.QuayCrane;
import org.portops.crane.qcsp.RandomInstances;
import org.portops.crane.qcsp.Replanning;
import org.portops.crane.qcsp.ScheduleChecker;
import org.portops.crane.qcsp.SequenceDecoder;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CraneSequencingTest {

    @Test
    void shadowTimesStayConsistentWithTheCraneListsUnderFullAssert() {
        for (long seed : new long[] {7L, 11L, 19L}) {
            QcspInstance instance = RandomInstances.generate(seed);
            List<List<Integer>> start = GreedyDispatcher.schedule(instance).sequences(instance.cranes().size());
            Solver<QcspSolution> solver = SolverFactory.<QcspSolution>create(
                    CraneSequencing.solverConfig(new CraneSequencing.Limits(Duration.ofMillis(700), 0, seed))
                            .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)).buildSolver();

            QcspSolution best = solver.solve(CraneSequencing.problem(instance, start));

            List<List<Integer>> sequences = best.getCranes().stream()
                    .map(crane -> crane.getTasks().stream().map(PlannedTask::getNumber).toList()).toList();
            assertThat(ScheduleChecker.check(instance, SequenceDecoder.decode(instance, sequences).toSchedule()))
                    .as("seed %d", seed).isEmpty();
            assertThat(best.getScore().isFeasible()).as("seed %d", seed).isTrue();
        }
    }

    @Test
    void pinnedStartedWorkAndWindowsStayConsistentUnderFullAssert() {
        for (long seed : new long[] {5L, 23L, 31L}) {
            QcspInstance base = RandomInstances.generateWithAvailability(seed);
            QcspSchedule first = GreedyDispatcher.schedule(base);
            QcspInstance instance = Replanning.apply(base, first, first.makespan() / 3,
                    new Disruption.WindStop(30, first.makespan() / 3, first.makespan() / 2));
            List<List<Integer>> start = GreedyDispatcher.schedule(instance).sequences(instance.cranes().size());
            Solver<QcspSolution> solver = SolverFactory.<QcspSolution>create(
                    CraneSequencing.solverConfig(new CraneSequencing.Limits(Duration.ofMillis(700), 0, seed))
                            .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)).buildSolver();

            QcspSolution best = solver.solve(CraneSequencing.problem(instance, start));

            List<List<Integer>> sequences = best.getCranes().stream()
                    .map(crane -> crane.getTasks().stream().map(PlannedTask::getNumber).toList()).toList();
            QcspSchedule schedule = SequenceDecoder.decode(instance, sequences).toSchedule();
            assertThat(ScheduleChecker.check(instance, schedule)).as("seed %d", seed).isEmpty();
            assertThat(best.getScore().isFeasible()).as("seed %d", seed).isTrue();
            for (FixedTask fixed : instance.fixed()) {
                assertThat(sequences.get(fixed.crane() - 1)).as("seed %d", seed).contains(fixed.task());
            }
        }
    }

    @Test
    void scoresACyclicPlanAsInfeasibleAndNamesTheBrokenPrecedence() {
        QcspInstance instance = new QcspInstance("cycle", 10, 1, 1,
                List.of(new CraneTask(1, 10, 2), new CraneTask(2, 10, 3),
                        new CraneTask(3, 10, 8), new CraneTask(4, 10, 9)),
                List.of(new QuayCrane(1, 0, 1), new QuayCrane(2, 0, 6)),
                List.of(new Precedence(1, 4), new Precedence(3, 2)));

        // crane 1 does 2 before 1, crane 2 does 4 before 3: each waits for the other, so one precedence must break
        PlanExplanation explanation = CraneSequencing.explain(instance, List.of(List.of(2, 1), List.of(4, 3)));

        assertThat(explanation.score()).startsWith("-");
        PlanExplanation.ConstraintCost precedence = explanation.constraints().stream()
                .filter(c -> c.constraint().equals(QcspConstraintProvider.PRECEDENCE)).findFirst().orElseThrow();
        assertThat(precedence.matches()).isEqualTo(1);
        assertThat(precedence.reasons()).singleElement().asString().contains("starts", "before task");
    }
}
