package org.portops.sim.engine;

import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.VesselCall;

/**
 * A vessel moored along the quay: where its bays lie along x, its rows across the quay cranes' outreach and its
 * tiers in height, so a crane knows where to put trolley and spreader for a stowage slot. Moored starboard side
 * to: odd rows towards the quay.
 */
final class VesselBerth {

    /** Fender gap between the quay wall and the ship's side, metres. */
    private static final double FENDER_GAP = 3.0;
    private static final double ROW_PITCH = 2.5;
    private static final double TIER_PITCH = 2.6;
    /** Spreader height on top of a box in the lowest hold tier and the lowest deck tier, metres above the quay. */
    private static final double HOLD_BOTTOM = -11.4;
    private static final double DECK_BOTTOM = 14.6;

    final VesselCall call;
    private final double bowX;
    private final double length;
    private final int maxBay;

    VesselBerth(VesselCall call, double berthStart) {
        this.call = call;
        this.bowX = call.bowMeter(berthStart);
        this.length = call.vessel().lengthOverallMeters();
        this.maxBay = call.bayPlan().entries().stream().mapToInt(e -> e.slot().bay().number()).max().orElse(1);
    }

    double bayX(StowageSlot slot) {
        return bowX + 20 + (slot.bay().number() - 1) * (length - 50) / Math.max(1, maxBay - 1);
    }

    double startX() {
        return bowX;
    }

    double endX() {
        return bowX + length;
    }

    /** Trolley position over the row's centre, seawards from the waterside rail. */
    double rowTrolley(StowageSlot slot) {
        int row = slot.row().number();
        double offset;
        if (row == 0) {
            offset = 0;
        } else if (row % 2 == 1) {
            offset = -(ROW_PITCH * (row + 1) / 2 - ROW_PITCH / 2);
        } else {
            offset = ROW_PITCH * row / 2 - ROW_PITCH / 2;
        }
        return TerminalGeometry.QC_WATERSIDE_RAIL_Y + FENDER_GAP + call.vessel().beamMeters() / 2 + offset;
    }

    /** Spreader height when it sits on a box at the slot's tier. */
    double tierHeight(StowageSlot slot) {
        int tier = slot.tier().number();
        return slot.tier().isDeck() ? DECK_BOTTOM + (tier - 82) / 2.0 * TIER_PITCH
                : HOLD_BOTTOM + (tier - 2) / 2.0 * TIER_PITCH;
    }

    boolean covers(BayPlanEntry entry, double fromX, double toX) {
        double x = bayX(entry.slot());
        return x >= fromX && x < toX;
    }
}
