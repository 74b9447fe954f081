package org.portops.crane.live;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.portops.crane.live.ReplanOutcome.Published;
import org.portops.crane.solver.CraneReplanning;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-planning with Timefold problem changes on a solver running per call ({@code Solving.PROBLEM_CHANGES}): seeded
 * random events (moves started and done, crane faults and returns, overrides, call changes) reach the running solver
 * as problem changes, and every plan keeps the rules {@link ReplanPropertyTest} checks for warm re-solves.
 */
class ProblemChangeReplanTest {
    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");
    private static final String SOLVER_THREAD = "crane-replan-solver";

    @Test
    void eventsReachTheRunningSolverAsProblemChangesAndEveryPlanKeepsTheRules() {
        long seed = 5;
        SteppingClock clock = new SteppingClock(T0);
        CraneReplanning.Limits fast = new CraneReplanning.Limits(Duration.ofMillis(200), Duration.ofMillis(60), seed);
        CallWork work = GeneratedCalls.generate(seed, "CALL" + seed, 200, 16, 4, T0);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Map<WorkInstructionId, WorkInstruction> live = new HashMap<>();
        int published = 0;
        try (CraneScheduler scheduler = new CraneScheduler(work, new CraneScheduler.Settings(fast, 300, 2, fast,
                CraneReplanning.Solving.PROBLEM_CHANGES), clock, registry)) {
            SimulatedOperations operations = new SimulatedOperations(seed, 0.3);
            LivePlan plan = ReplanPropertyTest.check(seed, "start", CraneSchedulerTest.published(scheduler.start()),
                    null, live);
            for (int step = 0; step < 25; step++) {
                clock.advance(Duration.ofSeconds(30));
                LiveEvent event = operations.next(plan, work, clock.instant());
                if (event instanceof LiveEvent.CallChanged changed) {
                    work = changed.work();
                }
                if (scheduler.apply(event) instanceof Published outcome) {
                    plan = ReplanPropertyTest.check(seed, step + " " + event.describe(), outcome, plan, live);
                    published++;
                }
            }
            assertThat(solverThreadAlive()).as("the call's solver runs between events").isTrue();
            // the first plan is a solve of its own; every re-plan with work left goes to the running solver
            double answered = registry.get("portops.crane.replan.problem.changes").functionCounter().count();
            assertThat(answered).as("re-plans the running solver answered, of %d published", published)
                    .isGreaterThanOrEqualTo(published - 2).isGreaterThan(10);
        }
        assertThat(solverThreadAlive()).as("closing the scheduler stops its solver").isFalse();
    }

    @Test
    void theStabilityCostReachesTheRunningSolverWithEveryChange() {
        assertThat(voluntaryReassignments(0)).as("reassignments when moving work is free").isPositive();
        assertThat(voluntaryReassignments(1_000_000)).as("reassignments when moving work costs more than any gain")
                .isZero();
    }

    /** The event stream of {@code CraneSchedulerTest}'s stability test, on a running solver. */
    private static long voluntaryReassignments(int stabilitySeconds) {
        CraneReplanning.Limits fast = new CraneReplanning.Limits(Duration.ofMillis(300), Duration.ofMillis(100), 7);
        CallWork work = GeneratedCalls.generate(5, "CALL1", 300, 20, 4, T0);
        SteppingClock clock = new SteppingClock(T0);
        long total = 0;
        try (CraneScheduler scheduler = new CraneScheduler(work, new CraneScheduler.Settings(fast, stabilitySeconds, 2,
                fast, CraneReplanning.Solving.PROBLEM_CHANGES), clock, new SimpleMeterRegistry())) {
            SimulatedOperations operations = new SimulatedOperations(11, 0.0);
            LivePlan plan = CraneSchedulerTest.published(scheduler.start()).plan();
            for (int i = 0; i < 12; i++) {
                clock.advance(Duration.ofSeconds(45));
                LiveEvent event = i % 4 == 3 ? new LiveEvent.CallChanged(work, clock.instant())
                        : operations.next(plan, work, clock.instant());
                if (scheduler.apply(event) instanceof Published published) {
                    plan = published.plan();
                    total += published.diff().voluntaryReassignments();
                }
            }
        }
        return total;
    }

    private static boolean solverThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals(SOLVER_THREAD) && thread.isAlive());
    }
}
