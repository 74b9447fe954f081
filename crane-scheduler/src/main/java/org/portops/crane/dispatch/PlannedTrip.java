package org.portops.crane.dispatch;

import java.time.Duration;
import java.time.Instant;

/**
 * One job on a vehicle's route, timed: it leaves ({@code departs}) empty for the pickup, is there at
 * {@code atPickup}, has the box at {@code pickedUp}, reaches the drop at {@code atDrop} and is free at
 * {@code free}. {@code craneWait} is how long the crane waits for it (a yard shift's lateness for yard shifts);
 * {@code pinned} jobs were dispatched or in progress and are not re-planned.
 */
public record PlannedTrip(TransportJob job, boolean pinned, Instant departs, Duration emptyDrive, Instant atPickup,
                          Instant pickedUp, Instant atDrop, Instant free, Duration lateness) {

    public TransportJobId id() {
        return job.id();
    }
}
