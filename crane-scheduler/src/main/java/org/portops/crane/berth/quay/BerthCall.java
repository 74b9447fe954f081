package org.portops.crane.berth.quay;

import org.portops.model.vessel.VesselCallId;

import java.time.Instant;

/**
 * One vessel call as the berth planner needs it: the vessel's length, beam and draft, when it arrives (ETA) and
 * when its line asked to berth, the moves its bay plan holds and how many cranes can work it at once. A vessel
 * already alongside carries where it lies, since when, and the cranes it has: the planner never moves it. So does a
 * call an operator fixed (its berth and berthing set by someone else than the berth planner): it is held where and
 * when the operator put it, as if alongside.
 */
public record BerthCall(VesselCallId id, String vesselName, int lengthMeters, double beamMeters, double draftMeters,
                        Instant eta, Instant requestedBerthing, int moves, int maxCranes, Alongside alongside) {

    /**
     * A vessel moored from {@code fromMeter} since {@code since}, worked by {@code cranes} cranes; {@code fixed}: not
     * moored yet, but fixed there from {@code since} by an operator, so held as if it were.
     */
    public record Alongside(int fromMeter, Instant since, int cranes, boolean fixed) {

        /** A vessel moored. */
        public Alongside(int fromMeter, Instant since, int cranes) {
            this(fromMeter, since, cranes, false);
        }

        public Alongside {
            if (fromMeter < 0 || cranes < 1) {
                throw new IllegalArgumentException("a vessel alongside lies at metre 0 or more with 1 crane or more, was "
                        + fromMeter + " m, " + cranes + " cranes");
            }
        }
    }

    public BerthCall {
        if (id == null || eta == null || requestedBerthing == null) {
            throw new IllegalArgumentException("berth call " + id + " needs an id, an ETA and a requested berthing");
        }
        if (lengthMeters < 1 || !(beamMeters > 0) || !(draftMeters > 0)) {
            throw new IllegalArgumentException("berth call " + id + " needs a positive length, beam and draft, was "
                    + lengthMeters + " m, " + beamMeters + " m, " + draftMeters + " m");
        }
        if (moves < 0 || maxCranes < 1) {
            throw new IllegalArgumentException("berth call " + id + " needs 0 or more moves and at least 1 crane, was "
                    + moves + " moves, " + maxCranes + " cranes");
        }
        if (alongside != null && alongside.cranes() > maxCranes) {
            throw new IllegalArgumentException("berth call " + id + " is worked by " + alongside.cranes()
                    + " cranes, more than the " + maxCranes + " it can take");
        }
    }

    /** Whether the planner holds this call where it is: moored, or fixed by an operator. */
    public boolean isAlongside() {
        return alongside != null;
    }

    /** Whether an operator fixed this call's berth and berthing before it moored. */
    public boolean isFixed() {
        return alongside != null && alongside.fixed();
    }

    /** The same call with another ETA; its requested berthing moves with it when the line asked to berth on arrival. */
    public BerthCall withEta(Instant newEta) {
        Instant requested = requestedBerthing.equals(eta) || requestedBerthing.isBefore(newEta) ? newEta
                : requestedBerthing;
        return new BerthCall(id, vesselName, lengthMeters, beamMeters, draftMeters, newEta, requested, moves,
                maxCranes, alongside);
    }
}
