package org.portops.crane.live;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.portops.crane.live.CallWork.TaskId;
import org.portops.crane.live.CallWork.WorkTask;
import org.portops.crane.live.LivePlan.CraneQueue;
import org.portops.crane.live.LivePlan.PlannedTask;
import org.portops.crane.live.ReplanOutcome.Published;
import org.portops.crane.live.ReplanOutcome.Refused;
import org.portops.crane.qcsp.ScheduleChecker;
import org.portops.crane.solver.CraneReplanning;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work already in hand stays where it is through a re-plan: a move transport dispatched (its vehicle on its way) stays
 * on its crane at its place, a move in progress stays on its crane when a crane comes back between two working ones
 * (the returning crane waits), and a call the crane split gives no crane lets its cranes go and waits for cranes.
 */
class CraneSchedulerWorkInHandTest {
    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");
    private static final CraneReplanning.Limits FAST =
            new CraneReplanning.Limits(Duration.ofMillis(300), Duration.ofMillis(100), 11);
    private static final EquipmentId VEHICLE = new EquipmentId("TT07");

    private final SteppingClock clock = new SteppingClock(T0);

    private CraneScheduler scheduler(CallWork work, int stabilitySeconds) {
        return new CraneScheduler(work, new CraneScheduler.Settings(FAST, stabilitySeconds, 2, FAST), clock,
                new SimpleMeterRegistry());
    }

    @Test
    void aMoveTransportDispatchedStaysOnItsCraneAtItsPlaceThroughAReplan() {
        CallWork work = GeneratedCalls.generate(21, "CALL21", 300, 20, 4, T0);
        CraneScheduler scheduler = scheduler(work, 0);
        LivePlan plan = CraneSchedulerTest.published(scheduler.start()).plan();
        CraneQueue queue = plan.cranes().stream().filter(q -> q.tasks().size() >= 4).findFirst().orElseThrow();
        // the third task of the crane: beyond the crane loop's dispatch window, so still PLANNED in the loop
        TaskId third = queue.tasks().get(2).task();
        WorkInstruction planned = movesOf(plan, work, third).getFirst();
        assertThat(planned.state()).isEqualTo(WorkInstructionState.PLANNED);
        clock.advance(Duration.ofSeconds(5));
        WorkInstruction dispatched = planned.dispatch(List.of(queue.crane(), VEHICLE), clock.instant());
        assertThat(scheduler.transportWrote(dispatched)).isTrue();

        // a neighbour breaks down: its work is shared out, and with no stability cost anything planned may move
        EquipmentId neighbour = plan.cranes().stream().map(CraneQueue::crane).filter(c -> !c.equals(queue.crane()))
                .findFirst().orElseThrow();
        clock.advance(Duration.ofSeconds(5));
        Published out = CraneSchedulerTest.published(scheduler.apply(new LiveEvent.CraneOut(neighbour, "hoist fault",
                clock.instant())));

        CraneQueue after = out.plan().cranes().stream().filter(q -> q.crane().equals(queue.crane())).findFirst()
                .orElseThrow();
        assertThat(after.taskIds().subList(0, 3)).as("the crane's work up to the dispatched move, in its order")
                .isEqualTo(queue.taskIds().subList(0, 3));
        assertThat(after.tasks().subList(0, 3)).allMatch(PlannedTask::pinned);
        WorkInstruction kept = out.plan().instruction(dispatched.id()).orElseThrow();
        assertThat(kept.state()).isEqualTo(WorkInstructionState.DISPATCHED);
        assertThat(kept.assigned()).containsExactly(queue.crane(), VEHICLE);
        assertThat(ScheduleChecker.check(out.solved().instance(), out.solved().schedule())).isEmpty();
    }

    @Test
    void aTransportVersionOlderThanTheLoopsOwnIsNotTaken() {
        CallWork work = GeneratedCalls.generate(22, "CALL22", 120, 12, 3, T0);
        CraneScheduler scheduler = scheduler(work, 300);
        LivePlan plan = CraneSchedulerTest.published(scheduler.start()).plan();
        WorkInstruction planned = plan.instructions().stream()
                .filter(move -> move.state() == WorkInstructionState.PLANNED).findFirst().orElseThrow();
        WorkInstruction stale = new WorkInstruction(planned.id(), planned.container(), planned.kind(), planned.from(),
                planned.to(), List.of(planned.assigned().getFirst(), VEHICLE), planned.sequence(),
                WorkInstructionState.DISPATCHED, null, planned.updatedAt().minusSeconds(1), planned.twinWith());
        assertThat(scheduler.transportWrote(stale)).isFalse();
    }

    @Test
    void aCraneBackBetweenTwoWorkingCranesWaitsForTheMoveInProgressItWouldCutOff() {
        // 10 bays, safety margin 1, cranes QC01..QC03 at bays 1, 4, 7; one task at bay 8, the rest at bay 10
        CallWork generated = GeneratedCalls.generate(23, "CALL23", 200, 10, 3, T0);
        WorkTask firstAt8 = generated.tasks().stream().filter(t -> t.bay() == 8).findFirst().orElseThrow();
        List<WorkTask> tasks = generated.tasks().stream().filter(t -> t == firstAt8 || t.bay() == 10)
                .map(t -> new WorkTask(t.id(), t.bay(), t.secondsPerMove(), t.moves().subList(0, Math.min(3,
                        t.moves().size()))))
                .toList();
        Set<TaskId> kept = tasks.stream().map(WorkTask::id).collect(Collectors.toSet());
        CallWork work = new CallWork(generated.call(), 10, 60, 1, tasks, generated.orders().stream()
                .filter(o -> kept.contains(o.before()) && kept.contains(o.after())).toList(), generated.cranes());
        EquipmentId qc1 = GeneratedCalls.craneId(1);
        EquipmentId qc2 = GeneratedCalls.craneId(2);
        CraneScheduler scheduler = scheduler(work, 300);
        CraneSchedulerTest.published(scheduler.start());
        clock.advance(Duration.ofSeconds(5));
        LivePlan plan = CraneSchedulerTest.published(scheduler.apply(new LiveEvent.CraneOut(qc2, "hoist fault",
                clock.instant()))).plan();

        // with QC02 out QC01 reaches bay 8: it takes the bay-8 task (an operator puts it there if the plan did not)
        WorkTask bay8 = tasks.stream().filter(t -> t.bay() == 8).findFirst().orElseThrow();
        if (!movesOf(plan, work, bay8.id()).getFirst().assigned().contains(qc1)) {
            clock.advance(Duration.ofSeconds(5));
            plan = CraneSchedulerTest.published(scheduler.apply(new LiveEvent.OperatorOverride(
                    bay8.moves().getFirst().id(), qc1, "planner", clock.instant()))).plan();
        }
        WorkInstruction first = movesOf(plan, work, bay8.id()).getFirst();
        assertThat(first.state()).isEqualTo(WorkInstructionState.DISPATCHED);
        assertThat(first.assigned()).containsExactly(qc1);
        clock.advance(Duration.ofSeconds(5));
        CraneSchedulerTest.published(scheduler.apply(new LiveEvent.MoveStarted(first.id(), clock.instant())));

        // QC02 back at bay 4 would leave QC01 only bays 1..6: the box on QC01's spreader cannot go to another crane
        clock.advance(Duration.ofSeconds(5));
        ReplanOutcome back = scheduler.apply(new LiveEvent.CraneBack(qc2, 4, clock.instant()));
        assertThat(back).isInstanceOf(Refused.class);
        assertThat(((Refused) back).reasons().getFirst()).contains("waits to rejoin");
        WorkInstruction inProgress = scheduler.currentPlan().instruction(first.id()).orElseThrow();
        assertThat(inProgress.state()).isEqualTo(WorkInstructionState.IN_PROGRESS);
        assertThat(inProgress.assigned()).containsExactly(qc1);
        assertThat(scheduler.currentPlan().cranes()).extracting(CraneQueue::crane).doesNotContain(qc2);
        assertThat(scheduler.apply(new LiveEvent.CraneBack(qc2, 4, clock.instant()))).isInstanceOf(Refused.class);

        // the move is done: QC02 joins, and what QC01 can no longer reach goes to the cranes that can
        clock.advance(Duration.ofSeconds(60));
        Published joined = CraneSchedulerTest.published(scheduler.apply(new LiveEvent.MoveDone(first.id(),
                clock.instant())));
        assertThat(joined.plan().cranes()).extracting(CraneQueue::crane).contains(qc2).hasSize(3);
        assertThat(joined.plan().instructions()).noneMatch(move -> move.state() == WorkInstructionState.IN_PROGRESS);
        assertThat(joined.plan().cranes().getFirst().tasks()).noneMatch(task -> task.bay() > 6);
        assertThat(ScheduleChecker.check(joined.solved().instance(), joined.solved().schedule())).isEmpty();
    }

    @Test
    void aCallTheSplitGivesNoCraneLetsItsCranesGoAndIsPlannedAgainWhenCranesComeBack() {
        CallWork work = GeneratedCalls.generate(24, "CALL24", 200, 16, 3, T0);
        CraneScheduler scheduler = scheduler(work, 300);
        LivePlan plan = CraneSchedulerTest.published(scheduler.start()).plan();
        Set<WorkInstructionId> dispatched = plan.instructions().stream()
                .filter(move -> move.state() == WorkInstructionState.DISPATCHED).map(WorkInstruction::id)
                .collect(Collectors.toSet());
        assertThat(dispatched).isNotEmpty();

        clock.advance(Duration.ofSeconds(30));
        Published waiting = CraneSchedulerTest.published(scheduler.apply(new LiveEvent.CallChanged(
                work.withCranes(List.of()), clock.instant())));
        assertThat(scheduler.waitsForCranes()).isTrue();
        assertThat(waiting.plan().cranes()).isEmpty();
        assertThat(waiting.plan().instructions()).isEmpty();
        Map<WorkInstructionId, WorkInstruction> recalled = waiting.diff().changed().stream()
                .collect(Collectors.toMap(WorkInstruction::id, move -> move, (a, b) -> b));
        assertThat(recalled.keySet()).containsExactlyInAnyOrderElementsOf(dispatched);
        assertThat(recalled.values()).allSatisfy(move -> {
            assertThat(move.state()).isEqualTo(WorkInstructionState.PLANNED);
            assertThat(move.assigned()).isEmpty();
        });

        // cranes come back: every open move is planned once on them
        List<EquipmentId> cranes = List.of(GeneratedCalls.craneId(5), GeneratedCalls.craneId(6));
        clock.advance(Duration.ofSeconds(30));
        Published resumed = CraneSchedulerTest.published(scheduler.apply(new LiveEvent.CallChanged(
                work.withCranes(cranes), clock.instant())));
        assertThat(scheduler.waitsForCranes()).isFalse();
        assertThat(resumed.plan().cranes()).extracting(CraneQueue::crane).containsExactlyElementsOf(cranes);
        int moves = work.tasks().stream().mapToInt(task -> task.moves().size()).sum();
        assertThat(resumed.plan().instructions()).hasSize(moves).extracting(WorkInstruction::id)
                .doesNotHaveDuplicates();
        assertThat(resumed.plan().instructions()).allSatisfy(move ->
                assertThat(cranes).contains(move.assigned().getFirst()));
        assertThat(ScheduleChecker.check(resumed.solved().instance(), resumed.solved().schedule())).isEmpty();
    }

    private static List<WorkInstruction> movesOf(LivePlan plan, CallWork work, TaskId task) {
        Set<WorkInstructionId> ids = work.tasks().stream().filter(t -> t.id().equals(task))
                .flatMap(t -> t.moves().stream()).map(WorkInstruction::id).collect(Collectors.toSet());
        return plan.instructions().stream().filter(move -> ids.contains(move.id()))
                .sorted(Comparator.comparingLong(WorkInstruction::sequence)).toList();
    }
}
