package org.portops.model.work;

import org.portops.model.Validation;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.yard.YardSlot;

/**
 * Where a container is or goes: a yard slot, a stowage slot of a vessel call, a gate lane, or on a machine.
 * Text form, round-tripped by {@link #parse} and {@code toString()}: {@code yard:A01-05-03-2},
 * {@code vessel:CALL1/0340282}, {@code gate:IN-3}, {@code equipment:TT042}.
 */
public sealed interface Location permits YardLocation, VesselLocation, GateLocation, EquipmentLocation {

    /** Parses the text form; the message names the accepted forms when the text fits none. */
    static Location parse(String text) {
        Validation.notNull(text, "location");
        int colon = text.indexOf(':');
        String kind = colon < 0 ? "" : text.substring(0, colon);
        String rest = colon < 0 ? "" : text.substring(colon + 1);
        return switch (kind) {
            case "yard" -> new YardLocation(YardSlot.parse(rest));
            case "vessel" -> VesselLocation.parseBody(rest);
            case "gate" -> new GateLocation(rest);
            case "equipment" -> new EquipmentLocation(new EquipmentId(rest));
            default -> throw new IllegalArgumentException("location must be yard:<slot>, vessel:<call>/<BBBRRTT>, "
                    + "gate:<lane> or equipment:<id>, was '" + text + "'");
        };
    }
}
