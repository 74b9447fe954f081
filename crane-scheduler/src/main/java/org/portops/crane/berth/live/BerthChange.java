package org.portops.crane.berth.live;

import org.portops.crane.berth.quay.BerthCall;
import org.portops.model.vessel.VesselCallId;

import java.time.Duration;
import java.time.Instant;

/** A change to the calls the berth planner plans: each is a problem change, re-planned at once. */
public sealed interface BerthChange
        permits BerthChange.CallChanged, BerthChange.EtaUpdated, BerthChange.Delayed, BerthChange.Cancelled {

    VesselCallId call();

    /** When the change was reported. */
    Instant at();

    String describe();

    /** A new call, or a known call's new version (from live state: ETA, bay plan, vessel alongside). */
    record CallChanged(BerthCall berthCall, Instant at) implements BerthChange {
        public VesselCallId call() {
            return berthCall.id();
        }

        public String describe() {
            return "vessel call " + berthCall.id() + " (" + berthCall.vesselName() + ") changed: ETA " + berthCall.eta()
                    + (berthCall.isFixed() ? ", fixed by an operator from " + berthCall.alongside().since()
                    : berthCall.isAlongside() ? ", alongside since " + berthCall.alongside().since() : "");
        }
    }

    /** The line reports a new ETA. */
    record EtaUpdated(VesselCallId call, Instant eta, Instant at) implements BerthChange {
        public String describe() {
            return "vessel call " + call + ": ETA now " + eta;
        }
    }

    /** The vessel is late (or early, for a negative delay) by {@code delay} against its ETA. */
    record Delayed(VesselCallId call, Duration delay, Instant at) implements BerthChange {
        public String describe() {
            return "vessel call " + call + " delayed by " + delay.toMinutes() + " min";
        }
    }

    /** The call will not come. */
    record Cancelled(VesselCallId call, Instant at) implements BerthChange {
        public String describe() {
            return "vessel call " + call + " cancelled";
        }
    }
}
