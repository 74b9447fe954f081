package org.portops.state.live;

import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.work.MoveKind;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;
import org.portops.state.MoveRequest;
import org.portops.state.YardMaps;
import org.portops.state.block.BlockState;
import org.portops.state.block.StackCells;
import org.portops.state.custody.TrackedContainer;

import java.util.List;
import java.util.Random;

/**
 * Proposes yard moves likely to be accepted: a container from the top of a random stack to the top of another
 * random stack (of the same block or another). Reads the maps directly; the writer decides.
 */
final class RandomMoves {

    private final YardMaps maps;
    private final List<BlockLayout> blocks;

    RandomMoves(YardMaps maps, TerminalLayout layout) {
        this.maps = maps;
        this.blocks = layout.blocks();
    }

    MoveRequest next(Random random) {
        for (int attempt = 0; attempt < 200; attempt++) {
            BlockLayout fromBlock = blocks.get(random.nextInt(blocks.size()));
            StackCells from = maps.blocks().get(fromBlock.id().value())
                    .stack(1 + random.nextInt(fromBlock.bays()), 1 + random.nextInt(fromBlock.rows()));
            int top = topTier(from);
            if (top == 0 || from.spans()[top - 1] == BlockState.TAIL) {
                continue;
            }
            String container = from.containers()[top - 1];
            TrackedContainer tracked = maps.containers().get(container);
            if (tracked == null || !(tracked.location() instanceof YardLocation origin)) {
                continue;
            }
            BlockLayout toBlock = blocks.get(random.nextInt(blocks.size()));
            int length = tracked.container().length().yardBays();
            int bay = 1 + random.nextInt(toBlock.bays() - 1);
            if (length == 2) {
                bay |= 1;
            }
            int row = 1 + random.nextInt(toBlock.rows());
            StackCells to = maps.blocks().get(toBlock.id().value()).stack(bay, row);
            int tier = topTier(to) + 1;
            if (tier > toBlock.maxTiers()) {
                continue;
            }
            YardSlot target = YardSlot.of(toBlock.id().value(), bay, row, tier);
            if (target.equals(origin.slot())) {
                continue;
            }
            return MoveRequest.of(tracked.container().number(), MoveKind.YARD_SHIFT, origin, new YardLocation(target));
        }
        throw new IllegalStateException("no candidate move found");
    }

    /**
     * Like {@link #next}, but only a move the block rules accept in the yard as it is now, checked on copies of the
     * blocks, so a test can rely on the move reaching the log.
     */
    MoveRequest nextLegal(Random random) {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            MoveRequest move = next(random);
            if (acceptedNow(move)) {
                return move;
            }
        }
        throw new IllegalStateException("no legal move found");
    }

    private boolean acceptedNow(MoveRequest move) {
        String number = move.container().value();
        YardSlot from = ((YardLocation) move.from()).slot();
        YardSlot to = ((YardLocation) move.to()).slot();
        TrackedContainer tracked = maps.containers().get(number);
        int length = tracked.container().length().yardBays();
        boolean reefer = tracked.container().isReefer();
        long seq = Long.MAX_VALUE / 2;
        BlockState origin = maps.blocks().get(from.block().value()).copy();
        if (from.block().equals(to.block())) {
            return origin.moveWithin(number, from.bay().number(), from.row().number(), from.tier().level(),
                    to.bay().number(), to.row().number(), to.tier().level(), length, reefer, seq) == null;
        }
        BlockState destination = maps.blocks().get(to.block().value()).copy();
        return origin.markLeaving(number, from.bay().number(), from.row().number(), from.tier().level(), seq) == null
                && destination.reserve(number, to.bay().number(), to.row().number(), to.tier().level(), length, reefer,
                seq) == null;
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
