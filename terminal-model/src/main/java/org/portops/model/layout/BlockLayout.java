package org.portops.model.layout;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.portops.model.Validation;
import org.portops.model.container.ContainerLength;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.Position;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.StackId;
import org.portops.model.yard.YardSlot;

/**
 * A yard block: {@code bays} 20-foot ground positions long, {@code rows} wide, stacked up to {@code maxTiers},
 * worked by {@code craneKind}. Every bay of a row listed in {@code reeferRows} has a reefer plug. {@code origin}
 * is the terminal position of the outer corner of bay 1, row 1; bays run along x, rows along y.
 *
 * <p>See {@link YardSlot} for how 40' and 45' containers cover two bays.
 */
public record BlockLayout(BlockId id, int bays, int rows, int maxTiers, Set<Integer> reeferRows, Position origin,
                          EquipmentKind craneKind) {

    /** Length of one 20' ground position along the block, box and gap, in metres. */
    public static final double BAY_PITCH_METRES = 6.5;
    /** Width of one row across the block, box and gap, in metres. */
    public static final double ROW_PITCH_METRES = 2.9;

    public BlockLayout {
        Validation.notNull(id, "block id");
        Validation.inRange(bays, 1, 99, "bays of block " + id);
        Validation.inRange(rows, 1, 20, "rows of block " + id);
        Validation.inRange(maxTiers, 1, 9, "maxTiers of block " + id);
        SortedSet<Integer> sorted = new TreeSet<>(Validation.notNull(reeferRows, "reefer rows of block " + id));
        for (int row : sorted) {
            Validation.inRange(row, 1, rows, "reefer row of block " + id);
        }
        reeferRows = Collections.unmodifiableSortedSet(sorted);
        Validation.notNull(origin, "origin of block " + id);
        Validation.notNull(craneKind, "crane kind of block " + id);
        if (!craneKind.stacksInYard()) {
            throw new IllegalArgumentException("block " + id + " cannot be worked by " + craneKind
                    + ": it does not stack in the yard");
        }
    }

    /** Whether the slot lies in this block, within its bays, rows and tier limit. */
    public boolean contains(YardSlot slot) {
        return slot.block().equals(id) && slot.bay().number() <= bays && slot.row().number() <= rows
                && slot.tier().level() <= maxTiers;
    }

    /**
     * Whether a container of this length can stand at the slot: inside the block and, for 40'/45', on an odd bay
     * whose even partner bay is inside the block too.
     */
    public boolean fits(YardSlot slot, ContainerLength length) {
        if (!contains(slot)) {
            return false;
        }
        return length.yardBays() == 1 || slot.bay().isOdd() && slot.bay().number() + 1 <= bays;
    }

    /** Whether the stack is in this block and in a plugged row. */
    public boolean hasPlug(StackId stack) {
        return stack.block().equals(id) && stack.bay().number() <= bays && reeferRows.contains(stack.row().number());
    }

    /** Bays × rows × maxTiers, counted in 20' slots. */
    public int capacitySlots() {
        return bays * rows * maxTiers;
    }

    /** The terminal position of the centre of a stack's ground slot. */
    public Position stackCentre(StackId stack) {
        return origin.plus((stack.bay().number() - 0.5) * BAY_PITCH_METRES,
                (stack.row().number() - 0.5) * ROW_PITCH_METRES);
    }
}
