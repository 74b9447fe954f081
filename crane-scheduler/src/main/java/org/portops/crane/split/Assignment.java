package org.portops.crane.split;

import org.portops.model.vessel.VesselCallId;

/** A crane working a vessel from {@code from} (after any gantry move) until {@code until}, seconds from the plan start. */
public record Assignment(VesselCallId vessel, int from, int until) {
    public Assignment {
        if (vessel == null || until <= from) {
            throw new IllegalArgumentException("an assignment needs a vessel and must end after it starts, was " + vessel
                    + " " + from + ".." + until);
        }
    }
}
