package org.portops.crane.split;

import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.VesselCallId;

import java.util.List;

/**
 * A vessel's cranes over time and when it is estimated to finish ({@link CompletionEstimate}) against its planned
 * departure; seconds from the plan start.
 */
public record VesselOutlook(VesselCallId vessel, String name, List<CraneWindow> cranes, int estimatedCompletion,
                            int plannedDeparture) {

    /** A crane working the vessel over [{@code from}, {@code until}). */
    public record CraneWindow(EquipmentId crane, int from, int until) {
    }

    public VesselOutlook {
        cranes = List.copyOf(cranes);
    }

    public int lateSeconds() {
        return Math.max(0, estimatedCompletion - plannedDeparture);
    }
}
