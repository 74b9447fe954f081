package org.portops.sim.twin;

import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.VesselCallId;

import java.util.List;
import java.util.Map;

/**
 * What a what-if run reports: per vessel call when it berthed and sailed (hours from the start; null when not within
 * the run), and for the terminal the quay's gross moves per crane-hour worked, the hours quay cranes stood waiting for
 * transport with boxes left, the truck turn times, and the yard fill at the end.
 *
 * @param grossMovesPerCraneHour boxes moved across the quay per hour a quay crane had work on a vessel alongside
 * @param craneWaitingHours      quay crane hours standing with boxes of its share left and nothing in its hands
 * @param craneWaitingShare      of the crane hours with work, the share spent waiting (0..1)
 * @param truckTurnMeanMinutes   mean minutes from gate in to gate out of the trucks that left (NaN when none did)
 * @param truckTurnP95Minutes    their 95th percentile (NaN when none left)
 * @param yardFill               boxes in the yard over its ground slots times their tiers at the end (0..1)
 * @param craneMoves             boxes each quay crane moved
 */
public record TwinKpis(String scenario, String events, long seed, double hours, int vesselMoves,
                       double grossMovesPerCraneHour, double craneWaitingHours, double craneWaitingShare,
                       int trucksServed, double truckTurnMeanMinutes, double truckTurnP95Minutes, double yardFill,
                       List<VesselOutcome> vessels, Map<EquipmentId, Integer> craneMoves) {

    public TwinKpis {
        vessels = List.copyOf(vessels);
        craneMoves = Map.copyOf(craneMoves);
    }

    /** One vessel call: when it berthed and sailed, in hours from the start (null: not within the run). */
    public record VesselOutcome(VesselCallId call, Double berthedHour, Double sailedHour) {
    }

    /** The vessel's outcome; empty fields when the run never saw the call berth. */
    public VesselOutcome vessel(VesselCallId call) {
        return vessels.stream().filter(v -> v.call().equals(call)).findFirst()
                .orElse(new VesselOutcome(call, null, null));
    }
}
