package org.portops.model.vessel;

import java.time.Instant;
import org.portops.model.Validation;
import org.portops.model.container.LineOperator;
import org.portops.model.quay.BerthId;

/**
 * One visit of a vessel: arrival (ETA), berthing (ETB, null until planned), departure (ETD), the berth (null
 * until allocated) and the bay plan. ETA is before ETD, and ETB, when set, lies within [ETA, ETD].
 *
 * @param quayFromMeter where along the quay the vessel's stretch begins (its bow: the terminal moors bow towards the
 *                      quay's start), as the berth plan placed it; null: at its berth's start. Only with a berth.
 */
public record VesselCall(VesselCallId id, Vessel vessel, Voyage voyage, LineOperator line, BerthId berth,
                         Instant eta, Instant etb, Instant etd, BayPlan bayPlan, Double quayFromMeter) {

    /** Metres past its berth's start that a vessel without a planned place lies. */
    public static final double BOW_PAST_BERTH_START = 10;

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
        if (quayFromMeter != null && (berth == null || !(quayFromMeter >= 0) || quayFromMeter.isInfinite())) {
            throw new IllegalArgumentException("vessel call " + id + " can lie from a quay metre only at a berth, and "
                    + "from metre 0 or beyond, was " + quayFromMeter + " m at berth " + berth);
        }
    }

    /** A call lying at its berth's start once berthed. */
    public VesselCall(VesselCallId id, Vessel vessel, Voyage voyage, LineOperator line, BerthId berth, Instant eta,
                      Instant etb, Instant etd, BayPlan bayPlan) {
        this(id, vessel, voyage, line, berth, eta, etb, etd, bayPlan, null);
    }

    /** The same call berthed at {@code berth} from {@code etb}, lying at the berth's start. */
    public VesselCall berthedAt(BerthId berth, Instant etb) {
        return berthedAt(berth, etb, null);
    }

    /** The same call berthed at {@code berth} from {@code etb}, its stretch beginning at {@code quayFromMeter}. */
    public VesselCall berthedAt(BerthId berth, Instant etb, Double quayFromMeter) {
        return new VesselCall(id, vessel, voyage, line, Validation.notNull(berth, "berth"), eta, etb, etd, bayPlan,
                quayFromMeter);
    }

    /** The same call with other times, at the same berth and place. */
    public VesselCall withTimes(Instant eta, Instant etb, Instant etd) {
        return new VesselCall(id, vessel, voyage, line, berth, eta, etb, etd, bayPlan, quayFromMeter);
    }

    /** The same call with another bay plan. */
    public VesselCall withBayPlan(BayPlan plan) {
        return new VesselCall(id, vessel, voyage, line, berth, eta, etb, etd, plan, quayFromMeter);
    }

    /**
     * Where the vessel's bow lies along the quay: where the berth plan placed it, else {@value #BOW_PAST_BERTH_START} m
     * past {@code berthStartMeter}, its berth's start, as the terminal moors a vessel it has no place for.
     */
    public double bowMeter(double berthStartMeter) {
        return quayFromMeter != null ? quayFromMeter : berthStartMeter + BOW_PAST_BERTH_START;
    }
}
