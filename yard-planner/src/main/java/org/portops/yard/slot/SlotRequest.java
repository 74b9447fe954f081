package org.portops.yard.slot;

import java.time.Instant;
import org.portops.model.Validation;
import org.portops.model.container.Container;
import org.portops.model.equipment.Position;

/**
 * A container announced for the yard (bay plan discharge, pre-advice, gate-in) that needs a slot.
 *
 * @param expectedDeparture when it is expected to leave the yard: its vessel call's loading for an export, a pickup
 *                          appointment or a dwell-time estimate otherwise
 * @param vesselCall        the vessel call it loads onto (exports and transshipments), else null
 * @param origin            where it enters the yard from (a berth's apron position, a gate), for travel
 */
public record SlotRequest(Container container, Instant expectedDeparture, String vesselCall, Position origin) {

    public SlotRequest {
        Validation.notNull(container, "container of a slot request");
        Validation.notNull(expectedDeparture, "expected departure of " + container.number());
        Validation.notNull(origin, "origin of " + container.number());
    }

    /** The group it loads with, or null for a container that does not leave on a known vessel call. */
    public ExportGroup exportGroup() {
        return vesselCall == null ? null : new ExportGroup(vesselCall, container.portOfDischarge());
    }
}
