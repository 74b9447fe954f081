package org.portops.vessel.edi.outbound;

import java.util.List;

/** What the gate clerk found on a container: its seal (null when none) and the damage seen, for CODECO. */
public record GateInspection(String seal, List<String> damages) {

    public static final GateInspection NONE = new GateInspection(null, List.of());

    public GateInspection {
        damages = List.copyOf(damages);
    }
}
