package org.portops.model.work;

import org.portops.model.Validation;
import org.portops.model.yard.YardSlot;

/** A yard slot, text {@code yard:A01-05-03-2}. */
public record YardLocation(YardSlot slot) implements Location {

    public YardLocation {
        Validation.notNull(slot, "yard slot");
    }

    @Override
    public String toString() {
        return "yard:" + slot;
    }
}
