package org.portops.vessel.edi.inbound;

import org.portops.model.container.ContainerNumber;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.StowageSlot;

/**
 * One MOVINS instruction: what to do at a stowage cell. {@code container} is null when the line orders a cell
 * filled by category only (size-type and port of discharge), as MOVINS allows for loads.
 */
public record StowageInstruction(StowageSlot slot, BayPlanAction action, ContainerNumber container,
                                 SizeTypeCode sizeType, String portOfDischarge, boolean reefer, boolean dangerous) {
}
