package org.portops.model.equipment;

import org.portops.model.Validation;

/** A machine in the terminal's equipment registry. {@code model} is free text (make and type). */
public record Equipment(EquipmentId id, EquipmentKind kind, String model) {

    public Equipment {
        Validation.notNull(id, "equipment id");
        Validation.notNull(kind, "equipment kind of " + id);
        Validation.notNull(model, "model of " + id);
    }
}
