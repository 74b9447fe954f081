package org.portops.sim.engine;

import org.portops.model.container.Container;
import org.portops.model.equipment.Position;
import org.portops.model.layout.BlockLayout;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.yard.YardSlot;

/**
 * One container move the autonomous operation runs: which container, from where to where, and the machines that
 * do it. The quay crane (discharge and load), the carrier (tractor or truck) and the yard crane each do their
 * part; the parts meet at the handover points.
 */
final class Job {

    final WorkInstructionId id;
    final Container container;
    final MoveKind kind;
    final Location from;
    final Location to;
    /** The yard end of the move: where it is picked from or set down. */
    final YardSlot yardSlot;
    final BlockLayout block;
    /** The yard slot a shifted container goes to (YARD_SHIFT only). */
    final YardSlot shiftTo;
    /** Where the carrier stands under the quay crane, and in the yard crane's truck lane. */
    Position quayPoint;
    Position yardPoint;
    /** The vessel alongside, for moves with a vessel end. */
    VesselBerth berth;
    SimQuayCrane quayCrane;
    Carrier carrier;
    SimYardCrane yardCrane;
    /** A PortOps order, reported on as it goes, rather than the autonomous operation's own move. */
    boolean directed;

    Job(WorkInstructionId id, Container container, MoveKind kind, Location from, Location to, YardSlot yardSlot,
        BlockLayout block, YardSlot shiftTo) {
        this.id = id;
        this.container = container;
        this.kind = kind;
        this.from = from;
        this.to = to;
        this.yardSlot = yardSlot;
        this.block = block;
        this.shiftTo = shiftTo;
    }

    /** Whether the container travels from the yard (load, gate out) rather than into it. */
    boolean fromYard() {
        return switch (kind) {
            case LOAD, GATE_OUT, YARD_SHIFT, REHANDLE -> true;
            case DISCHARGE, GATE_IN -> false;
        };
    }

    @Override
    public String toString() {
        return id + " " + kind + " " + container.number() + " " + from + " -> " + to;
    }
}
