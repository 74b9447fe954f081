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
 * @param yardSlot where a container coming in is put down (the slot on the gate ticket), null for OUT
 */
public record GateVisit(GateDirection direction, UUID appointment, ContainerNumber container, String truck,
                        GateLocation lane, String seal, List<String> damages, YardSlot yardSlot) {

    public GateVisit {
        damages = List.copyOf(damages);
        if (direction == GateDirection.IN && yardSlot == null) {
            throw new IllegalArgumentException("a container coming in needs the yard slot it goes to");
        }
    }
}
