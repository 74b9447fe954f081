package org.portops.model.event;

import java.time.Instant;
import org.portops.model.Validation;
import org.portops.model.vessel.VesselCall;

/** A vessel call was created or changed; carries its new version. */
public record VesselCallChanged(long sequence, Instant at, VesselCall call) implements YardEvent {

    public VesselCallChanged {
        YardEvent.check(sequence, at);
        Validation.notNull(call, "vessel call");
    }
}
