package org.portops.yard.live;

import java.time.Duration;
import java.time.Instant;
import org.portops.model.container.Container;
import org.portops.yard.slot.Departure;

/**
 * When a container that is on no vessel call's load list is expected to leave the yard: the dwell model's 80 %
 * interval ({@code DwellModel.forecast}) where one is trained, else {@link #categoryDefaults()}.
 */
@FunctionalInterface
public interface DepartureForecast {

    Departure departure(Container container, Instant plannedAt);

    /**
     * Without a dwell model: imports 1 to 6 days, empties 2 to 14, anything else 1 to 7, from now. Wide windows, so
     * "leaves later" is graded by chance and never taken as sure.
     */
    static DepartureForecast categoryDefaults() {
        return (container, at) -> switch (container.category()) {
            case IMPORT -> new Departure(at.plus(Duration.ofDays(1)), at.plus(Duration.ofDays(6)));
            case EMPTY -> new Departure(at.plus(Duration.ofDays(2)), at.plus(Duration.ofDays(14)));
            case EXPORT, TRANSSHIPMENT -> new Departure(at.plus(Duration.ofDays(1)), at.plus(Duration.ofDays(7)));
        };
    }
}
