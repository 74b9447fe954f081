package org.portops.crane.dispatch.mapping;

import org.portops.crane.dispatch.HandoverPoint;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.quay.Berth;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.YardLocation;

import java.util.Optional;

/**
 * Where a move's ends are on the lanes: its yard end is the truck lane beside the yard slot's bay, its quay end is
 * under the crane at the vessel bay the box comes from or goes to. A container is taken where live state last saw it
 * (a load's box may have been shifted since its instruction was written); otherwise where its instruction says.
 */
final class HandoverPoints {

    /** First and last vessel bays lie this far inside bow and stern. */
    private static final double FIRST_BAY_OFFSET = 20;
    private static final double BAY_SPAN_MARGIN = 50;

    private final TerminalLayout layout;

    HandoverPoints(TerminalLayout layout) {
        this.layout = layout;
    }

    /** The yard end at {@code location}; for the pickup of a box in the yard, where live state last saw it. */
    Optional<HandoverPoint.BlockBay> yardEnd(TransportSnapshot snapshot, WorkInstruction instruction, Location location) {
        Location where = location;
        boolean pickup = location.equals(instruction.from());
        if (pickup && snapshot.containers().get(instruction.container()) instanceof YardLocation seen) {
            where = seen;
        }
        return where instanceof YardLocation yard
                ? Optional.of(new HandoverPoint.BlockBay(yard.slot().block(), yard.slot().bay().number()))
                : Optional.empty();
    }

    boolean knowsBlock(HandoverPoint.BlockBay bay) {
        return layout.block(bay.block()).filter(block -> bay.bay() <= block.bays()).isPresent();
    }

    /**
     * Under the crane, at the quay metre of the vessel bay of the move's vessel end when its call is berthed (placed
     * as the simulator moors ships, so plans and simulated drives agree), else where the crane last reported itself.
     */
    Optional<HandoverPoint> underCrane(TransportSnapshot snapshot, WorkInstruction instruction, EquipmentId crane,
                                       EquipmentState craneState) {
        Optional<Double> metre = vesselEnd(snapshot, instruction).flatMap(vessel -> quayMetre(snapshot, vessel));
        if (metre.isEmpty() && craneState != null) {
            metre = Optional.of(Math.max(0, craneState.position().x()));
        }
        return metre.map(x -> new HandoverPoint.UnderCrane(crane, x));
    }

    /** Why a move could not be made a job, naming the end that is missing. */
    String whyNot(TransportSnapshot snapshot, WorkInstruction instruction) {
        boolean discharge = instruction.kind() == MoveKind.DISCHARGE;
        Location yard = discharge ? instruction.to() : instruction.from();
        Optional<HandoverPoint.BlockBay> yardEnd = yardEnd(snapshot, instruction, yard);
        if (yardEnd.isEmpty()) {
            return "move " + instruction.id() + " (" + instruction.kind() + "): its yard end " + yard
                    + " is not a yard slot";
        }
        if (!knowsBlock(yardEnd.get())) {
            return "move " + instruction.id() + " (" + instruction.kind() + "): yard bay " + yardEnd.get().label()
                    + " is not in terminal " + layout.terminalCode();
        }
        return "move " + instruction.id() + " (" + instruction.kind() + "): no quay position, its vessel end "
                + (discharge ? instruction.from() : instruction.to()) + " is on no berthed call and its crane has not"
                + " reported a position";
    }

    private static Optional<VesselLocation> vesselEnd(TransportSnapshot snapshot, WorkInstruction instruction) {
        if (instruction.kind() == MoveKind.DISCHARGE) {
            if (snapshot.containers().get(instruction.container()) instanceof VesselLocation seen) {
                return Optional.of(seen);
            }
            return instruction.from() instanceof VesselLocation vessel ? Optional.of(vessel) : Optional.empty();
        }
        return instruction.to() instanceof VesselLocation vessel ? Optional.of(vessel) : Optional.empty();
    }

    private Optional<Double> quayMetre(TransportSnapshot snapshot, VesselLocation vessel) {
        Optional<VesselCall> call = snapshot.calls().stream().filter(c -> c.id().equals(vessel.call())).findFirst();
        Optional<Berth> berth = call.filter(c -> c.berth() != null).flatMap(c -> layout.quay().berth(c.berth()));
        if (berth.isEmpty()) {
            return Optional.empty();
        }
        VesselCall found = call.get();
        int maxBay = found.bayPlan().entries().stream().mapToInt(e -> e.slot().bay().number()).max().orElse(1);
        double length = found.vessel().lengthOverallMeters();
        double bow = found.bowMeter(berth.get().startMeter());
        return Optional.of(bow + FIRST_BAY_OFFSET
                + (vessel.slot().bay().number() - 1) * (length - BAY_SPAN_MARGIN) / Math.max(1, maxBay - 1));
    }
}
