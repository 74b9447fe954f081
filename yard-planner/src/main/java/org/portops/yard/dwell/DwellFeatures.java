package org.portops.yard.dwell;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import org.portops.model.Validation;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerLength;
import org.portops.model.container.LineOperator;

/** What is known of a container when it arrives that bears on how long it stays. */
public record DwellFeatures(LineOperator line, ContainerCategory category, ContainerLength length, boolean reefer,
                            DayOfWeek arrivalDay, boolean customsHold) {

    public DwellFeatures {
        Validation.notNull(line, "line");
        Validation.notNull(category, "category");
        Validation.notNull(length, "length");
        Validation.notNull(arrivalDay, "arrival day");
    }

    /** The features of a container arriving at {@code arrival} (UTC day of week). */
    public static DwellFeatures of(Container container, Instant arrival, boolean customsHold) {
        return new DwellFeatures(container.line(), container.category(), container.length(), container.isReefer(),
                arrival.atZone(ZoneOffset.UTC).getDayOfWeek(), customsHold);
    }
}
