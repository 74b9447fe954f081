package org.portops.model.layout;

import org.portops.model.Validation;
import org.portops.model.work.GateLocation;

/** A truck lane at the gate: inbound (trucks entering) or outbound. */
public record GateLane(String id, boolean inbound) {

    public GateLane {
        Validation.matching(id, GateLocation.LANE, "gate lane id", "1..16 letters, digits, '-' or '_'");
    }

    public GateLocation location() {
        return new GateLocation(id);
    }
}
