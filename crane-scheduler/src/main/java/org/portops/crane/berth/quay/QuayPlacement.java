package org.portops.crane.berth.quay;

import org.portops.model.vessel.VesselCallId;

import java.time.Instant;
import java.util.List;

/**
 * Where and when one vessel call lies alongside: from metre {@code fromMeter} to {@code toMeter}, berthing to
 * departure, worked by {@code cranes} quay cranes; {@code alongside} when it was moored already (the planner kept
 * it); {@code explanation}: what this placement costs and why, in operator language.
 */
public record QuayPlacement(VesselCallId call, String vesselName, int fromMeter, int toMeter, Instant berthing,
                            Instant departure, int cranes, boolean alongside, List<String> explanation) {

    public QuayPlacement {
        explanation = List.copyOf(explanation);
        if (toMeter <= fromMeter || !departure.isAfter(berthing) || cranes < 1) {
            throw new IllegalArgumentException("placement of " + call + " needs from < to, berthing before departure"
                    + " and a crane, was " + fromMeter + ".." + toMeter + " m, " + berthing + ".." + departure + ", "
                    + cranes + " cranes");
        }
    }

    public QuayPlacement explained(List<String> reasons) {
        return new QuayPlacement(call, vesselName, fromMeter, toMeter, berthing, departure, cranes, alongside, reasons);
    }
}
