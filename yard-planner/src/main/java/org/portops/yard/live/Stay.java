package org.portops.yard.live;

import java.time.Duration;
import java.time.Instant;
import org.portops.model.container.Container;
import org.portops.yard.dwell.DwellFeatures;
import org.portops.yard.dwell.DwellObservation;

/** One container's stay in the terminal as the move log records it: from its arrival to its departure. */
record Stay(Container container, Instant arrived, Instant left) {

    Duration dwell() {
        return Duration.between(arrived, left);
    }

    /** The move log records no customs status, so every stay counts as without a hold. */
    DwellFeatures features() {
        return DwellFeatures.of(container, arrived, false);
    }

    DwellObservation observation() {
        return new DwellObservation(features(), dwell());
    }
}
