package org.portops.crane;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.portops.crane.qcsp.KimParkReader;
import org.portops.crane.qcsp.PlanExplanation;
import org.portops.crane.qcsp.QcspInstance;
import org.portops.crane.qcsp.RandomInstances;
import org.portops.crane.qcsp.ScheduleChecker;
import org.portops.crane.solver.QcspConstraintProvider;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

class QuayCranePlannerTest {
    private final QuayCranePlanner planner = new QuayCranePlanner(Clock.systemUTC());

    static QcspInstance kimPark(String file) {
        try {
            return KimParkReader.read(Path.of(Objects.requireNonNull(QuayCranePlannerTest.class.getResource("/qcsp/" + file)).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The optima an exhaustive search of the model proves (docs/crane-scheduling.md). */
    @ParameterizedTest(name = "{0} ({1}) reaches {2}")
    @CsvSource({"test_2.txt, k14, 182", "test_4.txt, k16, 104", "test_6.txt, k18, 125", "test_8.txt, k20, 133"})
    void reachesTheProvenOptimumOfSmallKimParkInstances(String file, String name, int optimum) {
        QcspInstance instance = kimPark(file);

        QuayCranePlanner.Plan plan = planner.plan(instance,
                QuayCranePlanner.PlanLimits.of(Duration.ofSeconds(5)).stoppingAt(optimum));

        assertThat(plan.schedule().makespan()).as(name).isEqualTo(optimum);
        assertThat(plan.feasible()).isTrue();
        assertThat(ScheduleChecker.check(instance, plan.schedule())).isEmpty();
    }

    @Test
    void randomInstancesAlwaysGetSchedulesThatPassTheChecker() {
        long baseSeed = 4_2026L;
        for (int run = 0; run < 12; run++) {
            long seed = baseSeed + run;
            QcspInstance instance = RandomInstances.generate(seed);

            QuayCranePlanner.Plan plan = planner.plan(instance, QuayCranePlanner.PlanLimits.of(Duration.ofMillis(300)));

            assertThat(ScheduleChecker.check(instance, plan.schedule())).as("seed %d", seed).isEmpty();
            assertThat(plan.feasible()).as("seed %d", seed).isTrue();
        }
    }

    @Test
    void explainsThePlanConstraintByConstraintAndCraneByCrane() {
        QcspInstance instance = kimPark("test_2.txt");

        QuayCranePlanner.Plan plan = planner.plan(instance, QuayCranePlanner.PlanLimits.of(Duration.ofSeconds(5)).stoppingAt(182));
        PlanExplanation explanation = plan.explanation();

        assertThat(explanation.constraintNames()).containsExactlyInAnyOrder(
                QcspConstraintProvider.PRECEDENCE, QcspConstraintProvider.ONE_CRANE_PER_BAY,
                QcspConstraintProvider.CRANES_KEEP_CLEAR, QcspConstraintProvider.START_BAYS_CLEAR,
                QcspConstraintProvider.CRANE_REACH, QcspConstraintProvider.CRANE_UNAVAILABLE,
                QcspConstraintProvider.CRANE_OUT_OF_SERVICE, QcspConstraintProvider.VESSEL_COMPLETION,
                QcspConstraintProvider.CRANE_TRAVEL, QcspConstraintProvider.CRANE_WAITING);
        assertThat(explanation.score()).isEqualTo(plan.score());
        PlanExplanation.ConstraintCost completion = explanation.constraints().stream()
                .filter(c -> c.constraint().equals(QcspConstraintProvider.VESSEL_COMPLETION)).findFirst().orElseThrow();
        assertThat(completion.score()).isEqualTo("0hard/-182medium/0soft");
        assertThat(completion.scoreByCrane()).hasSize(1);
        assertThat(completion.reasons()).singleElement().asString().startsWith("the vessel is finished at 182 when crane");
        PlanExplanation.ConstraintCost travel = explanation.constraints().stream()
                .filter(c -> c.constraint().equals(QcspConstraintProvider.CRANE_TRAVEL)).findFirst().orElseThrow();
        assertThat(travel.scoreByCrane()).containsOnlyKeys(1, 2);
        assertThat(travel.reasons()).allSatisfy(reason -> assertThat(reason).matches("crane \\d travels from bay \\d+ to bay \\d+ .*"));
    }
}
