package org.portops.crane.dispatch;

import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.work.MoveKind;
import org.portops.model.yard.BlockId;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** Short builders for transport jobs and vehicles on the sample terminal in tests. */
public final class Jobs {
    public static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    public static final Duration YARD_HANDLING = Duration.ofSeconds(60);
    static final Set<EquipmentKind> TRANSPORT = EnumSet.of(EquipmentKind.TERMINAL_TRACTOR,
            EquipmentKind.STRADDLE_CARRIER, EquipmentKind.AGV);

    private Jobs() {
    }

    public static ContainerNumber container(int serial) {
        return ContainerNumber.fromParts("POR", 'U', serial);
    }

    public static HandoverPoint.UnderCrane underCrane(String crane, double quayMetre) {
        return new HandoverPoint.UnderCrane(new EquipmentId(crane), quayMetre);
    }

    public static HandoverPoint.BlockBay bay(String block, int bay) {
        return new HandoverPoint.BlockBay(new BlockId(block), bay);
    }

    public static TransportJob discharge(String id, HandoverPoint.UnderCrane crane, int sequence,
                                         HandoverPoint.BlockBay yard, long dueSeconds) {
        return new TransportJob(new TransportJobId(id), container(Math.abs(id.hashCode()) % 999_999), MoveKind.DISCHARGE,
                crane, yard, new CraneMove(crane.crane(), sequence), T0.plusSeconds(dueSeconds), YARD_HANDLING, TRANSPORT);
    }

    public static TransportJob load(String id, HandoverPoint.BlockBay yard, HandoverPoint.UnderCrane crane, int sequence,
                                    long dueSeconds) {
        return new TransportJob(new TransportJobId(id), container(Math.abs(id.hashCode()) % 999_999), MoveKind.LOAD,
                yard, crane, new CraneMove(crane.crane(), sequence), T0.plusSeconds(dueSeconds), YARD_HANDLING, TRANSPORT);
    }

    public static TransportJob yardShift(String id, HandoverPoint.BlockBay from, HandoverPoint.BlockBay to,
                                         long dueSeconds) {
        return new TransportJob(new TransportJobId(id), container(Math.abs(id.hashCode()) % 999_999),
                MoveKind.YARD_SHIFT, from, to, null, T0.plusSeconds(dueSeconds), YARD_HANDLING, TRANSPORT);
    }

    public static Vehicle tractor(String id, HandoverPoint at) {
        return Vehicle.idle(new EquipmentId(id), EquipmentKind.TERMINAL_TRACTOR, at, T0);
    }
}
