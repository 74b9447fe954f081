package org.portops.model.event;

import java.time.Instant;
import org.portops.model.Validation;
import org.portops.model.equipment.EquipmentState;

/** A machine's state changed. */
public record EquipmentUpdated(long sequence, Instant at, EquipmentState state) implements YardEvent {

    public EquipmentUpdated {
        YardEvent.check(sequence, at);
        Validation.notNull(state, "equipment state");
    }
}
