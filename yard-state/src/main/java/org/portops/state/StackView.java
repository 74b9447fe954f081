package org.portops.state;

import org.portops.model.container.ContainerNumber;
import org.portops.model.yard.StackId;
import org.portops.model.yard.Tier;

import java.util.List;

/**
 * One stack as readers see it, ground tier first. A container is shown where the containers map says it is, so a
 * container being moved is never shown in two stacks nor missing from both.
 */
public record StackView(StackId stack, int maxTiers, boolean plugged, List<TierView> tiers) {

    /** What a slot holds. */
    public enum SlotStatus { EMPTY, OCCUPIED, RESERVED }

    /**
     * One tier of the stack.
     *
     * @param container     the container standing here (OCCUPIED) or on its way here (RESERVED), else null
     * @param longContainer whether that container is a 40'/45' covering this bay and its neighbour
     * @param closed        whether the slot is closed to new containers
     */
    public record TierView(Tier tier, SlotStatus status, ContainerNumber container, boolean longContainer,
                           boolean closed) {
    }

    /** The containers standing in this stack, ground tier first. */
    public List<ContainerNumber> containers() {
        return tiers.stream().filter(t -> t.status() == SlotStatus.OCCUPIED).map(TierView::container).toList();
    }

    /** How many tiers hold a container. */
    public int height() {
        return (int) tiers.stream().filter(t -> t.status() == SlotStatus.OCCUPIED).count();
    }
}
