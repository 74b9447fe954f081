package org.portops.bench.state;

import org.portops.model.container.Container;
import org.portops.model.yard.YardSlot;
import org.portops.state.block.BlockState;
import org.portops.state.block.StackCells;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A worker's private copy of the blocks it alone moves containers in. Candidate moves are tried on the copy with
 * the live state's own {@link BlockState} rules, so every move sent to the cluster is one the cluster accepts: the
 * benchmark measures moves, not refusals.
 */
final class BlockMirror {

    private final List<BlockState> blocks;
    private final Map<String, Container> containers;
    private long sequence = Long.MAX_VALUE / 2;

    BlockMirror(List<BlockState> blocks, Map<String, Container> containers) {
        this.blocks = blocks;
        this.containers = containers;
    }

    /** A move from the top of one stack to the top of another in the same block, already applied to the mirror. */
    YardMove next(Random random) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            BlockState block = blocks.get(random.nextInt(blocks.size()));
            YardMove move = candidate(block, random);
            if (move != null && apply(block, move)) {
                return new YardMove(move.container(), move.from(), move.to(),
                        block.stack(move.to().bay().number(), move.to().row().number()));
            }
        }
        throw new IllegalStateException("no legal move found in " + blocks.size() + " blocks after 10,000 tries");
    }

    private YardMove candidate(BlockState block, Random random) {
        int bay = 1 + random.nextInt(block.bays());
        int row = 1 + random.nextInt(block.rows());
        StackCells stack = block.stack(bay, row);
        int top = topTier(stack);
        if (top == 0) {
            return null;
        }
        Container container = containers.get(stack.containers()[top - 1]);
        if (container == null) {
            return null;
        }
        int fromBay = stack.spans()[top - 1] == BlockState.TAIL ? bay - 1 : bay;
        int length = container.length().yardBays();
        int toBay = 1 + random.nextInt(block.bays() - length + 1);
        if (length == 2) {
            toBay |= 1;
            if (toBay + 1 > block.bays()) {
                return null;
            }
        }
        int toRow = 1 + random.nextInt(block.rows());
        int toTier = topTier(block.stack(toBay, toRow)) + 1;
        if (length == 2) {
            toTier = Math.max(toTier, topTier(block.stack(toBay + 1, toRow)) + 1);
        }
        if (toTier > block.maxTiers()) {
            return null;
        }
        return new YardMove(container, YardSlot.of(block.block(), fromBay, row, top),
                YardSlot.of(block.block(), toBay, toRow, toTier), null);
    }

    private boolean apply(BlockState block, YardMove move) {
        long seq = sequence++;
        YardSlot from = move.from();
        YardSlot to = move.to();
        if (from.equals(to)) {
            return false;
        }
        var refusal = block.moveWithin(move.number(), from.bay().number(), from.row().number(), from.tier().level(),
                to.bay().number(), to.row().number(), to.tier().level(), move.container().length().yardBays(),
                move.container().isReefer(), seq);
        if (refusal != null) {
            return false;
        }
        block.complete(move.number(), seq, from.bay().number(), from.row().number(), from.tier().level(),
                to.bay().number(), to.row().number(), to.tier().level());
        return true;
    }

    private static int topTier(StackCells stack) {
        int top = 0;
        for (int t = 0; t < stack.maxTiers(); t++) {
            if (stack.containers()[t] != null) {
                top = t + 1;
            }
        }
        return top;
    }
}
