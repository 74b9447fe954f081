package org.portops.vessel.edi.inbound;

import org.portops.model.container.Container;
import org.portops.model.vessel.StowageSlot;

/** A container at its stowage position, as a BAPLIE reports it. */
public record StowedContainer(StowageSlot slot, Container container) {
}
