package org.portops.crane.berth.quay;

import org.portops.model.vessel.VesselCallId;

import java.util.List;

/** A rule a berth plan breaks, the calls it concerns, and why, in operator language. */
public record QuayConflict(Kind kind, List<VesselCallId> calls, String reason) {

    public enum Kind {
        /** A call has no placement, or one it should not have. */
        UNPLACED,
        /** Two vessels closer than the clearance while both alongside. */
        OVERLAP,
        /** A vessel over a quay section shallower than its draft. */
        DRAFT,
        /** A vessel beyond the crane rail, or wider than the cranes reach. */
        CRANE_REACH,
        /** A vessel with no bollard within reach of its bow or stern. */
        MOORING,
        /** More cranes at work at once than the quay has. */
        CRANE_CAPACITY,
        /** A vessel with more cranes than it can take. */
        TOO_MANY_CRANES,
        /** A vessel berthing before it arrives. */
        BEFORE_ARRIVAL,
        /** A vessel alongside placed elsewhere than where it lies. */
        ALONGSIDE_MOVED,
        /** A stay shorter than the vessel's work with its cranes needs. */
        STAY_TOO_SHORT
    }

    public QuayConflict {
        calls = List.copyOf(calls);
    }
}
