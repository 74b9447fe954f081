package org.portops.vessel.edi.outbound;

import java.time.Instant;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.MoveKind;

/** A discharge or load of a vessel call with the quay crane that made it, from the move log. */
public record CraneMove(EquipmentId crane, MoveKind kind, ContainerNumber container, Instant at) {
}
