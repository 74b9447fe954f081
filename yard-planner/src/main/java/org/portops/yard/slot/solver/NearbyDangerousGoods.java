package org.portops.yard.slot.solver;

import org.portops.model.container.ContainerNumber;
import org.portops.model.container.ImdgClass;
import org.portops.model.yard.YardSlot;
import org.portops.yard.slot.SlotDistance;

/** A dangerous-goods container already in the yard near a slot option, and how far from it. */
public record NearbyDangerousGoods(ContainerNumber container, ImdgClass imdg, YardSlot slot, SlotDistance distance) {
}
