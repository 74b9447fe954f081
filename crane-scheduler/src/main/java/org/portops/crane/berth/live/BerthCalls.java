package org.portops.crane.berth.live;

import org.portops.crane.berth.quay.BerthCall;
import org.portops.crane.berth.quay.BerthSettings;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.quay.Berth;
import org.portops.model.vessel.VesselCall;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A live vessel call as the berth planner sees it. Its work is every move of its bay plan; it can take one crane per
 * {@link BerthSettings#metersPerCrane()} of its length, up to the settings' most.
 *
 * <p>Who set a call's berth and ETB decides what they mean ({@code ours}: what the planner itself last wrote for the
 * call, see {@link BerthPlanWriteBack}):
 * <ul>
 *   <li>a berth and an ETB not after now: the vessel lies alongside, from the quay metre the plan placed it at (else
 *       from that berth's start), since its ETB to the minute (the planner works in whole minutes), with the cranes it
 *       can take;</li>
 *   <li>a berth and a later ETB the planner wrote: its own plan, free to move; the line's requested berthing is the
 *       one it had when the planner wrote it (following the ETA when it was "on arrival", never before the ETA);</li>
 *   <li>a berth and a later ETB anybody else wrote (an operator or the line's announcement): fixed there, held as if
 *       alongside;</li>
 *   <li>no berth or no ETB: free; the line's requested berthing is the ETB when it is not before the ETA, else the
 *       ETA.</li>
 * </ul>
 */
public final class BerthCalls {

    private BerthCalls() {
    }

    /** The call as the planner sees it when the planner never wrote it. */
    public static BerthCall of(VesselCall call, TerminalLayout layout, BerthSettings settings, Instant now,
                               int quayCranes) {
        return of(call, null, layout, settings, now, quayCranes);
    }

    public static BerthCall of(VesselCall call, BerthPlanWriteBack.Written ours, TerminalLayout layout,
                               BerthSettings settings, Instant now, int quayCranes) {
        int length = (int) Math.ceil(call.vessel().lengthOverallMeters());
        if (length > layout.quay().lengthMeters()) {
            throw new IllegalArgumentException("vessel call " + call.id() + " (" + call.vessel().name() + ", " + length
                    + " m) is longer than the quay " + layout.quay().name() + " (" + layout.quay().lengthMeters() + " m)");
        }
        int maxCranes = Math.max(1, Math.min(settings.maxCranes(length), quayCranes));
        boolean placed = call.berth() != null && call.etb() != null;
        boolean moored = placed && !call.etb().isAfter(now);
        boolean planned = placed && !moored && ours != null && ours.berth().equals(call.berth())
                && ours.etb().equals(call.etb());
        BerthCall.Alongside alongside = null;
        if (placed && !planned) {
            Berth berth = layout.quay().berth(call.berth()).orElseThrow(() -> new IllegalArgumentException(
                    "vessel call " + call.id() + " lies at berth " + call.berth() + ", which the quay "
                            + layout.quay().name() + " has not"));
            // where the plan placed it, else its berth's start
            double from = call.quayFromMeter() != null ? call.quayFromMeter() : berth.startMeter();
            alongside = new BerthCall.Alongside((int) Math.ceil(from),
                    call.etb().truncatedTo(ChronoUnit.MINUTES), maxCranes, !moored);
        }
        Instant requested;
        if (planned) {
            requested = ours.requestedFor(call.eta());
        } else {
            requested = call.etb() != null && !moored && !call.etb().isBefore(call.eta()) ? call.etb() : call.eta();
        }
        return new BerthCall(call.id(), call.vessel().name(), length, call.vessel().beamMeters(),
                call.vessel().draftMeters(), call.eta(), requested, call.bayPlan().entries().size(), maxCranes,
                alongside);
    }
}
