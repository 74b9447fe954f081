package org.portops.crane.live;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.portops.crane.live.LivePlan.CraneQueue;
import org.portops.crane.live.ReplanOutcome.Published;
import org.portops.crane.qcsp.ScheduleChecker;
import org.portops.crane.solver.CraneReplanning;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random crane splits against one call's live loop, between machines starting and finishing moves: a crane the
 * split takes off the call never loses the moves in its hands (none is suspended or recalled for the split), gets
 * nothing else, leaves once they are done, and every published plan keeps every hard rule.
 */
class CraneSplitWorkInHandPropertyTest {
    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");

    @Test
    void aCraneTakenOffTheCallFinishesWhatIsInItsHandsAndNothingElse() {
        for (long seed = 1; seed <= 3; seed++) {
            run(seed);
        }
    }

    private void run(long seed) {
        Random random = new Random(seed);
        SteppingClock clock = new SteppingClock(T0);
        CraneReplanning.Limits fast = new CraneReplanning.Limits(Duration.ofMillis(150), Duration.ofMillis(50), seed);
        CallWork work = GeneratedCalls.generate(100 + seed, "CALL" + (100 + seed), 160, 16, 4, T0);
        List<EquipmentId> all = work.cranes().stream().map(CallWork.CraneAtBay::crane).toList();
        CraneScheduler scheduler = new CraneScheduler(work, new CraneScheduler.Settings(fast, 300, 2, fast), clock,
                new SimpleMeterRegistry());
        SimulatedOperations operations = new SimulatedOperations(seed, 0);
        LivePlan plan = CraneSchedulerTest.published(scheduler.start()).plan();
        Map<EquipmentId, Set<WorkInstructionId>> heldWhenTakenOff = new HashMap<>();
        for (int step = 0; step < 30; step++) {
            clock.advance(Duration.ofSeconds(30));
            String where = "seed " + seed + ", step " + step;
            LiveEvent event;
            if (random.nextDouble() < 0.3) {
                // the split keeps a random contiguous run of the call's cranes (never none: the call keeps working)
                int from = random.nextInt(all.size());
                int to = from + 1 + random.nextInt(all.size() - from);
                List<EquipmentId> kept = all.subList(from, to);
                for (CraneQueue queue : plan.cranes()) {
                    if (!kept.contains(queue.crane()) && !heldWhenTakenOff.containsKey(queue.crane())) {
                        heldWhenTakenOff.put(queue.crane(), inHand(plan, queue.crane()));
                    }
                }
                kept.forEach(heldWhenTakenOff::remove);
                event = new LiveEvent.CallChanged(work.withCranes(kept), clock.instant());
            } else {
                event = operations.progress(plan, clock.instant()).orElse(null);
                if (event == null) {
                    continue;
                }
            }
            if (!(scheduler.apply(event) instanceof Published published)) {
                continue;
            }
            plan = published.plan();
            assertThat(ScheduleChecker.check(published.solved().instance(), published.solved().schedule()))
                    .as(where).isEmpty();
            assertThat(published.diff().changed()).as(where + ": nothing suspended for the split")
                    .noneMatch(move -> move.state() == WorkInstructionState.SUSPENDED);
            for (Map.Entry<EquipmentId, Set<WorkInstructionId>> held : new ArrayList<>(heldWhenTakenOff.entrySet())) {
                EquipmentId crane = held.getKey();
                Set<WorkInstructionId> open = new HashSet<>(held.getValue());
                open.removeIf(id -> scheduler.currentPlan().instruction(id).isEmpty());
                Set<WorkInstructionId> onCrane = new HashSet<>();
                plan.instructions().stream().filter(move -> move.assigned().getFirst().equals(crane))
                        .forEach(move -> onCrane.add(move.id()));
                assertThat(onCrane).as(where + ": work of " + crane + ", taken off the call").isEqualTo(open);
                assertThat(plan.instructions()).filteredOn(move -> open.contains(move.id()))
                        .allMatch(move -> move.state() == WorkInstructionState.IN_PROGRESS
                                || move.state() == WorkInstructionState.DISPATCHED);
                boolean stays = plan.cranes().stream().anyMatch(queue -> queue.crane().equals(crane));
                assertThat(stays).as(where + ": " + crane + " stays while it has work in hand").isEqualTo(!open.isEmpty());
                if (open.isEmpty()) {
                    heldWhenTakenOff.remove(crane);
                }
            }
        }
    }

    /** The moves in a crane's hands: in progress (this test has no transport, so no vehicle is ever sent). */
    private static Set<WorkInstructionId> inHand(LivePlan plan, EquipmentId crane) {
        Set<WorkInstructionId> held = new HashSet<>();
        plan.instructions().stream().filter(move -> move.assigned().getFirst().equals(crane)
                && move.state() == WorkInstructionState.IN_PROGRESS).forEach(move -> held.add(move.id()));
        return held;
    }
}
