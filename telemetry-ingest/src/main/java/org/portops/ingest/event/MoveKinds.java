package org.portops.ingest.event;

import org.portops.model.work.GateLocation;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.YardLocation;

/**
 * The kind of a move a spreader lock/unlock pair made, read from its ends: from a vessel DISCHARGE, onto a vessel
 * LOAD, from a gate lane GATE_IN, to a gate lane GATE_OUT, yard to yard YARD_SHIFT. A leg from a machine's
 * trailer continues the move that put the container there ({@code carried}); a leg onto a trailer from the yard
 * cannot tell yet whether it will end on a vessel, at the gate or in the yard, and is logged as YARD_SHIFT.
 */
public final class MoveKinds {

    private MoveKinds() {
    }

    /**
     * @param carried the kind of the move that set the container down on the machine {@code from} names, or null
     */
    public static MoveKind infer(Location from, Location to, MoveKind carried) {
        if (from instanceof VesselLocation) {
            return MoveKind.DISCHARGE;
        }
        if (to instanceof VesselLocation) {
            return MoveKind.LOAD;
        }
        if (from instanceof GateLocation) {
            return MoveKind.GATE_IN;
        }
        if (to instanceof GateLocation) {
            return MoveKind.GATE_OUT;
        }
        if (from instanceof YardLocation && to instanceof YardLocation) {
            return MoveKind.YARD_SHIFT;
        }
        return carried != null ? carried : MoveKind.YARD_SHIFT;
    }
}
