package org.portops.crane.live;

import io.vertx.core.Future;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerLength;
import org.portops.model.container.ContainerNumber;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.work.Location;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.StackId;
import org.portops.model.yard.Tier;
import org.portops.state.StackView;
import org.portops.state.YardStateReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds room for discharged containers in the live yard, first fit: blocks in layout order, stacks bay by bay, each
 * container on top of a stack with room (a reefer only in a plugged row, others only in unplugged ones, so plugs stay
 * free for reefers; a 40'/45' on an odd bay over two stacks of equal height). Room taken by earlier containers of the
 * same request counts. This is the crane scheduler's stand-in for the yard planner's allocation: it keeps every
 * discharge pointing at a slot that exists and is free when planned, so transport knows which block it goes to.
 */
public final class YardRoom implements BayPlanWorkSource.DischargeSlots {
    private final YardStateReader reader;
    private final TerminalLayout layout;

    public YardRoom(YardStateReader reader, TerminalLayout layout) {
        this.reader = reader;
        this.layout = layout;
    }

    @Override
    public Future<Map<ContainerNumber, Location>> slotsFor(List<Container> containers) {
        return fill(0, containers, new LinkedHashMap<>());
    }

    private Future<Map<ContainerNumber, Location>> fill(int block, List<Container> left,
                                                         Map<ContainerNumber, Location> placed) {
        if (left.isEmpty()) {
            return Future.succeededFuture(placed);
        }
        if (block >= layout.blocks().size()) {
            return Future.failedFuture(new IllegalArgumentException("the yard has no room for " + left.size()
                    + " discharged containers, first " + left.getFirst().number()));
        }
        BlockLayout layoutBlock = layout.blocks().get(block);
        List<Future<StackView>> reads = new ArrayList<>();
        for (int bay = 1; bay <= layoutBlock.bays(); bay++) {
            for (int row = 1; row <= layoutBlock.rows(); row++) {
                reads.add(reader.stack(StackId.of(layoutBlock.id().value(), bay, row)));
            }
        }
        return Future.all(reads).compose(all -> {
            Map<StackId, StackView> stacks = new HashMap<>();
            Map<StackId, Integer> heights = new HashMap<>();
            for (int i = 0; i < reads.size(); i++) {
                StackView stack = all.resultAt(i);
                stacks.put(stack.stack(), stack);
                heights.put(stack.stack(), height(stack));
            }
            List<Container> rest = new ArrayList<>();
            for (Container container : left) {
                Location slot = place(layoutBlock, stacks, heights, container);
                if (slot == null) {
                    rest.add(container);
                } else {
                    placed.put(container.number(), slot);
                }
            }
            return fill(block + 1, rest, placed);
        });
    }

    private static Location place(BlockLayout block, Map<StackId, StackView> stacks, Map<StackId, Integer> heights,
                                  Container container) {
        boolean twenty = container.length() == ContainerLength.TWENTY;
        for (int bay = 1; bay <= block.bays(); bay += twenty ? 1 : 2) {
            for (int row = 1; row <= block.rows(); row++) {
                StackId stack = StackId.of(block.id().value(), bay, row);
                if (!fits(stacks.get(stack), heights.get(stack), container)) {
                    continue;
                }
                int height = heights.get(stack);
                if (!twenty) {
                    if (bay + 1 > block.bays()) {
                        continue;
                    }
                    StackId next = StackId.of(block.id().value(), bay + 1, row);
                    if (!fits(stacks.get(next), heights.get(next), container) || heights.get(next) != height) {
                        continue;
                    }
                    heights.put(next, height + 1);
                }
                heights.put(stack, height + 1);
                return new YardLocation(stack.at(new Tier(height + 1)));
            }
        }
        return null;
    }

    private static boolean fits(StackView stack, int height, Container container) {
        return stack.plugged() == container.isReefer() && height < stack.maxTiers()
                && (height >= stack.tiers().size() || !stack.tiers().get(height).closed());
    }

    /** Tiers up to the highest one not empty: a reserved slot is taken as surely as an occupied one. */
    private static int height(StackView stack) {
        int height = 0;
        for (int i = 0; i < stack.tiers().size(); i++) {
            if (stack.tiers().get(i).status() != StackView.SlotStatus.EMPTY) {
                height = i + 1;
            }
        }
        return height;
    }
}
