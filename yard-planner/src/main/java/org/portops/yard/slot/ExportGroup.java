package org.portops.yard.slot;

import org.portops.model.Validation;
import org.portops.model.container.UnLocode;

/** Export containers that load onto the same vessel call for the same port of discharge: they stack together. */
public record ExportGroup(String vesselCall, UnLocode portOfDischarge) {

    public ExportGroup {
        Validation.notNull(vesselCall, "vessel call of an export group");
        Validation.notNull(portOfDischarge, "port of discharge of an export group");
        if (vesselCall.isBlank()) {
            throw new IllegalArgumentException("vessel call of an export group must not be blank");
        }
    }

    @Override
    public String toString() {
        return vesselCall + "/" + portOfDischarge.value();
    }
}
