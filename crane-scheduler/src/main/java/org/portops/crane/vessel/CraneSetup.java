package org.portops.crane.vessel;

import org.portops.crane.qcsp.Unavailability;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.VesselBay;

import java.time.Instant;
import java.util.List;

/**
 * A quay crane given to a vessel call: where it stands and from when, its rate in crane cycles per hour (a twin
 * lift is one cycle, so twins raise its moves per hour), the wind speed (m/s) above which it must stop, and when it
 * is not available (maintenance, breaks, work at another vessel).
 */
public record CraneSetup(EquipmentId crane, VesselBay startsAt, Instant readyAt, int cyclesPerHour, double windLimit,
                         List<Outage> outages) {

    /** A time the crane does no work for this vessel. */
    public record Outage(Instant from, Instant until, Unavailability.Reason reason) {
        public Outage {
            if (from == null || until == null || reason == null || !until.isAfter(from)) {
                throw new IllegalArgumentException("an outage needs a reason and must end after it starts, was "
                        + reason + " " + from + ".." + until);
            }
        }
    }

    public CraneSetup {
        if (crane == null || startsAt == null || readyAt == null) {
            throw new IllegalArgumentException("crane setup needs the crane, its bay and ready time, was " + crane
                    + " at " + startsAt + " from " + readyAt);
        }
        if (cyclesPerHour < 1) {
            throw new IllegalArgumentException("crane " + crane + ": cycles per hour must be 1 or more, was " + cyclesPerHour);
        }
        if (!(windLimit > 0)) {
            throw new IllegalArgumentException("crane " + crane + ": wind limit must be positive, was " + windLimit);
        }
        outages = List.copyOf(outages);
    }
}
