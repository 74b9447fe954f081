package org.portops.model.work;

import org.portops.model.Validation;
import org.portops.model.equipment.EquipmentId;

/** On a machine, in transit, text {@code equipment:TT042}. */
public record EquipmentLocation(EquipmentId equipment) implements Location {

    public EquipmentLocation {
        Validation.notNull(equipment, "equipment id");
    }

    @Override
    public String toString() {
        return "equipment:" + equipment;
    }
}
