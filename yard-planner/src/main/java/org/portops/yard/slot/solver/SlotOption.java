package org.portops.yard.slot.solver;

import java.util.List;
import org.portops.model.container.ContainerLength;
import org.portops.model.yard.YardSlot;
import org.portops.yard.slot.Departure;
import org.portops.yard.slot.ExportGroup;
import org.portops.yard.slot.WeightClass;

/**
 * One slot a particular arriving container may take: the top of a stack, with the facts of that stack the
 * constraints judge. Built per arriving container (travel depends on where it comes from), never changed after.
 *
 * @param slot                   the slot it would take (tier = stack height + 1)
 * @param stackNumber            the yard model's stack number of the slot's first bay
 * @param lengthBays             the bays the arriving container covers, 1 or 2
 * @param bayPairFree            for a 40'/45': the slot starts at an odd bay with its partner bay in the block
 * @param topLength              length of the container it would stand on, null on the ground
 * @param topGroup               export group of the container it would stand on, null if none
 * @param topWeightClass         weight class of the container it would stand on, null on the ground
 * @param departuresBelow        expected departures of the containers in the stack
 * @param kilogramsAfter         weight on the heaviest ground position it covers after placing it
 * @param x                      terminal x of the slot's centre, metres
 * @param y                      terminal y of the slot's centre, metres
 * @param fillPercentAfter       the block's fill after placing it, percent of its 20' slots
 */
public record SlotOption(YardSlot slot, int stackNumber, int lengthBays, int maxTiers, boolean closed, boolean plugged,
                         boolean bayPairFree, ContainerLength topLength, ExportGroup topGroup,
                         WeightClass topWeightClass, List<Departure> departuresBelow, int kilogramsAfter,
                         int maxKilogramsPerPosition, int craneSafeWorkingLoad, int travelMetres, double x, double y,
                         BlockLoad blockLoad, int fillPercentAfter, int targetFillPercent,
                         List<NearbyDangerousGoods> dangerousGoods) {

    public SlotOption {
        departuresBelow = List.copyOf(departuresBelow);
        dangerousGoods = List.copyOf(dangerousGoods);
    }

    public String block() {
        return slot.block().value();
    }

    public int bay() {
        return slot.bay().number();
    }

    public int row() {
        return slot.row().number();
    }

    public int tier() {
        return slot.tier().level();
    }

    /** Whether this option and another take a common 20' cell. */
    public boolean overlaps(SlotOption other) {
        return block().equals(other.block()) && row() == other.row() && tier() == other.tier()
                && bay() < other.bay() + other.lengthBays() && other.bay() < bay() + lengthBays();
    }

    @Override
    public String toString() {
        return slot.toString();
    }
}
