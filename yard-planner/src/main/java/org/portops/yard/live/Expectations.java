package org.portops.yard.live;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerNumber;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselCall;
import org.portops.yard.slot.Departure;
import org.portops.yard.slot.LiveYardSnapshot;

/**
 * When the containers of the live yard are expected to leave: a container booked for pick-up leaves in its
 * appointment's window; a container on a vessel call's load list leaves in that call's working window (berthing,
 * else arrival, to departure) and loads with its group; any other container gets the forecast
 * ({@link DepartureForecast}).
 */
final class Expectations implements LiveYardSnapshot.Expectations {

    private final Map<ContainerNumber, VesselCall> loadsOnto = new HashMap<>();
    private final Map<ContainerNumber, Departure> pickups;
    private final DepartureForecast forecast;
    private final Clock clock;

    /** @param pickups the planner's pick-up windows, read as they change (not copied) */
    Expectations(List<VesselCall> calls, Map<ContainerNumber, Departure> pickups, DepartureForecast forecast,
                 Clock clock) {
        this.pickups = pickups;
        this.forecast = forecast;
        this.clock = clock;
        for (VesselCall call : calls) {
            for (BayPlanEntry entry : call.bayPlan().entries()) {
                if (entry.action() == BayPlanAction.LOAD) {
                    loadsOnto.put(entry.container().number(), call);
                }
            }
        }
    }

    @Override
    public Departure departure(Container container) {
        Departure pickup = pickups.get(container.number());
        if (pickup != null) {
            return pickup;
        }
        VesselCall call = loadsOnto.get(container.number());
        if (call == null) {
            return forecast.departure(container, clock.instant());
        }
        Instant start = call.etb() == null ? call.eta() : call.etb();
        return new Departure(start, call.etd());
    }

    @Override
    public String vesselCall(Container container) {
        VesselCall call = loadsOnto.get(container.number());
        return call == null ? null : call.id().value();
    }
}
