package org.portops.yard.slot;

import java.time.Instant;
import org.portops.model.Validation;
import org.portops.model.container.Container;
import org.portops.model.equipment.Position;

/**
 * A container announced for the yard (bay plan discharge, pre-advice, gate-in) that needs a slot.
 *
 * @param departure         when it is expected to leave the yard: its vessel call's loading turn for an export, a
 *                          pickup appointment, or a dwell-time forecast's interval otherwise
 * @param vesselCall        the vessel call it loads onto (exports and transshipments), else null
 * @param origin            where it enters the yard from (a berth's apron position, a gate), for travel
 */
public record SlotRequest(Container container, Departure departure, String vesselCall, Position origin) {

    public SlotRequest {
        Validation.notNull(container, "container of a slot request");
        Validation.notNull(departure, "expected departure of " + container.number());
        Validation.notNull(origin, "origin of " + container.number());
    }

    /** A container whose departure is known to the minute. */
    public SlotRequest(Container container, Instant departure, String vesselCall, Position origin) {
        this(container, Departure.at(Validation.notNull(departure, "departure")), vesselCall, origin);
    }

    /** The group it loads with, or null for a container that does not leave on a known vessel call. */
    public ExportGroup exportGroup() {
        return vesselCall == null ? null : new ExportGroup(vesselCall, container.portOfDischarge());
    }
}
