package org.portops.sim.yard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerNumber;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.PlacedContainer;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.StackId;
import org.portops.model.yard.Tier;
import org.portops.model.yard.YardBay;
import org.portops.model.yard.YardSlot;

/**
 * The simulator's own yard: which container stands in which 20' cell. Containers only arrive and leave through
 * {@link #place} and {@link #remove}, which refuse (with the rule broken) anything a real crane could not do: a
 * slot outside the block, a 40' on an even bay, a taken cell, a container with nothing under it, a 20' on top of a
 * 40', a reefer away from the plugs, or lifting a container with another on top.
 */
public final class SimYard {

    private final TerminalLayout layout;
    private final Map<BlockId, BlockLayout> blocks = new LinkedHashMap<>();
    private final Map<YardSlot, ContainerNumber> cells = new HashMap<>();
    private final Map<ContainerNumber, PlacedContainer> containers = new LinkedHashMap<>();

    public SimYard(TerminalLayout layout, Collection<PlacedContainer> initial) {
        this.layout = layout;
        layout.blocks().forEach(b -> blocks.put(b.id(), b));
        // ground tier first, so a container is placed only once what carries it stands
        List<PlacedContainer> bottomUp = new ArrayList<>(initial);
        bottomUp.sort(Comparator.comparingInt(p -> p.slot().tier().level()));
        for (PlacedContainer placed : bottomUp) {
            place(placed.container(), placed.slot()).ifPresent(reason -> {
                throw new IllegalArgumentException("initial inventory: " + reason);
            });
        }
    }

    public TerminalLayout layout() {
        return layout;
    }

    public Optional<BlockLayout> block(BlockId id) {
        return Optional.ofNullable(blocks.get(id));
    }

    /** The cells a container of this length covers at {@code slot}: its bay, and bay + 1 for 40'/45'. */
    public static List<YardSlot> cellsOf(YardSlot slot, int yardBays) {
        List<YardSlot> covered = new ArrayList<>(2);
        for (int i = 0; i < yardBays; i++) {
            covered.add(new YardSlot(new StackId(slot.block(), new YardBay(slot.bay().number() + i), slot.row()),
                    slot.tier()));
        }
        return covered;
    }

    /** Why {@code container} cannot be set down at {@code slot} now, or empty when it can. */
    public Optional<String> whyNotPlace(Container container, YardSlot slot) {
        return whyNotSet(container, slot, false);
    }

    /**
     * Why {@code container}, lifted from where it stands in the yard (if it does), could not be set down at
     * {@code slot}, or empty when it could: a yard shift's destination, checked before the lift.
     */
    public Optional<String> whyNotMove(Container container, YardSlot slot) {
        return whyNotSet(container, slot, true);
    }

    private Optional<String> whyNotSet(Container container, YardSlot slot, boolean lifted) {
        ContainerNumber ignored = lifted ? container.number() : null;
        BlockLayout block = blocks.get(slot.block());
        if (block == null) {
            return Optional.of("block " + slot.block() + " does not exist");
        }
        if (!block.fits(slot, container.length())) {
            return Optional.of(container.number() + " (" + container.length() + ") does not fit at " + slot
                    + ": outside the block, above tier " + block.maxTiers() + " or a 40'/45' on an even bay");
        }
        if (!lifted && containers.containsKey(container.number())) {
            return Optional.of(container.number() + " is already in the yard at "
                    + containers.get(container.number()).slot());
        }
        if (container.isReefer() && !block.hasPlug(slot.stack())) {
            return Optional.of("reefer " + container.number() + " needs a plugged row, " + slot.stack() + " has none");
        }
        for (YardSlot cell : cellsOf(slot, container.length().yardBays())) {
            ContainerNumber taken = occupant(cell, ignored);
            if (taken != null) {
                return Optional.of("cell " + cell + " is taken by " + taken);
            }
            if (slot.tier().level() > 1) {
                YardSlot below = new YardSlot(cell.stack(), new Tier(slot.tier().level() - 1));
                ContainerNumber under = occupant(below, ignored);
                if (under == null) {
                    return Optional.of(container.number() + " would float at " + slot + ": " + below + " is empty");
                }
                if (container.length().yardBays() == 1 && containers.get(under).container().length().yardBays() == 2) {
                    return Optional.of("20' " + container.number() + " cannot stand on 40'/45' " + under);
                }
            }
        }
        return Optional.empty();
    }

    private ContainerNumber occupant(YardSlot cell, ContainerNumber ignored) {
        ContainerNumber number = cells.get(cell);
        return number == null || number.equals(ignored) ? null : number;
    }

    /** Sets {@code container} down at {@code slot}; returns the refusal reason instead when it cannot. */
    public Optional<String> place(Container container, YardSlot slot) {
        Optional<String> refusal = whyNotPlace(container, slot);
        if (refusal.isEmpty()) {
            cellsOf(slot, container.length().yardBays()).forEach(cell -> cells.put(cell, container.number()));
            containers.put(container.number(), new PlacedContainer(container, slot));
        }
        return refusal;
    }

    /** Why {@code number} cannot be lifted now, or empty when it can. */
    public Optional<String> whyNotLift(ContainerNumber number) {
        PlacedContainer placed = containers.get(number);
        if (placed == null) {
            return Optional.of(number + " is not in the yard");
        }
        for (YardSlot cell : cellsOf(placed.slot(), placed.container().length().yardBays())) {
            if (cell.tier().level() < 9) {
                ContainerNumber above = cells.get(new YardSlot(cell.stack(), new Tier(cell.tier().level() + 1)));
                if (above != null) {
                    return Optional.of(number + " at " + placed.slot() + " is under " + above);
                }
            }
        }
        return Optional.empty();
    }

    /** Lifts {@code number} out of the yard; returns it, or throws with the reason when it cannot be lifted. */
    public PlacedContainer remove(ContainerNumber number) {
        whyNotLift(number).ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        PlacedContainer placed = containers.remove(number);
        cellsOf(placed.slot(), placed.container().length().yardBays()).forEach(cells::remove);
        return placed;
    }

    public Optional<PlacedContainer> find(ContainerNumber number) {
        return Optional.ofNullable(containers.get(number));
    }

    /** The container in a 20' cell, if any. */
    public Optional<ContainerNumber> at(YardSlot cell) {
        return Optional.ofNullable(cells.get(cell));
    }

    /** The highest taken tier of a ground cell, 0 when empty. */
    public int height(StackId stack) {
        int height = 0;
        while (height < 9 && cells.containsKey(new YardSlot(stack, new Tier(height + 1)))) {
            height++;
        }
        return height;
    }

    /** Everything in the yard, in arrival order. */
    public List<PlacedContainer> containers() {
        return List.copyOf(containers.values());
    }

    public int size() {
        return containers.size();
    }
}
