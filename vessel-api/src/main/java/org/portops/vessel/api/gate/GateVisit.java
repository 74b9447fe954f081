package org.portops.vessel.api.gate;

import java.util.List;
import java.util.UUID;
import org.portops.model.container.ContainerNumber;
import org.portops.model.work.GateLocation;
import org.portops.model.yard.YardSlot;

/**
 * What a gate clerk records for a truck at a lane: the appointment it shows, the container on it (IN) or it comes
 * for (OUT), the seal on the doors and the damage seen.
 *
 * @param seal     the seal number, null when there is none
 * @param yardSlot where a container coming in is put down: the slot on the gate ticket, or null for the yard
 *                 planner to give one (and for OUT)
 */
public record GateVisit(GateDirection direction, UUID appointment, ContainerNumber container, String truck,
                        GateLocation lane, String seal, List<String> damages, YardSlot yardSlot) {

    public GateVisit {
        damages = List.copyOf(damages);
    }

    /** The same visit going to {@code slot}, the one the yard planner gave. */
    public GateVisit toSlot(YardSlot slot) {
        return new GateVisit(direction, appointment, container, truck, lane, seal, damages, slot);
    }
}
