package org.portops.bench.dispatch;

import org.portops.crane.dispatch.CraneMove;
import org.portops.crane.dispatch.HandoverPoint;
import org.portops.crane.dispatch.TransportJob;
import org.portops.crane.dispatch.TransportJobId;
import org.portops.crane.dispatch.Vehicle;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.work.MoveKind;
import org.portops.model.yard.BlockId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

/**
 * A seeded vessel call on the sample terminal for the dispatch benchmark. The cranes stand 200 m apart and work
 * bays of 30-50 moves one after the other at about 30 moves an hour; a bay is worked discharge-then-load, or (one bay
 * in three) in crane dual cycling, discharge and load alternating. Yard ends lie in the block column behind the
 * crane; tractors start spread over quay and yard.
 */
final class VesselCallFactory {
    private static final String[] ROWS = {"A", "B", "C", "D", "E"};
    static final Instant START = Instant.parse("2026-11-24T06:00:00Z");

    record Call(Instant start, List<TransportJob> jobs, List<Vehicle> vehicles) {
    }

    private VesselCallFactory() {
    }

    static Call generate(Random random, int moves, int cranes, int vehicleCount) {
        List<TransportJob> jobs = new ArrayList<>();
        int serial = 1;
        for (int c = 0; c < cranes; c++) {
            EquipmentId crane = new EquipmentId(String.format("QC%02d", c + 1));
            HandoverPoint.UnderCrane quay = new HandoverPoint.UnderCrane(crane, 150 + 200 * (c % 7));
            int column = Math.min(5, 1 + (int) (quay.quayMetre() / 275));
            int craneMoves = moves / cranes + (c < moves % cranes ? 1 : 0);
            long due = 180 + random.nextInt(60);
            int move = 1;
            while (move <= craneMoves) {
                int bayMoves = Math.min(craneMoves - move + 1, 30 + random.nextInt(21));
                boolean dualCycling = random.nextInt(3) == 0;
                int discharges = bayMoves / 2 + random.nextInt(bayMoves / 4 + 1) - bayMoves / 8;
                for (int i = 0; i < bayMoves; i++, move++) {
                    boolean discharge = dualCycling ? i % 2 == 0 : i < discharges;
                    HandoverPoint.BlockBay yard = new HandoverPoint.BlockBay(
                            new BlockId(ROWS[random.nextInt(ROWS.length)] + "0" + column), 1 + random.nextInt(40));
                    TransportJobId id = new TransportJobId(crane.value() + "-" + move);
                    ContainerNumber box = ContainerNumber.fromParts("BEN", 'U', serial++);
                    jobs.add(new TransportJob(id, box, discharge ? MoveKind.DISCHARGE : MoveKind.LOAD,
                            discharge ? quay : yard, discharge ? yard : quay, new CraneMove(crane, move),
                            START.plusSeconds(due), Duration.ofSeconds(50 + random.nextInt(30)),
                            EnumSet.of(EquipmentKind.TERMINAL_TRACTOR)));
                    due += 100 + random.nextInt(40);
                }
            }
        }
        List<Vehicle> vehicles = new ArrayList<>();
        for (int v = 0; v < vehicleCount; v++) {
            HandoverPoint at = random.nextBoolean()
                    ? new HandoverPoint.UnderCrane(new EquipmentId(String.format("QC%02d", 1 + random.nextInt(cranes))),
                    150 + 200 * random.nextInt(Math.min(cranes, 7)))
                    : new HandoverPoint.BlockBay(new BlockId(ROWS[random.nextInt(ROWS.length)] + "0"
                    + (1 + random.nextInt(5))), 1 + random.nextInt(40));
            vehicles.add(Vehicle.idle(new EquipmentId(String.format("TT%03d", v + 1)), EquipmentKind.TERMINAL_TRACTOR,
                    at, START));
        }
        return new Call(START, jobs, vehicles);
    }
}
