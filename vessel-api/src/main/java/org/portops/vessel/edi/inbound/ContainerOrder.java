package org.portops.vessel.edi.inbound;

import org.portops.model.container.Container;
import org.portops.model.vessel.BayPlanAction;

/**
 * One COPRAR line: a container to load or to discharge, read from the segments at positions {@code first} to
 * {@code last} of the interchange (its equipment group), so an error found there can be laid at its door.
 */
public record ContainerOrder(Container container, BayPlanAction action, int first, int last) {

    /** Whether the finding at {@code position} is about this order's segments. */
    public boolean spans(int position) {
        return position >= first && position <= last;
    }
}
