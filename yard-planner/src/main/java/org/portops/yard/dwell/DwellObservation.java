package org.portops.yard.dwell;

import java.time.Duration;
import org.portops.model.Validation;

/** One container's stay from the move history: what was known at arrival and how long it stayed. */
public record DwellObservation(DwellFeatures features, Duration dwell) {

    public DwellObservation {
        Validation.notNull(features, "features");
        Validation.notNull(dwell, "dwell");
        if (dwell.isNegative() || dwell.isZero()) {
            throw new IllegalArgumentException("dwell must be positive, was " + dwell);
        }
    }
}
