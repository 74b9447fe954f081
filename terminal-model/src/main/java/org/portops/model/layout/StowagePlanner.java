package org.portops.model.layout;

import org.portops.model.container.ContainerLength;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.Vessel;

/**
 * Hands out stowage slots on one side of a bay plan without overlaps: the ship is a grid of 40' cells (even bay
 * 4k+2, row, tier), filled bottom-up, hold tiers before deck tiers. A 40'/45' container takes a whole cell at its
 * even bay; two 20' containers share a cell at bays 4k+1 and 4k+3.
 */
final class StowagePlanner {

    private final int forties;
    private final int rows;
    private final int holdTiers;
    private final int deckTiers;
    private int nextCell;
    private int halfCell = -1;

    StowagePlanner(Vessel vessel) {
        this.forties = Math.min(24, Math.max(4, (int) (vessel.lengthOverallMeters() / 15)));
        this.rows = Math.min(30, Math.max(5, (int) (vessel.beamMeters() / 2.5)));
        this.holdTiers = Math.min(9, Math.max(3, (int) (vessel.draftMeters() * 0.6)));
        this.deckTiers = Math.min(9, Math.max(3, holdTiers - 1));
    }

    StowageSlot next(ContainerLength length) {
        if (length != ContainerLength.TWENTY) {
            return slot(takeCell(), 2);
        }
        if (halfCell >= 0) {
            int cell = halfCell;
            halfCell = -1;
            return slot(cell, 3);
        }
        halfCell = takeCell();
        return slot(halfCell, 1);
    }

    private int takeCell() {
        if (nextCell >= forties * rows * (holdTiers + deckTiers)) {
            throw new IllegalStateException("vessel is full after " + nextCell + " 40' cells");
        }
        return nextCell++;
    }

    /** Cell number → slot: tier-major, then bay, then row, so lower tiers fill first. */
    private StowageSlot slot(int cell, int bayOffset) {
        int row = cell % rows;
        int fortyBay = cell / rows % forties;
        int tierIndex = cell / (rows * forties);
        int tier = tierIndex < holdTiers ? 2 + 2 * tierIndex : 82 + 2 * (tierIndex - holdTiers);
        int rowNumber = rows % 2 == 1 ? row : row + 1;
        return StowageSlot.of(4 * fortyBay + bayOffset, rowNumber, tier);
    }
}
