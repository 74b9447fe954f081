package org.portops.crane.live;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.portops.crane.live.CallWork.TaskId;
import org.portops.crane.live.LivePlan.CraneQueue;
import org.portops.crane.live.LivePlan.PlannedTask;
import org.portops.crane.live.ReplanOutcome.Published;
import org.portops.crane.qcsp.ScheduleChecker;
import org.portops.crane.solver.CraneReplanning;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random events against the live loop: every published plan passes the independent {@link ScheduleChecker},
 * keeps each crane's pinned work in front and in order, gives no work to a crane out of service, dispatches no more
 * than it should, plans every open move exactly once, and publishes only versions live state can take.
 */
class ReplanPropertyTest {
    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");

    @Test
    void publishedPlansKeepEveryHardRuleUnderRandomEvents() {
        for (long seed = 1; seed <= 3; seed++) {
            run(seed);
        }
    }

    private void run(long seed) {
        SteppingClock clock = new SteppingClock(T0);
        CraneReplanning.Limits fast = new CraneReplanning.Limits(Duration.ofMillis(200), Duration.ofMillis(60), seed);
        CallWork work = GeneratedCalls.generate(seed, "CALL" + seed, 200, 16, 4, T0);
        CraneScheduler scheduler = new CraneScheduler(work, new CraneScheduler.Settings(fast, 300, 2, fast), clock,
                new SimpleMeterRegistry());
        SimulatedOperations operations = new SimulatedOperations(seed, 0.3);
        Map<WorkInstructionId, WorkInstruction> live = new HashMap<>();
        LivePlan plan = check(seed, "start", CraneSchedulerTest.published(scheduler.start()), null, live);
        for (int step = 0; step < 40; step++) {
            clock.advance(Duration.ofSeconds(30));
            LiveEvent event = operations.next(plan, work, clock.instant());
            if (event instanceof LiveEvent.CallChanged changed) {
                work = changed.work();
            }
            ReplanOutcome outcome = scheduler.apply(event);
            if (outcome instanceof Published published) {
                plan = check(seed, step + " " + event.describe(), published, plan, live);
            }
        }
    }

    static LivePlan check(long seed, String step, Published published, LivePlan previous,
                          Map<WorkInstructionId, WorkInstruction> live) {
        String where = "seed " + seed + ", step " + step;
        assertThat(ScheduleChecker.check(published.solved().instance(), published.solved().schedule()))
                .as(where).isEmpty();
        LivePlan plan = published.plan();
        List<EquipmentId> active = plan.cranes().stream().map(CraneQueue::crane).toList();
        assertThat(plan.instructions()).as(where).allMatch(move -> move.assigned().size() == 1
                && active.contains(move.assigned().getFirst()));
        assertThat(plan.instructions()).extracting(WorkInstruction::id).as(where).doesNotHaveDuplicates();
        for (CraneQueue queue : plan.cranes()) {
            long underWay = plan.instructions().stream().filter(move -> move.assigned().contains(queue.crane()))
                    .filter(move -> move.state() != WorkInstructionState.PLANNED).count();
            assertThat(underWay).as(where + ": moves dispatched to " + queue.crane()).isLessThanOrEqualTo(2);
            if (previous != null) {
                previous.cranes().stream().filter(old -> old.crane().equals(queue.crane())).findFirst()
                        .ifPresent(old -> {
                            List<TaskId> pinnedBefore = old.tasks().stream().filter(PlannedTask::pinned)
                                    .map(PlannedTask::task).filter(task -> queue.taskIds().contains(task)).toList();
                            List<TaskId> front = queue.taskIds().subList(0,
                                    Math.min(pinnedBefore.size(), queue.taskIds().size()));
                            assertThat(front).as(where + ": pinned work of " + queue.crane()).isEqualTo(pinnedBefore);
                        });
            }
        }
        for (WorkInstruction version : published.diff().changed()) {
            WorkInstruction before = live.get(version.id());
            if (before != null && before.state() != version.state()) {
                assertThat(before.state().canGoTo(version.state()))
                        .as(where + ": " + version.id() + " " + before.state() + " -> " + version.state()).isTrue();
            }
            live.put(version.id(), version);
        }
        return plan;
    }
}
