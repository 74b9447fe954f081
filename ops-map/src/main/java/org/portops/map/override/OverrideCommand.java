package org.portops.map.override;

import java.util.Objects;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.WorkInstructionId;

/**
 * An operator's order from the map: put this move's crane task on that crane.
 *
 * @param operator who gave it (the signed-in subject), for the crane scheduler and the audit trail
 * @param reason   the operator's words; the audit trail keeps them with the outcome
 */
public record OverrideCommand(WorkInstructionId instruction, EquipmentId crane, String operator, String reason) {

    public OverrideCommand {
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(crane, "crane");
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("operator: an override needs the operator's name");
        }
        reason = reason == null || reason.isBlank() ? "pinned from the operator map" : reason.strip();
    }
}
