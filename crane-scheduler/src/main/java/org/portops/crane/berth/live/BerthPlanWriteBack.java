package org.portops.crane.berth.live;

import org.portops.crane.berth.quay.QuayLayout;
import org.portops.crane.berth.quay.QuayPlacement;
import org.portops.model.quay.BerthId;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.state.VesselCallChange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The berth plan written into live state, so that everything that follows vessel calls (the crane split, the crane
 * scheduler, the simulator that moors a vessel at its berth at its ETB, the vessel API) follows the plan: each call
 * the planner may move gets the plan's berth and berthing as its berth and ETB, and an ETD no earlier than the plan's
 * departure. A placement goes to the berth it overlaps most, and its metre along the quay goes with it (the crane
 * split, the transport hand-over points and the simulator work the vessel there).
 *
 * <p>Never written: a vessel alongside or fixed by an operator (the planner holds it, see {@link BerthCalls}); a call
 * whose planned berthing is no longer after now (mooring is the vessel's, not the planner's) or before its ETA in
 * live state (the ETA moved on since; the next plan places it); a call whose berth, ETB and ETD already are the plan's.
 */
public final class BerthPlanWriteBack {

    /**
     * What the berth planner wrote for a call: its berth and ETB, and the ETA and the line's requested berthing at the
     * time (live state's ETB is the plan's from then on, so the request is remembered here).
     */
    public record Written(BerthId berth, Instant etb, Instant eta, Instant requested) {

        /** The line's request under a new ETA: on arrival it follows the ETA, and it is never before the ETA. */
        public Instant requestedFor(Instant newEta) {
            return requested.equals(eta) || requested.isBefore(newEta) ? newEta : requested;
        }
    }

    /** A call to write into live state, and what to remember of it. */
    public record Update(VesselCall call, Written written) {

        /**
         * The plan's berth, ETB and ETD laid onto the call as live state holds it at the write, so a bay plan or
         * other change written since the plan read the call is kept; refused when the ETA moved on since (the plan
         * placed the call for the old one, and the change of ETA brings its own plan).
         */
        public VesselCallChange.Decision applyTo(VesselCall current) {
            if (!current.eta().equals(call.eta())) {
                return new VesselCallChange.Refuse("its ETA moved from " + call.eta() + " to " + current.eta()
                        + " since the plan; the next plan places it");
            }
            Instant etd = call.etd().isAfter(current.etd()) ? call.etd() : current.etd();
            VesselCall planned = new VesselCall(current.id(), current.vessel(), current.voyage(), current.line(),
                    call.berth(), current.eta(), call.etb(), etd, current.bayPlan(), call.quayFromMeter());
            return planned.equals(current) ? new VesselCallChange.Keep() : new VesselCallChange.Store(planned);
        }
    }

    private BerthPlanWriteBack() {
    }

    public static List<Update> updates(BerthChart chart, Map<VesselCallId, VesselCall> live, Instant now) {
        List<Update> updates = new ArrayList<>();
        for (BerthChart.Box box : chart.vessels()) {
            QuayPlacement placement = box.placement();
            VesselCall call = live.get(placement.call());
            Optional<BerthId> berth = berthOf(chart.quay(), placement.fromMeter(), placement.toMeter());
            if (placement.alongside() || call == null || berth.isEmpty() || !placement.berthing().isAfter(now)
                    || placement.berthing().isBefore(call.eta())) {
                continue;
            }
            Instant etd = placement.departure().isAfter(call.etd()) ? placement.departure() : call.etd();
            Double fromMeter = (double) placement.fromMeter();
            if (berth.get().equals(call.berth()) && placement.berthing().equals(call.etb()) && etd.equals(call.etd())
                    && fromMeter.equals(call.quayFromMeter())) {
                continue;
            }
            VesselCall planned = new VesselCall(call.id(), call.vessel(), call.voyage(), call.line(), berth.get(),
                    call.eta(), placement.berthing(), etd, call.bayPlan(), fromMeter);
            updates.add(new Update(planned, new Written(berth.get(), placement.berthing(), call.eta(), box.requestedBerthing())));
        }
        return updates;
    }

    /**
     * The berth that the stretch from {@code fromMeter} to {@code toMeter} overlaps most (the one nearer the quay's
     * start on a tie), if it overlaps any.
     */
    public static Optional<BerthId> berthOf(QuayLayout quay, int fromMeter, int toMeter) {
        return quay.sections().stream()
                .filter(section -> !section.berth().equals(QuayLayout.NO_BERTH)
                        && overlap(section, fromMeter, toMeter) > 0)
                .max(Comparator.comparingInt((QuayLayout.Section section) -> overlap(section, fromMeter, toMeter))
                        .thenComparing(Comparator.comparingInt(QuayLayout.Section::fromMeter).reversed()))
                .map(section -> new BerthId(section.berth()));
    }

    private static int overlap(QuayLayout.Section section, int fromMeter, int toMeter) {
        return Math.min(section.toMeter(), toMeter) - Math.max(section.fromMeter(), fromMeter);
    }
}
