package org.portops.crane.live;

import org.portops.crane.live.CallWork.CraneAtBay;
import org.portops.crane.live.CallWork.TaskId;
import org.portops.crane.live.CallWork.TaskOrder;
import org.portops.crane.live.CallWork.WorkTask;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded vessel calls for tests and benchmarks, shaped like a real call until the bay-plan mapping is plugged in:
 * moves spread unevenly over the vessel's bays; per bay up to four tasks (discharge deck, discharge hold, load
 * hold, load deck) in that order; cranes spread along the quay; 80..120 s per move.
 */
public final class GeneratedCalls {
    private static final String[] PARTS = {"DIS-DECK", "DIS-HOLD", "LOAD-HOLD", "LOAD-DECK"};

    private GeneratedCalls() {
    }

    /** {@code moves} moves over {@code bays} bays, {@code cranes} cranes, safety margin 1, 60 s per bay travelled. */
    public static CallWork generate(long seed, String call, int moves, int bays, int cranes, Instant at) {
        Random random = new Random(seed);
        VesselCallId callId = new VesselCallId(call);
        double[] weight = new double[bays * PARTS.length];
        double total = 0;
        for (int i = 0; i < weight.length; i++) {
            // a quarter of the bay parts have no work, the rest vary threefold
            weight[i] = random.nextInt(4) == 0 ? 0 : 1 + 2 * random.nextDouble();
            total += weight[i];
        }
        int[] count = new int[weight.length];
        int assigned = 0;
        for (int i = 0; i < weight.length; i++) {
            count[i] = (int) Math.floor(moves * weight[i] / total);
            assigned += count[i];
        }
        while (assigned < moves) {
            int i = random.nextInt(weight.length);
            if (weight[i] > 0) {
                count[i]++;
                assigned++;
            }
        }
        List<WorkTask> tasks = new ArrayList<>();
        List<TaskOrder> orders = new ArrayList<>();
        int serial = (int) (Math.abs(seed) % 100_000) * 10;
        for (int bay = 1; bay <= bays; bay++) {
            TaskId previous = null;
            for (int part = 0; part < PARTS.length; part++) {
                int n = count[(bay - 1) * PARTS.length + part];
                if (n == 0) {
                    continue;
                }
                TaskId id = new TaskId(String.format("B%02d-%s", bay, PARTS[part]));
                List<WorkInstruction> taskMoves = new ArrayList<>();
                for (int m = 0; m < n; m++) {
                    serial++;
                    taskMoves.add(move(callId, id, m, serial, bay, part, at));
                }
                tasks.add(new WorkTask(id, bay, 80 + random.nextInt(41), taskMoves));
                if (previous != null) {
                    orders.add(new TaskOrder(previous, id));
                }
                previous = id;
            }
        }
        List<CraneAtBay> craneList = new ArrayList<>();
        for (int k = 0; k < cranes; k++) {
            craneList.add(new CraneAtBay(craneId(k + 1), 1 + k * (bays - 1) / cranes));
        }
        return new CallWork(callId, bays, 60, 1, tasks, orders, craneList);
    }

    public static EquipmentId craneId(int number) {
        return new EquipmentId(String.format("QC%02d", number));
    }

    private static WorkInstruction move(VesselCallId call, TaskId task, int index, int serial, int bay, int part,
                                        Instant at) {
        boolean deck = part == 0 || part == 3;
        boolean discharge = part < 2;
        StowageSlot slot = StowageSlot.of(2 * bay - 1, index % 20, deck ? 82 + 2 * (index / 20 % 8) : 2 + 2 * (index / 20 % 8));
        Location vessel = new VesselLocation(call, slot);
        Location yard = new YardLocation(YardSlot.of("A0" + (1 + serial % 3), 1 + serial % 10, 1 + serial % 4, 1));
        return WorkInstruction.planned(new WorkInstructionId("WI-" + call + "-" + task + "-" + index),
                ContainerNumber.fromParts("MSC", 'U', serial), discharge ? MoveKind.DISCHARGE : MoveKind.LOAD,
                discharge ? vessel : yard, discharge ? yard : vessel, 0, at);
    }
}
