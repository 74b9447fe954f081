package org.portops.sim.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.portops.model.container.Container;
import org.portops.model.layout.BlockLayout;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.StackId;
import org.portops.model.yard.Tier;
import org.portops.model.yard.YardSlot;
import org.portops.sim.yard.SimYard;

/**
 * Picks a yard slot for an arriving box as a simple yard planner would: blocks near where it comes from first,
 * a random stack worked by a yard crane and not reserved by another move, on top of what is there, reefers on
 * plugged rows only.
 */
final class SlotFinder {

    private static final int ATTEMPTS_PER_BLOCK = 40;
    private static final int BLOCKS_TRIED = 6;

    private final SimYard yard;
    private final Reservations reservations;
    private final Function<YardSlot, SimYardCrane> craneFor;
    /** Blocks taking no new box (a what-if block closure). */
    private final Set<BlockId> closed = new HashSet<>();

    SlotFinder(SimYard yard, Reservations reservations, Function<YardSlot, SimYardCrane> craneFor) {
        this.yard = yard;
        this.reservations = reservations;
        this.craneFor = craneFor;
    }

    Optional<YardSlot> find(Container container, double nearX, double nearY, Random random) {
        List<BlockLayout> blocks = new ArrayList<>(yard.layout().blocks().stream()
                .filter(b -> !closed.contains(b.id()))
                .filter(b -> !container.isReefer() || !b.reeferRows().isEmpty()).toList());
        blocks.sort(Comparator.comparingDouble(b -> Math.hypot(b.origin().x() + 130 - nearX, b.origin().y() - nearY)));
        List<BlockLayout> near = new ArrayList<>(blocks.subList(0, Math.min(BLOCKS_TRIED, blocks.size())));
        Collections.shuffle(near, random);
        for (BlockLayout block : near) {
            Optional<YardSlot> slot = inBlock(container, block, 1, block.bays(), null, random);
            if (slot.isPresent()) {
                return slot;
            }
        }
        return Optional.empty();
    }

    /** Closes a block to new boxes and gate pick-ups, or opens it again. */
    void close(BlockId block, boolean close) {
        if (close) {
            closed.add(block);
        } else {
            closed.remove(block);
        }
    }

    boolean closed(BlockId block) {
        return closed.contains(block);
    }

    /** A slot in {@code block} between the bays given, avoiding {@code notStack}. */
    Optional<YardSlot> inBlock(Container container, BlockLayout block, int fromBay, int toBay, StackId notStack,
                               Random random) {
        int yardBays = container.length().yardBays();
        List<Integer> rows = container.isReefer() ? List.copyOf(block.reeferRows())
                : IntStream.rangeClosed(1, block.rows()).boxed().toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        for (int attempt = 0; attempt < ATTEMPTS_PER_BLOCK; attempt++) {
            int bay = fromBay + random.nextInt(toBay - fromBay + 1);
            if (yardBays == 2 && bay % 2 == 0) {
                bay--;
            }
            if (bay < fromBay || bay + yardBays - 1 > toBay) {
                continue;
            }
            int row = rows.get(random.nextInt(rows.size()));
            StackId stack = StackId.of(block.id().value(), bay, row);
            if (stack.equals(notStack)) {
                continue;
            }
            int height = yard.height(stack);
            if (height >= block.maxTiers()) {
                continue;
            }
            YardSlot slot = stack.at(new Tier(height + 1));
            SimYardCrane crane = craneFor.apply(slot);
            if (crane != null && crane.covers(SimYard.cellsOf(slot, yardBays).getLast()) && reservations.free(slot, yardBays)
                    && yard.whyNotPlace(container, slot).isEmpty()) {
                return Optional.of(slot);
            }
        }
        return Optional.empty();
    }
}
