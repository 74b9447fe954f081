package org.portops.crane.live;

import org.portops.crane.live.CallWork.CraneAtBay;
import org.portops.crane.live.CallWork.TaskId;
import org.portops.crane.live.CallWork.WorkTask;
import org.portops.crane.live.LivePlan.CraneQueue;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A seeded stream of what happens on the quay while a plan runs: cranes start and finish their dispatched moves,
 * and now and then a crane faults or comes back, an operator overrides, a vehicle stalls, the call gains work.
 * {@code disruption} is the share of events that are not move progress.
 */
public final class SimulatedOperations {
    private final Random random;
    private final double disruption;
    private int added;

    public SimulatedOperations(long seed, double disruption) {
        this.random = new Random(seed);
        this.disruption = disruption;
    }

    public LiveEvent next(LivePlan plan, CallWork work, Instant at) {
        if (random.nextDouble() < disruption) {
            Optional<LiveEvent> disrupted = disruption(plan, work, at);
            if (disrupted.isPresent()) {
                return disrupted.get();
            }
        }
        return progress(plan, at).orElseGet(() -> new LiveEvent.VehicleStalled(new EquipmentId("TT001"), "OFFLINE", at));
    }

    /** The next step of a random crane's first dispatched or in-progress move. */
    public Optional<LiveEvent> progress(LivePlan plan, Instant at) {
        List<CraneQueue> busy = plan.cranes().stream()
                .filter(queue -> firstUnderWay(plan, queue.crane()).isPresent()).toList();
        if (busy.isEmpty()) {
            return Optional.empty();
        }
        EquipmentId crane = busy.get(random.nextInt(busy.size())).crane();
        WorkInstruction move = firstUnderWay(plan, crane).orElseThrow();
        return Optional.of(move.state() == WorkInstructionState.IN_PROGRESS
                ? new LiveEvent.MoveDone(move.id(), at) : new LiveEvent.MoveStarted(move.id(), at));
    }

    private static Optional<WorkInstruction> firstUnderWay(LivePlan plan, EquipmentId crane) {
        return plan.instructions().stream()
                .filter(move -> move.assigned().contains(crane))
                .filter(move -> move.state() == WorkInstructionState.IN_PROGRESS
                        || move.state() == WorkInstructionState.DISPATCHED)
                .min(Comparator.comparing((WorkInstruction move) -> move.state() != WorkInstructionState.IN_PROGRESS)
                        .thenComparingLong(WorkInstruction::sequence));
    }

    private Optional<LiveEvent> disruption(LivePlan plan, CallWork work, Instant at) {
        List<EquipmentId> active = plan.cranes().stream().map(CraneQueue::crane).toList();
        List<CraneAtBay> out = work.cranes().stream().filter(crane -> !active.contains(crane.crane())).toList();
        return switch (random.nextInt(5)) {
            case 0 -> active.size() > 2
                    ? Optional.of(new LiveEvent.CraneOut(active.get(random.nextInt(active.size())), "fault F" + random.nextInt(99), at))
                    : Optional.empty();
            case 1 -> out.isEmpty() ? Optional.empty()
                    : Optional.of(new LiveEvent.CraneBack(out.getFirst().crane(), out.getFirst().bay(), at));
            case 2 -> {
                List<WorkInstruction> planned = plan.instructions().stream()
                        .filter(move -> move.state() == WorkInstructionState.PLANNED).toList();
                yield planned.isEmpty() ? Optional.empty() : Optional.of(new LiveEvent.OperatorOverride(
                        planned.get(random.nextInt(planned.size())).id(), active.get(random.nextInt(active.size())),
                        "operator", at));
            }
            case 3 -> Optional.of(new LiveEvent.VehicleStalled(new EquipmentId(String.format("TT%03d",
                    random.nextInt(60))), "OFFLINE", at));
            default -> Optional.of(new LiveEvent.CallChanged(withExtraTask(work, at), at));
        };
    }

    /** The call with one more small task in a random bay: late bookings. */
    private CallWork withExtraTask(CallWork work, Instant at) {
        added++;
        int bay = 1 + random.nextInt(work.bays());
        TaskId id = new TaskId(String.format("B%02d-EXTRA-%d", bay, added));
        List<WorkInstruction> moves = new ArrayList<>();
        for (int m = 0; m < 3 + random.nextInt(5); m++) {
            moves.add(WorkInstruction.planned(new WorkInstructionId("WI-" + work.call() + "-X" + added + "-" + m),
                    ContainerNumber.fromParts("ZZZ", 'U', added * 100 + m), MoveKind.LOAD,
                    new YardLocation(YardSlot.of("A01", 1 + m, 1, 1)),
                    new VesselLocation(work.call(), StowageSlot.of(2 * bay - 1, m, 90)), 0, at));
        }
        List<WorkTask> tasks = new ArrayList<>(work.tasks());
        tasks.add(new WorkTask(id, bay, 90, moves));
        return new CallWork(work.call(), work.bays(), work.secondsPerBay(), work.safetyMargin(), tasks, work.orders(),
                work.cranes());
    }
}
