package org.portops.crane.vessel;

import org.portops.model.container.ContainerNumber;
import org.portops.model.work.Location;

/** A line of the discharge list: a container coming off the vessel and where it goes ashore. */
public record DischargeOrder(ContainerNumber container, Location to) {
    public DischargeOrder {
        if (container == null || to == null) {
            throw new IllegalArgumentException("a discharge order needs a container and where it goes, was "
                    + container + " to " + to);
        }
    }
}
