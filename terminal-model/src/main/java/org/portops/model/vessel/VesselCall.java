package org.portops.model.vessel;

import java.time.Instant;
import org.portops.model.Validation;
import org.portops.model.container.LineOperator;
import org.portops.model.quay.BerthId;

/**
 * One visit of a vessel: arrival (ETA), berthing (ETB, null until planned), departure (ETD), the berth (null
 * until allocated) and the bay plan. ETA is before ETD, and ETB, when set, lies within [ETA, ETD].
 */
public record VesselCall(VesselCallId id, Vessel vessel, Voyage voyage, LineOperator line, BerthId berth,
                         Instant eta, Instant etb, Instant etd, BayPlan bayPlan) {

    public VesselCall {
        Validation.notNull(id, "vessel call id");
        Validation.notNull(vessel, "vessel of call " + id);
        Validation.notNull(voyage, "voyage of call " + id);
        Validation.notNull(line, "line of call " + id);
        Validation.notNull(eta, "ETA of call " + id);
        Validation.notNull(etd, "ETD of call " + id);
        Validation.notNull(bayPlan, "bay plan of call " + id);
        if (!eta.isBefore(etd)) {
            throw new IllegalArgumentException("vessel call " + id + " must have ETA before ETD, was ETA " + eta
                    + ", ETD " + etd);
        }
        if (etb != null && (etb.isBefore(eta) || etb.isAfter(etd))) {
            throw new IllegalArgumentException("vessel call " + id + " must have ETB within [ETA, ETD] = [" + eta
                    + ", " + etd + "], was " + etb);
        }
    }

    /** The same call berthed at {@code berth} from {@code etb}. */
    public VesselCall berthedAt(BerthId berth, Instant etb) {
        return new VesselCall(id, vessel, voyage, line, Validation.notNull(berth, "berth"), eta, etb, etd, bayPlan);
    }

    /** The same call with another bay plan. */
    public VesselCall withBayPlan(BayPlan plan) {
        return new VesselCall(id, vessel, voyage, line, berth, eta, etb, etd, plan);
    }
}
