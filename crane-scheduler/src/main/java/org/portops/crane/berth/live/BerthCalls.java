package org.portops.crane.berth.live;

import org.portops.crane.berth.quay.BerthCall;
import org.portops.crane.berth.quay.BerthSettings;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.quay.Berth;
import org.portops.model.vessel.VesselCall;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A live vessel call as the berth planner sees it. Its work is every move of its bay plan; it can take one crane per
 * {@link BerthSettings#metersPerCrane()} of its length, up to the settings' most. The line's requested berthing is
 * the call's ETB when it has one and is not alongside yet, else its ETA. A call with a berth and an ETB not after now
 * lies alongside, from that berth's start (where the simulator moors it), since its ETB to the minute (the planner
 * works in whole minutes), with the cranes it can take.
 */
public final class BerthCalls {

    private BerthCalls() {
    }

    public static BerthCall of(VesselCall call, TerminalLayout layout, BerthSettings settings, Instant now,
                               int quayCranes) {
        int length = (int) Math.ceil(call.vessel().lengthOverallMeters());
        if (length > layout.quay().lengthMeters()) {
            throw new IllegalArgumentException("vessel call " + call.id() + " (" + call.vessel().name() + ", " + length
                    + " m) is longer than the quay " + layout.quay().name() + " (" + layout.quay().lengthMeters() + " m)");
        }
        int maxCranes = Math.max(1, Math.min(settings.maxCranes(length), quayCranes));
        boolean moored = call.berth() != null && call.etb() != null && !call.etb().isAfter(now);
        BerthCall.Alongside alongside = null;
        if (moored) {
            Optional<Berth> berth = layout.quay().berth(call.berth());
            if (berth.isEmpty()) {
                throw new IllegalArgumentException("vessel call " + call.id() + " lies at berth " + call.berth()
                        + ", which the quay " + layout.quay().name() + " has not");
            }
            alongside = new BerthCall.Alongside((int) Math.ceil(berth.get().startMeter()),
                    call.etb().truncatedTo(ChronoUnit.MINUTES), maxCranes);
        }
        Instant requested = call.etb() != null && !moored && !call.etb().isBefore(call.eta()) ? call.etb() : call.eta();
        return new BerthCall(call.id(), call.vessel().name(), length, call.vessel().beamMeters(),
                call.vessel().draftMeters(), call.eta(), requested, call.bayPlan().entries().size(), maxCranes,
                alongside);
    }
}
