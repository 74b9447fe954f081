package org.portops.crane.vessel;

import org.portops.model.container.ContainerNumber;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;

/** One container a crane moves: the seed of a work instruction once the plan says which crane and when. */
public record CraneMove(ContainerNumber container, MoveKind kind, Location from, Location to) {
}
