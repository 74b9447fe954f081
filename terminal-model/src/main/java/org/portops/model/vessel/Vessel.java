package org.portops.model.vessel;

import org.portops.model.Validation;

/** A ship: IMO number, name and the dimensions berth planning needs, in metres. */
public record Vessel(ImoNumber imo, String name, double lengthOverallMeters, double beamMeters,
                     double draftMeters) {

    public Vessel {
        Validation.notNull(imo, "vessel IMO number");
        Validation.notNull(name, "vessel name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("vessel name of IMO " + imo + " must not be blank");
        }
        Validation.inRange(lengthOverallMeters, 1.0, 500.0, "length overall of " + name);
        Validation.inRange(beamMeters, 1.0, 80.0, "beam of " + name);
        Validation.inRange(draftMeters, 0.5, 30.0, "draft of " + name);
    }
}
