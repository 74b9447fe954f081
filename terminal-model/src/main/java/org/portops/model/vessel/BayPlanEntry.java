package org.portops.model.vessel;

import org.portops.model.Validation;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerLength;

/** One line of a bay plan: a container at a stowage slot and what to do with it. */
public record BayPlanEntry(StowageSlot slot, Container container, BayPlanAction action) {

    public BayPlanEntry {
        Validation.notNull(slot, "stowage slot");
        Validation.notNull(container, "container");
        Validation.notNull(action, "bay plan action of " + container.number());
        boolean forty = container.length() != ContainerLength.TWENTY;
        if (forty != slot.bay().isFortyFootBay()) {
            throw new IllegalArgumentException("container " + container.number() + " (" + container.sizeType()
                    + ") cannot be stowed at " + slot + ": 20' containers go in odd bays, 40'/45' in even bays");
        }
    }
}
