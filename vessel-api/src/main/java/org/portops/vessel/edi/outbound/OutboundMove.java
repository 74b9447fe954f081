package org.portops.vessel.edi.outbound;

import java.time.Instant;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.ImdgClass;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.work.MoveKind;

/**
 * One move to report to a line: from the move log, with the container's master data. {@code slot} is the stowage
 * position of a discharge or load (null for gate moves), {@code gateLane} the lane of a gate move (null otherwise),
 * {@code weightKg} 0 when unknown, {@code imdgClass} null
 * unless it carries dangerous goods.
 */
public record OutboundMove(ContainerNumber container, SizeTypeCode sizeType, MoveKind kind, boolean full,
                           StowageSlot slot, String gateLane, Instant at, int weightKg, UnLocode portOfLoading,
                           UnLocode portOfDischarge, ImdgClass imdgClass) {
}
