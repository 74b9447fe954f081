package org.portops.crane.vessel;

import org.portops.model.container.ContainerNumber;
import org.portops.model.work.Location;

/** A line of the load list: a container going on board and where it is ashore now. */
public record LoadOrder(ContainerNumber container, Location from) {
    public LoadOrder {
        if (container == null || from == null) {
            throw new IllegalArgumentException("a load order needs a container and where it is, was "
                    + container + " from " + from);
        }
    }
}
