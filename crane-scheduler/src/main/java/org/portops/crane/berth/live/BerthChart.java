package org.portops.crane.berth.live;

import org.portops.crane.berth.quay.QuayBerthPlan;
import org.portops.crane.berth.quay.QuayConflict;
import org.portops.crane.berth.quay.QuayLayout;
import org.portops.crane.berth.quay.QuayPlacement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A published berth plan in the shape of the classic berth-time chart: the quay along one axis (its sections and
 * depths), time along the other, every vessel call a box from its berthing to its departure and from one metre to
 * another, with its ETA, requested berthing, cranes and why it lies there; the conflicts the checker found; the
 * plan's version, what triggered it and how long re-planning took.
 */
public record BerthChart(long version, String trigger, Instant plannedAt, Duration replanTime, QuayLayout quay,
                         List<Box> vessels, List<QuayConflict> conflicts, String score,
                         List<QuayBerthPlan.ConstraintTotal> totals) {

    /**
     * One vessel call on the chart; {@code fixed}: an operator fixed its berth and berthing (the placement is held,
     * as for a vessel alongside, but the vessel has not moored).
     */
    public record Box(QuayPlacement placement, Instant eta, Instant requestedBerthing, boolean fixed) {
    }

    public BerthChart {
        vessels = List.copyOf(vessels);
        conflicts = List.copyOf(conflicts);
        totals = List.copyOf(totals);
    }
}
