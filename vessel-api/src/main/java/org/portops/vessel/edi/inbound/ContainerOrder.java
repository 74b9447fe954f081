package org.portops.vessel.edi.inbound;

import org.portops.model.container.Container;
import org.portops.model.vessel.BayPlanAction;

/** One COPRAR line: a container to load or to discharge. */
public record ContainerOrder(Container container, BayPlanAction action) {
}
