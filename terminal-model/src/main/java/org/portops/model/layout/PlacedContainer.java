package org.portops.model.layout;

import org.portops.model.Validation;
import org.portops.model.container.Container;
import org.portops.model.yard.YardSlot;

/** A container standing at a yard slot (for 40'/45', the slot of its odd bay; see {@link YardSlot}). */
public record PlacedContainer(Container container, YardSlot slot) {

    public PlacedContainer {
        Validation.notNull(container, "container");
        Validation.notNull(slot, "yard slot of " + container.number());
    }
}
