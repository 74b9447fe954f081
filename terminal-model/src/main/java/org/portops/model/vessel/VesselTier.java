package org.portops.model.vessel;

import org.portops.model.Validation;

/** A vessel tier, 2..98 (ISO 9711: 02, 04, ... in the hold; 80 and up on deck). */
public record VesselTier(int number) {

    public VesselTier {
        Validation.inRange(number, 2, 98, "vessel tier");
    }

    /** On deck (tier 80 or above, ISO 9711). */
    public boolean isDeck() {
        return number >= 80;
    }

    @Override
    public String toString() {
        return String.format("%02d", number);
    }
}
