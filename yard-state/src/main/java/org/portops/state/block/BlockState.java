package org.portops.state.block;

import org.portops.model.container.ContainerNumber;
import org.portops.model.layout.BlockLayout;
import org.portops.model.yard.YardSlot;
import org.portops.state.MoveRefusal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One yard block with all its stacks: the unit of atomicity of the live yard. It is one Hazelcast entry, changed
 * only by the entry processors of this package, which run on the partition thread that owns the block, so every
 * check and change below is atomic. Stored with {@code InMemoryFormat.OBJECT}: processors change the arrays in
 * place, no block is copied per operation, and the backup replica re-runs the same small processor.
 *
 * <p>A cell is one 20' ground position (bay, row) at one tier. A 40'/45' standing at odd bay b covers cells b
 * ({@link #HEAD}) and b + 1 ({@link #TAIL}) of the same row and tier. A cell is {@link #EMPTY}, {@link #OCCUPIED}
 * or {@link #INBOUND} (reserved for a container whose move is under way); an occupied cell whose container is
 * leaving carries the leaving move's sequence. Every mutating method checks first and changes nothing when it
 * refuses.
 */
public final class BlockState {

    public static final byte EMPTY = 0;
    public static final byte OCCUPIED = 1;
    public static final byte INBOUND = 2;

    public static final byte SINGLE = 0;
    public static final byte HEAD = 1;
    public static final byte TAIL = 2;

    final String block;
    final int bays;
    final int rows;
    final int maxTiers;
    final int plugRowMask;
    final String[] occupant;
    final byte[] state;
    final byte[] span;
    final boolean[] reefer;
    final long[] sequence;
    final long[] leaving;
    final boolean[] closed;

    BlockState(String block, int bays, int rows, int maxTiers, int plugRowMask, String[] occupant, byte[] state,
               byte[] span, boolean[] reefer, long[] sequence, long[] leaving, boolean[] closed) {
        this.block = block;
        this.bays = bays;
        this.rows = rows;
        this.maxTiers = maxTiers;
        this.plugRowMask = plugRowMask;
        this.occupant = occupant;
        this.state = state;
        this.span = span;
        this.reefer = reefer;
        this.sequence = sequence;
        this.leaving = leaving;
        this.closed = closed;
    }

    /** An empty block shaped like its layout. */
    public static BlockState empty(BlockLayout layout) {
        int mask = 0;
        for (int row : layout.reeferRows()) {
            mask |= 1 << row;
        }
        int cells = layout.bays() * layout.rows() * layout.maxTiers();
        return new BlockState(layout.id().value(), layout.bays(), layout.rows(), layout.maxTiers(), mask,
                new String[cells], new byte[cells], new byte[cells], new boolean[cells], new long[cells],
                new long[cells], new boolean[cells]);
    }

    /** A deep copy, for tests and for building a block before it is stored. */
    public BlockState copy() {
        return new BlockState(block, bays, rows, maxTiers, plugRowMask, occupant.clone(), state.clone(), span.clone(),
                reefer.clone(), sequence.clone(), leaving.clone(), closed.clone());
    }

    public String block() {
        return block;
    }

    public int bays() {
        return bays;
    }

    public int rows() {
        return rows;
    }

    public int maxTiers() {
        return maxTiers;
    }

    public boolean hasPlug(int row) {
        return (plugRowMask & (1 << row)) != 0;
    }

    int cell(int bay, int row, int tier) {
        return ((bay - 1) * rows + (row - 1)) * maxTiers + (tier - 1);
    }

    private YardSlot slot(int bay, int row, int tier) {
        return YardSlot.of(block, bay, row, tier);
    }

    // ---- placement ---------------------------------------------------------------------------------------------

    /** Reserves the slot for {@code container}, arriving with move {@code seq}; a repeat of the same move is a no-op. */
    public MoveRefusal reserve(String container, int bay, int row, int tier, int lengthBays, boolean reeferContainer,
                               long seq) {
        if (holds(bay, row, tier, container, INBOUND, seq)) {
            return null;
        }
        MoveRefusal refusal = checkPlacement(bay, row, tier, lengthBays, reeferContainer);
        if (refusal == null) {
            write(container, bay, row, tier, lengthBays, reeferContainer, INBOUND, seq);
        }
        return refusal;
    }

    /** Puts {@code container} at the slot at once (rebuild from the log, inventory). */
    public MoveRefusal place(String container, int bay, int row, int tier, int lengthBays, boolean reeferContainer,
                             long seq) {
        MoveRefusal refusal = checkPlacement(bay, row, tier, lengthBays, reeferContainer);
        if (refusal == null) {
            write(container, bay, row, tier, lengthBays, reeferContainer, OCCUPIED, seq);
        }
        return refusal;
    }

    private boolean holds(int bay, int row, int tier, String container, byte expectedState, long seq) {
        if (!inside(bay, row, tier)) {
            return false;
        }
        int c = cell(bay, row, tier);
        return state[c] == expectedState && sequence[c] == seq && container.equals(occupant[c]) && span[c] != TAIL;
    }

    private boolean inside(int bay, int row, int tier) {
        return bay >= 1 && bay <= bays && row >= 1 && row <= rows && tier >= 1 && tier <= maxTiers;
    }

    MoveRefusal checkPlacement(int bay, int row, int tier, int lengthBays, boolean reeferContainer) {
        if (bay < 1 || row < 1 || row > rows || bay + lengthBays - 1 > bays) {
            return new MoveRefusal.OutsideBlock(slot(bay, row, tier), bays, rows);
        }
        if (lengthBays == 2 && bay % 2 == 0) {
            return new MoveRefusal.LongContainerOnEvenBay(slot(bay, row, tier));
        }
        if (tier > maxTiers) {
            return new MoveRefusal.TierLimitExceeded(slot(bay, row, tier), maxTiers);
        }
        if (reeferContainer && !hasPlug(row)) {
            return new MoveRefusal.ReeferWithoutPlug(slot(bay, row, tier));
        }
        for (int b = bay; b < bay + lengthBays; b++) {
            int c = cell(b, row, tier);
            if (closed[c]) {
                return new MoveRefusal.SlotClosed(slot(b, row, tier));
            }
            if (state[c] == OCCUPIED) {
                return new MoveRefusal.SlotOccupied(slot(b, row, tier), ContainerNumber.of(occupant[c]));
            }
            if (state[c] == INBOUND) {
                return new MoveRefusal.SlotReserved(slot(b, row, tier), ContainerNumber.of(occupant[c]));
            }
            if (tier > 1) {
                int below = cell(b, row, tier - 1);
                if (state[below] != OCCUPIED || leaving[below] != 0) {
                    return new MoveRefusal.WouldFloat(slot(b, row, tier), slot(b, row, tier - 1));
                }
            }
        }
        return null;
    }

    private void write(String container, int bay, int row, int tier, int lengthBays, boolean reeferContainer,
                       byte newState, long seq) {
        for (int b = bay; b < bay + lengthBays; b++) {
            int c = cell(b, row, tier);
            occupant[c] = container;
            state[c] = newState;
            span[c] = lengthBays == 1 ? SINGLE : (b == bay ? HEAD : TAIL);
            reefer[c] = reeferContainer;
            sequence[c] = seq;
            leaving[c] = 0;
        }
    }

    // ---- removal -----------------------------------------------------------------------------------------------

    /** Marks {@code container} as leaving its slot with move {@code seq}; a repeat of the same move is a no-op. */
    public MoveRefusal markLeaving(String container, int bay, int row, int tier, long seq) {
        if (inside(bay, row, tier) && leaving[cell(bay, row, tier)] == seq && holds(bay, row, tier, container,
                OCCUPIED, sequence[cell(bay, row, tier)])) {
            return null;
        }
        MoveRefusal refusal = checkRemoval(container, bay, row, tier);
        if (refusal == null) {
            setLeaving(bay, row, tier, seq);
        }
        return refusal;
    }

    /** Takes {@code container} out of its slot at once (rebuild from the log). */
    public MoveRefusal remove(String container, int bay, int row, int tier) {
        MoveRefusal refusal = checkRemoval(container, bay, row, tier);
        if (refusal == null) {
            clear(bay, row, tier, lengthAt(cell(bay, row, tier)));
        }
        return refusal;
    }

    MoveRefusal checkRemoval(String container, int bay, int row, int tier) {
        if (!inside(bay, row, tier)) {
            return new MoveRefusal.OutsideBlock(slot(bay, row, tier), bays, rows);
        }
        int c = cell(bay, row, tier);
        if (state[c] != OCCUPIED || !container.equals(occupant[c]) || span[c] == TAIL) {
            return new MoveRefusal.NotInSlot(ContainerNumber.of(container), slot(bay, row, tier));
        }
        if (leaving[c] != 0) {
            return new MoveRefusal.MoveInProgress(ContainerNumber.of(container), leaving[c]);
        }
        if (tier < maxTiers) {
            for (int b = bay; b < bay + lengthAt(c); b++) {
                int above = cell(b, row, tier + 1);
                if (state[above] != EMPTY) {
                    return new MoveRefusal.BuriedUnder(slot(bay, row, tier), ContainerNumber.of(occupant[above]));
                }
            }
        }
        return null;
    }

    private int lengthAt(int c) {
        return span[c] == HEAD ? 2 : 1;
    }

    private void setLeaving(int bay, int row, int tier, long seq) {
        int length = lengthAt(cell(bay, row, tier));
        for (int b = bay; b < bay + length; b++) {
            leaving[cell(b, row, tier)] = seq;
        }
    }

    private void clear(int bay, int row, int tier, int length) {
        for (int b = bay; b < bay + length; b++) {
            int c = cell(b, row, tier);
            occupant[c] = null;
            state[c] = EMPTY;
            span[c] = SINGLE;
            reefer[c] = false;
            sequence[c] = 0;
            leaving[c] = 0;
        }
    }

    // ---- a move inside the block -------------------------------------------------------------------------------

    /**
     * Marks {@code container} leaving its slot and reserves its new slot in the same block, both or neither. The
     * origin counts as already gone, so the new slot cannot stand on it.
     */
    public MoveRefusal moveWithin(String container, int fromBay, int fromRow, int fromTier, int toBay, int toRow,
                                  int toTier, int lengthBays, boolean reeferContainer, long seq) {
        if (holds(toBay, toRow, toTier, container, INBOUND, seq)) {
            return null;
        }
        MoveRefusal refusal = checkRemoval(container, fromBay, fromRow, fromTier);
        if (refusal != null) {
            return refusal;
        }
        setLeaving(fromBay, fromRow, fromTier, seq);
        refusal = checkPlacement(toBay, toRow, toTier, lengthBays, reeferContainer);
        if (refusal != null) {
            setLeaving(fromBay, fromRow, fromTier, 0);
            return refusal;
        }
        write(container, toBay, toRow, toTier, lengthBays, reeferContainer, INBOUND, seq);
        return null;
    }

    // ---- finishing or undoing a move ---------------------------------------------------------------------------

    /**
     * Finishes this block's part of move {@code seq}: empties the origin the container left (bay 0 = none here)
     * and turns its reservation at the destination into an occupied slot. Idempotent.
     *
     * @return whether anything changed
     */
    public boolean complete(String container, long seq, int fromBay, int fromRow, int fromTier, int toBay, int toRow,
                            int toTier) {
        boolean changed = false;
        if (fromBay > 0 && inside(fromBay, fromRow, fromTier)) {
            int c = cell(fromBay, fromRow, fromTier);
            if (leaving[c] == seq && container.equals(occupant[c]) && state[c] == OCCUPIED) {
                clear(fromBay, fromRow, fromTier, lengthAt(c));
                changed = true;
            }
        }
        if (toBay > 0 && holds(toBay, toRow, toTier, container, INBOUND, seq)) {
            int length = lengthAt(cell(toBay, toRow, toTier));
            for (int b = toBay; b < toBay + length; b++) {
                state[cell(b, toRow, toTier)] = OCCUPIED;
            }
            changed = true;
        }
        return changed;
    }

    /**
     * Undoes this block's part of move {@code seq} that was never logged: the container stays at its origin and
     * the reservation is dropped. Idempotent.
     *
     * @return whether anything changed
     */
    public boolean cancel(String container, long seq, int fromBay, int fromRow, int fromTier, int toBay, int toRow,
                          int toTier) {
        boolean changed = false;
        if (toBay > 0 && holds(toBay, toRow, toTier, container, INBOUND, seq)) {
            clear(toBay, toRow, toTier, lengthAt(cell(toBay, toRow, toTier)));
            changed = true;
        }
        if (fromBay > 0 && inside(fromBay, fromRow, fromTier)) {
            int c = cell(fromBay, fromRow, fromTier);
            if (leaving[c] == seq && container.equals(occupant[c])) {
                setLeaving(fromBay, fromRow, fromTier, 0);
                changed = true;
            }
        }
        return changed;
    }

    /** Drops every reservation and leaving mark: used when a new writer takes over a live yard. */
    public boolean clearPendingMarks() {
        boolean changed = false;
        for (int c = 0; c < state.length; c++) {
            if (state[c] == INBOUND) {
                occupant[c] = null;
                state[c] = EMPTY;
                span[c] = SINGLE;
                reefer[c] = false;
                sequence[c] = 0;
                changed = true;
            }
            if (leaving[c] != 0) {
                leaving[c] = 0;
                changed = true;
            }
        }
        return changed;
    }

    // ---- closing slots -----------------------------------------------------------------------------------------

    /** Closes or reopens a slot; a closed slot takes no new container, one already there stays. */
    public MoveRefusal setClosed(int bay, int row, int tier, boolean close) {
        if (!inside(bay, row, tier)) {
            if (tier > maxTiers && bay >= 1 && bay <= bays && row >= 1 && row <= rows) {
                return new MoveRefusal.TierLimitExceeded(slot(bay, row, tier), maxTiers);
            }
            return new MoveRefusal.OutsideBlock(slot(bay, row, tier), bays, rows);
        }
        closed[cell(bay, row, tier)] = close;
        return null;
    }

    public boolean isClosed(int bay, int row, int tier) {
        return closed[cell(bay, row, tier)];
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    /** The cells of one stack, ground tier first. */
    public StackCells stack(int bay, int row) {
        String[] containers = new String[maxTiers];
        byte[] states = new byte[maxTiers];
        byte[] spans = new byte[maxTiers];
        boolean[] closedTiers = new boolean[maxTiers];
        long[] leavingTiers = new long[maxTiers];
        long[] sequenceTiers = new long[maxTiers];
        for (int t = 1; t <= maxTiers; t++) {
            int c = cell(bay, row, t);
            containers[t - 1] = occupant[c];
            states[t - 1] = state[c];
            spans[t - 1] = span[c];
            closedTiers[t - 1] = closed[c];
            leavingTiers[t - 1] = leaving[c];
            sequenceTiers[t - 1] = sequence[c];
        }
        return new StackCells(block, bay, row, maxTiers, hasPlug(row), containers, states, spans, sequenceTiers,
                leavingTiers, closedTiers);
    }

    /** Counts for the yard summary, in 20' slots and containers. */
    public BlockCounts counts() {
        int occupied = 0;
        int containers = 0;
        int reserved = 0;
        int closedSlots = 0;
        int reefers = 0;
        for (int c = 0; c < state.length; c++) {
            if (state[c] == OCCUPIED) {
                occupied++;
                if (span[c] != TAIL) {
                    containers++;
                    if (reefer[c]) {
                        reefers++;
                    }
                }
            } else if (state[c] == INBOUND) {
                reserved++;
            }
            if (closed[c]) {
                closedSlots++;
            }
        }
        return new BlockCounts(block, bays * rows * maxTiers, occupied, containers, reserved, closedSlots, reefers);
    }

    /** Where each container of this block stands (its head cell), ground tier first; reservations excluded. */
    public Map<String, YardSlot> positions() {
        Map<String, YardSlot> positions = new HashMap<>();
        for (int bay = 1; bay <= bays; bay++) {
            for (int row = 1; row <= rows; row++) {
                for (int tier = 1; tier <= maxTiers; tier++) {
                    int c = cell(bay, row, tier);
                    if (state[c] == OCCUPIED && span[c] != TAIL) {
                        positions.put(occupant[c], slot(bay, row, tier));
                    }
                }
            }
        }
        return positions;
    }

    /**
     * Every broken yard invariant, in words; empty when the block is sound. Used by tests and by the rebuild's
     * self-check.
     */
    public List<String> violations() {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> heads = new HashMap<>();
        for (int bay = 1; bay <= bays; bay++) {
            for (int row = 1; row <= rows; row++) {
                for (int tier = 1; tier <= maxTiers; tier++) {
                    checkCell(bay, row, tier, problems, heads);
                }
            }
        }
        heads.forEach((container, count) -> {
            if (count > 1) {
                problems.add(container + " stands in " + count + " places of block " + block);
            }
        });
        return problems;
    }

    private void checkCell(int bay, int row, int tier, List<String> problems, Map<String, Integer> heads) {
        int c = cell(bay, row, tier);
        String where = block + "-" + bay + "-" + row + "-" + tier;
        if (state[c] == EMPTY) {
            if (occupant[c] != null || leaving[c] != 0) {
                problems.add(where + " is empty but names " + occupant[c]);
            }
            return;
        }
        if (occupant[c] == null) {
            problems.add(where + " is taken by no container");
            return;
        }
        if (span[c] != TAIL) {
            heads.merge(occupant[c] + (state[c] == INBOUND ? " (inbound)" : ""), 1, Integer::sum);
        }
        if (span[c] == HEAD && (bay % 2 == 0 || bay == bays || !sameContainer(c, cell(bay + 1, row, tier), TAIL))) {
            problems.add(where + " holds the first bay of a 40' " + occupant[c] + " without its second bay");
        }
        if (span[c] == TAIL && (bay == 1 || !sameContainer(c, cell(bay - 1, row, tier), HEAD))) {
            problems.add(where + " holds the second bay of a 40' " + occupant[c] + " without its first bay");
        }
        if (tier > 1) {
            int below = cell(bay, row, tier - 1);
            if (state[below] != OCCUPIED) {
                problems.add(where + " (" + occupant[c] + ") floats over a slot that is not occupied");
            } else if (leaving[below] != 0) {
                problems.add(where + " (" + occupant[c] + ") stands on " + occupant[below] + ", which is leaving");
            }
        }
        if (reefer[c] && !hasPlug(row)) {
            problems.add(where + " holds reefer " + occupant[c] + " in a row without plugs");
        }
    }

    private boolean sameContainer(int c, int other, byte expectedSpan) {
        return span[other] == expectedSpan && state[other] == state[c] && occupant[c].equals(occupant[other])
                && sequence[other] == sequence[c] && leaving[other] == leaving[c];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockState other && block.equals(other.block) && bays == other.bays && rows == other.rows
                && maxTiers == other.maxTiers && plugRowMask == other.plugRowMask
                && Arrays.equals(occupant, other.occupant) && Arrays.equals(state, other.state)
                && Arrays.equals(span, other.span) && Arrays.equals(reefer, other.reefer)
                && Arrays.equals(sequence, other.sequence) && Arrays.equals(leaving, other.leaving)
                && Arrays.equals(closed, other.closed);
    }

    /** Equal in where every container stands and which slots are closed, whatever the sequences that put them there. */
    public boolean sameYard(BlockState other) {
        return block.equals(other.block) && Arrays.equals(occupant, other.occupant)
                && Arrays.equals(state, other.state) && Arrays.equals(span, other.span)
                && Arrays.equals(reefer, other.reefer) && Arrays.equals(leaving, other.leaving)
                && Arrays.equals(closed, other.closed);
    }

    @Override
    public int hashCode() {
        return block.hashCode() * 31 + Arrays.hashCode(occupant);
    }

    @Override
    public String toString() {
        BlockCounts counts = counts();
        return "BlockState[" + block + ", " + bays + "x" + rows + "x" + maxTiers + ", " + counts.containers()
                + " containers]";
    }
}
