package org.portops.crane.live;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.portops.crane.live.CallWork.TaskId;
import org.portops.crane.live.LivePlan.CraneQueue;
import org.portops.crane.live.LivePlan.PlannedTask;
import org.portops.crane.live.ReplanOutcome.Published;
import org.portops.crane.live.ReplanOutcome.Refused;
import org.portops.crane.qcsp.ScheduleChecker;
import org.portops.crane.solver.CraneReplanning;
import org.portops.crane.solver.ReplanConstraintProvider;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CraneSchedulerTest {
    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");
    private static final CraneReplanning.Limits FAST =
            new CraneReplanning.Limits(Duration.ofMillis(300), Duration.ofMillis(100), 7);
    private static final CraneReplanning.Limits FIRST =
            new CraneReplanning.Limits(Duration.ofSeconds(1), Duration.ofMillis(300), 7);

    private final SteppingClock clock = new SteppingClock(T0);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private CraneScheduler scheduler(CallWork work, int stabilitySeconds) {
        return new CraneScheduler(work, new CraneScheduler.Settings(FAST, stabilitySeconds, 2, FIRST), clock, registry);
    }

    private static CallWork call(long seed) {
        return GeneratedCalls.generate(seed, "CALL1", 300, 20, 4, T0);
    }

    @Test
    void firstPlanAssignsEveryMoveAndDispatchesOnlyMovesWhoseBayIsReady() {
        CallWork work = call(1);
        Published first = published(scheduler(work, 300).start());
        int moves = work.tasks().stream().mapToInt(task -> task.moves().size()).sum();
        assertThat(first.plan().instructions()).hasSize(moves);
        assertThat(first.diff().changed()).hasSize(moves);
        assertThat(first.plan().cranes()).hasSize(4);
        Map<TaskId, EquipmentId> craneOf = first.plan().craneByTask();
        int dispatched = 0;
        for (CraneQueue queue : first.plan().cranes()) {
            List<WorkInstruction> sent = movesOf(first.plan(), queue.crane(), WorkInstructionState.DISPATCHED);
            assertThat(sent).hasSizeLessThanOrEqualTo(2);
            dispatched += sent.size();
            // nothing is sent to a machine while its bay still waits for another crane's work
            for (WorkInstruction move : sent) {
                TaskId task = work.tasks().stream().filter(t -> t.moves().stream().anyMatch(m -> m.id().equals(move.id())))
                        .findFirst().orElseThrow().id();
                assertThat(work.orders()).filteredOn(order -> order.after().equals(task))
                        .allMatch(order -> queue.crane().equals(craneOf.get(order.before())));
            }
        }
        assertThat(dispatched).isGreaterThanOrEqualTo(2);
        assertThat(ScheduleChecker.check(first.solved().instance(), first.solved().schedule())).isEmpty();
    }

    @Test
    void breakdownReplansWithoutTheBrokenCraneAndKeepsStartedWorkInPlace() {
        CallWork work = call(2);
        CraneScheduler scheduler = scheduler(work, 300);
        LivePlan plan = published(scheduler.start()).plan();
        for (CraneQueue queue : plan.cranes()) {
            WorkInstruction next = movesOf(plan, queue.crane(), WorkInstructionState.DISPATCHED).getFirst();
            clock.advance(Duration.ofSeconds(10));
            plan = published(scheduler.apply(new LiveEvent.MoveStarted(next.id(), clock.instant()))).plan();
        }
        EquipmentId broken = GeneratedCalls.craneId(2);
        WorkInstruction brokenMove = movesOf(plan, broken, WorkInstructionState.IN_PROGRESS).getFirst();
        Map<EquipmentId, TaskId> startedBefore = new java.util.HashMap<>();
        plan.cranes().forEach(queue -> startedBefore.put(queue.crane(), queue.tasks().getFirst().task()));
        clock.advance(Duration.ofSeconds(10));

        Published out = published(scheduler.apply(new LiveEvent.CraneOut(broken, "hoist fault", clock.instant())));

        assertThat(out.plan().cranes()).extracting(CraneQueue::crane).doesNotContain(broken).hasSize(3);
        assertThat(out.plan().instructions()).noneMatch(move -> move.assigned().contains(broken));
        for (CraneQueue queue : out.plan().cranes()) {
            PlannedTask first = queue.tasks().getFirst();
            assertThat(first.task()).as("started work of %s", queue.crane()).isEqualTo(startedBefore.get(queue.crane()));
            assertThat(first.pinned()).isTrue();
        }
        // the broken crane's move in progress is suspended in live state first, then planned on another crane
        List<WorkInstruction> brokenVersions = out.diff().changed().stream()
                .filter(move -> move.id().equals(brokenMove.id())).toList();
        assertThat(brokenVersions).extracting(WorkInstruction::state).first().isEqualTo(WorkInstructionState.SUSPENDED);
        assertThat(brokenVersions.getLast().assigned()).doesNotContain(broken).hasSize(1);
        assertThat(out.diff().taskMoves()).filteredOn(move -> broken.equals(move.from()))
                .isNotEmpty().allMatch(PlanDiff.TaskMove::forced);
        TaskId brokenTask = startedBefore.remove(broken);
        assertThat(out.diff().taskMoves()).extracting(PlanDiff.TaskMove::task)
                .contains(brokenTask).doesNotContainAnyElementsOf(startedBefore.values());
        assertThat(ScheduleChecker.check(out.solved().instance(), out.solved().schedule())).isEmpty();
    }

    @Test
    void anOverridePinsTheTaskNextOnTheChosenCrane() {
        CallWork work = call(3);
        CraneScheduler scheduler = scheduler(work, 300);
        LivePlan plan = published(scheduler.start()).plan();
        CraneQueue from = plan.cranes().get(2);
        PlannedTask moved = from.tasks().getLast();
        EquipmentId to = plan.cranes().get(1).crane();
        WorkInstruction move = plan.instructions().stream()
                .filter(m -> m.assigned().contains(from.crane()) && m.state() == WorkInstructionState.PLANNED)
                .filter(m -> work.tasks().stream().anyMatch(t -> t.id().equals(moved.task()) && t.moves().stream()
                        .anyMatch(tm -> tm.id().equals(m.id()))))
                .findFirst().orElseThrow();
        clock.advance(Duration.ofSeconds(30));

        Published overridden = published(scheduler.apply(new LiveEvent.OperatorOverride(move.id(), to, "jdoe", clock.instant())));

        CraneQueue target = overridden.plan().cranes().stream().filter(q -> q.crane().equals(to)).findFirst().orElseThrow();
        assertThat(target.taskIds()).contains(moved.task());
        int place = target.taskIds().indexOf(moved.task());
        assertThat(target.tasks().subList(0, place + 1)).allMatch(PlannedTask::pinned);
        assertThat(overridden.plan().instruction(move.id()).orElseThrow().assigned()).containsExactly(to);

        // it stays there through later events
        clock.advance(Duration.ofSeconds(30));
        Published later = published(scheduler.apply(new LiveEvent.VehicleStalled(new EquipmentId("TT007"), "FAULT",
                clock.instant())));
        assertThat(later.plan().craneByTask().get(moved.task())).isEqualTo(to);
    }

    @Test
    void refusesAnOverrideToACraneThatCannotReachTheBay() {
        CallWork work = call(4);
        CraneScheduler scheduler = scheduler(work, 300);
        LivePlan plan = published(scheduler.start()).plan();
        EquipmentId lowest = plan.cranes().getFirst().crane();
        WorkInstruction farMove = plan.instructions().stream()
                .filter(m -> m.assigned().contains(plan.cranes().getLast().crane()))
                .filter(m -> m.state() == WorkInstructionState.PLANNED)
                .max((a, b) -> Long.compare(a.sequence(), b.sequence())).orElseThrow();
        int bay = work.tasks().stream().filter(t -> t.moves().stream().anyMatch(m -> m.id().equals(farMove.id())))
                .findFirst().orElseThrow().bay();

        ReplanOutcome outcome = scheduler.apply(new LiveEvent.OperatorOverride(farMove.id(), lowest, "jdoe", clock.instant()));

        if (bay > work.bays() - 3 * (work.safetyMargin() + 1)) {
            assertThat(outcome).isInstanceOf(Refused.class);
            assertThat(((Refused) outcome).reasons()).containsExactly("crane " + lowest + " cannot reach bay " + bay
                    + " of move " + farMove.id() + " while its neighbours keep their safety margin");
            assertThat(scheduler.currentPlan()).isSameAs(plan);
        } else {
            assertThat(outcome).isInstanceOf(Published.class);
        }
    }

    @Test
    void stabilityCostStopsReassigningPlannedWorkAndChurnIsCounted() {
        long withoutCost = voluntaryReassignments(0);
        long withCost = voluntaryReassignments(1_000_000);
        assertThat(withoutCost).as("reassignments when moving work is free").isPositive();
        assertThat(withCost).as("reassignments when moving work costs more than any gain").isZero();
        double counted = registry.find("portops.crane.replan.reassignments").tag("kind", "voluntary").counters()
                .stream().mapToDouble(c -> c.count()).sum();
        assertThat(counted).isEqualTo(withoutCost + withCost);
    }

    private long voluntaryReassignments(int stabilitySeconds) {
        CallWork work = call(5);
        SteppingClock runClock = new SteppingClock(T0);
        CraneScheduler scheduler = new CraneScheduler(work, new CraneScheduler.Settings(FAST, stabilitySeconds, 2, FIRST),
                runClock, registry);
        SimulatedOperations operations = new SimulatedOperations(11, 0.0);
        LivePlan plan = published(scheduler.start()).plan();
        long total = 0;
        for (int i = 0; i < 12; i++) {
            runClock.advance(Duration.ofSeconds(45));
            LiveEvent event = i % 4 == 3
                    ? new LiveEvent.CallChanged(work, runClock.instant())
                    : operations.next(plan, work, runClock.instant());
            ReplanOutcome outcome = scheduler.apply(event);
            if (outcome instanceof Published published) {
                plan = published.plan();
                total += published.diff().voluntaryReassignments();
            }
        }
        assertThat(scheduler.churnPerHour()).isEqualTo(total / (12 * 45 / 3600.0));
        return total;
    }

    @Test
    void explainsAnInstructionWithItsConstraintsAndAlternatives() {
        CallWork work = call(6);
        CraneScheduler scheduler = scheduler(work, 300);
        LivePlan plan = published(scheduler.start()).plan();
        // a task mid-vessel: at the ends of the vessel only one crane reaches
        TaskId midVessel = work.tasks().stream().filter(t -> t.bay() == 10).findFirst().orElseThrow().id();
        WorkInstruction planned = plan.instructions().stream()
                .filter(m -> m.state() == WorkInstructionState.PLANNED)
                .filter(m -> m.id().value().contains(midVessel.value())).findFirst().orElseThrow();

        CraneScheduler.InstructionExplanation explanation = scheduler.explain(planned.id()).orElseThrow();

        assertThat(explanation.instruction()).isEqualTo(planned);
        assertThat(explanation.planScore()).isEqualTo(plan.score());
        assertThat(explanation.reasons()).extracting(CraneReplanning.Reason::constraint)
                .doesNotContain(ReplanConstraintProvider.PINNED_WORK);
        assertThat(explanation.alternatives()).isNotEmpty()
                .allMatch(alternative -> !planned.assigned().contains(alternative.crane()));
    }

    static Published published(ReplanOutcome outcome) {
        if (outcome instanceof Refused refused) {
            throw new AssertionError("expected a plan for " + refused.event().describe() + ", refused: " + refused.reasons());
        }
        return (Published) outcome;
    }

    private static List<WorkInstruction> movesOf(LivePlan plan, EquipmentId crane, WorkInstructionState state) {
        return plan.instructions().stream().filter(m -> m.assigned().contains(crane) && m.state() == state)
                .sorted((a, b) -> Long.compare(a.sequence(), b.sequence())).toList();
    }
}
