package org.portops.vessel.edi.inbound;

import java.time.Instant;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.ImdgClass;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.work.MoveKind;

/**
 * One move a COARRI (discharge, load) or CODECO (gate in, gate out) reports. {@code slot} is null for gate moves,
 * {@code weightKg} 0 and the ports and IMDG class null when not sent.
 */
public record ReportedMove(ContainerNumber container, SizeTypeCode sizeType, MoveKind kind, boolean full,
                           StowageSlot slot, Instant at, int weightKg, UnLocode portOfLoading,
                           UnLocode portOfDischarge, ImdgClass imdgClass) {
}
