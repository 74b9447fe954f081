package org.portops.crane.dispatch;

import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.work.MoveKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded vessel-call dispatch scenarios on the sample terminal: {@code cranes} quay cranes 200 m apart, each working
 * {@code movesPerCrane} moves one every {@code cycleSeconds} (discharges first, then loads, as a vessel is worked
 * bay by bay), yard ends in the block column behind the crane, and vehicles spread over quay and yard.
 */
public final class Scenarios {
    private static final String[] ROWS = {"A", "B", "C", "D", "E"};

    private Scenarios() {
    }

    /** The parameters of a scenario; {@code mixedFleet} adds straddle carriers and AGVs and narrows some jobs' carriers. */
    public record Shape(int cranes, int movesPerCrane, int cycleSeconds, int vehicles, boolean mixedFleet) {
    }

    public static DispatchRequest vesselCall(long seed, Shape shape) {
        Random random = new Random(seed);
        List<TransportJob> jobs = new ArrayList<>();
        for (int c = 0; c < shape.cranes(); c++) {
            String crane = String.format("QC%02d", c + 1);
            double quayMetre = 150 + 200 * c;
            int column = Math.min(5, 1 + (int) (quayMetre / 275));
            int discharges = shape.movesPerCrane() / 2 + random.nextInt(Math.max(1, shape.movesPerCrane() / 4) + 1);
            for (int move = 1; move <= shape.movesPerCrane(); move++) {
                MoveKind kind = move <= discharges ? MoveKind.DISCHARGE : MoveKind.LOAD;
                HandoverPoint.BlockBay yard = Jobs.bay(ROWS[random.nextInt(ROWS.length)] + "0" + column,
                        1 + random.nextInt(40));
                long due = 240L + (long) (move - 1) * shape.cycleSeconds() + random.nextInt(20);
                String id = crane + "-" + move;
                TransportJob job = kind == MoveKind.DISCHARGE
                        ? Jobs.discharge(id, Jobs.underCrane(crane, quayMetre), move, yard, due)
                        : Jobs.load(id, yard, Jobs.underCrane(crane, quayMetre), move, due);
                jobs.add(shape.mixedFleet() ? withCarriers(job, carriers(random)) : job);
            }
        }
        List<Vehicle> vehicles = new ArrayList<>();
        for (int v = 0; v < shape.vehicles(); v++) {
            EquipmentKind kind = !shape.mixedFleet() ? EquipmentKind.TERMINAL_TRACTOR
                    : List.of(EquipmentKind.TERMINAL_TRACTOR, EquipmentKind.STRADDLE_CARRIER, EquipmentKind.AGV)
                    .get(v % 3);
            String prefix = switch (kind) {
                case STRADDLE_CARRIER -> "SC";
                case AGV -> "AGV";
                default -> "TT";
            };
            HandoverPoint at = random.nextBoolean()
                    ? Jobs.underCrane(String.format("QC%02d", 1 + random.nextInt(shape.cranes())),
                    150 + 200 * random.nextInt(shape.cranes()))
                    : Jobs.bay(ROWS[random.nextInt(ROWS.length)] + "0" + (1 + random.nextInt(5)), 1 + random.nextInt(40));
            vehicles.add(Vehicle.idle(new EquipmentId(String.format("%s%03d", prefix, v + 1)), kind, at,
                    Jobs.T0.plusSeconds(random.nextInt(60))));
        }
        return new DispatchRequest(Jobs.T0, jobs, vehicles, PublishedPlan.NONE);
    }

    /** Most jobs any kind can carry; some only tractors and straddles, some only straddles and AGVs. */
    private static Set<EquipmentKind> carriers(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> EnumSet.of(EquipmentKind.TERMINAL_TRACTOR, EquipmentKind.STRADDLE_CARRIER);
            case 1 -> EnumSet.of(EquipmentKind.STRADDLE_CARRIER, EquipmentKind.AGV);
            default -> Jobs.TRANSPORT;
        };
    }

    public static TransportJob withCarriers(TransportJob job, Set<EquipmentKind> carriers) {
        return new TransportJob(job.id(), job.container(), job.kind(), job.pickup(), job.drop(), job.craneMove(),
                job.due(), job.yardHandling(), carriers);
    }

    public static TransportJob withDue(TransportJob job, Duration fromT0) {
        return new TransportJob(job.id(), job.container(), job.kind(), job.pickup(), job.drop(), job.craneMove(),
                Jobs.T0.plus(fromT0), job.yardHandling(), job.carriers());
    }
}
