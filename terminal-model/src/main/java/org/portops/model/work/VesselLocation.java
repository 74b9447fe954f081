package org.portops.model.work;

import org.portops.model.Validation;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.VesselCallId;

/** A stowage slot on the vessel of a call, text {@code vessel:CALL1/0340282}. */
public record VesselLocation(VesselCallId call, StowageSlot slot) implements Location {

    public VesselLocation {
        Validation.notNull(call, "vessel call id");
        Validation.notNull(slot, "stowage slot");
    }

    static VesselLocation parseBody(String body) {
        int slash = body.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("vessel location must look like vessel:CALL1/0340282, was 'vessel:"
                    + body + "'");
        }
        return new VesselLocation(new VesselCallId(body.substring(0, slash)),
                StowageSlot.parse(body.substring(slash + 1)));
    }

    @Override
    public String toString() {
        return "vessel:" + call + "/" + slot;
    }
}
