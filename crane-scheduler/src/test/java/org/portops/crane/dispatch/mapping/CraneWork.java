package org.portops.crane.dispatch.mapping;

import org.portops.crane.dispatch.mapping.CraneWorkQueue.QueuedMove;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Crane work queues made from a berthed call's bay plan, as the quay-crane planner would publish them: each crane
 * alternates a discharge and a load of the call, one move every {@code cycle} from {@code start}, instructions
 * PLANNED at {@code now} with the crane assigned. Discharged boxes go to the ground tier of the first block, a bay per move.
 */
final class CraneWork {

    private CraneWork() {
    }

    static List<CraneWorkQueue> queues(TerminalLayout layout, VesselCall call, List<EquipmentId> cranes, int movesPerCrane,
                                       Instant now, Instant start, Duration cycle,
                                       Function<ContainerNumber, Location> whereIs) {
        List<BayPlanEntry> discharges = call.bayPlan().entries().stream()
                .filter(e -> e.action() == BayPlanAction.DISCHARGE)
                .filter(e -> whereIs.apply(e.container().number()) instanceof VesselLocation).toList();
        List<BayPlanEntry> loads = call.bayPlan().entries().stream()
                .filter(e -> e.action() == BayPlanAction.LOAD)
                .filter(e -> whereIs.apply(e.container().number()) instanceof YardLocation).toList();
        BlockLayout block = layout.blocks().getFirst();
        List<CraneWorkQueue> queues = new ArrayList<>();
        int d = 0;
        int l = 0;
        for (EquipmentId crane : cranes) {
            List<QueuedMove> moves = new ArrayList<>();
            for (int m = 0; m < movesPerCrane; m++) {
                Instant planned = start.plus(cycle.multipliedBy(m));
                String id = crane + "-" + (m + 1);
                WorkInstruction instruction;
                if (m % 2 == 0) {
                    BayPlanEntry entry = discharges.get(d++);
                    YardSlot to = YardSlot.of(block.id().value(), 1 + (d % block.bays()), 1, 1);
                    instruction = WorkInstruction.planned(new WorkInstructionId(id), entry.container().number(),
                            MoveKind.DISCHARGE, new VesselLocation(call.id(), entry.slot()), new YardLocation(to), m,
                            now);
                } else {
                    BayPlanEntry entry = loads.get(l++);
                    instruction = WorkInstruction.planned(new WorkInstructionId(id), entry.container().number(),
                            MoveKind.LOAD, whereIs.apply(entry.container().number()),
                            new VesselLocation(call.id(), entry.slot()), m, now);
                }
                instruction = new WorkInstruction(instruction.id(), instruction.container(), instruction.kind(),
                        instruction.from(), instruction.to(), List.of(crane), m, instruction.state(), null, now,
                        instruction.twinWith());
                moves.add(new QueuedMove(instruction, planned, planned.plus(cycle)));
            }
            queues.add(new CraneWorkQueue(crane, moves));
        }
        return queues;
    }

    static Map<String, WorkInstruction> byId(List<WorkInstruction> instructions) {
        return instructions.stream().collect(Collectors.toMap(i -> i.id().value(), i -> i));
    }
}
