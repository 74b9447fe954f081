package org.portops.model.vessel;

import org.portops.model.Validation;

/** A vessel row, 0..30 (ISO 9711: 00 on the centre line, odd to starboard, even to port). */
public record VesselRow(int number) {

    public VesselRow {
        Validation.inRange(number, 0, 30, "vessel row");
    }

    @Override
    public String toString() {
        return String.format("%02d", number);
    }
}
