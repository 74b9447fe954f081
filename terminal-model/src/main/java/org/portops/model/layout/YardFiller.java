package org.portops.model.layout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.portops.model.container.ContainerLength;
import org.portops.model.yard.YardSlot;

/**
 * Stacks generated containers into the yard so every invariant holds by construction: each position is a pair of
 * 20' ground bays (odd bay b and b+1) of one row, holding either one stack of 40'/45' containers or two stacks of
 * 20', always from tier 1 up; reefers go to pair positions of plugged rows only.
 */
final class YardFiller {

    /** Share of all containers with a set point, and how many of those are 40' (45R1). */
    private static final double REEFER_SHARE = 0.08;
    private static final double REEFER_FORTY_SHARE = 0.75;
    /** Container counts by length: 20' about 45 %, 40' about 50 %, 45' about 5 %. */
    private static final double TWO_BAY_SHARE = 0.55;
    private static final double FORTY_FIVE_SHARE = 0.05;

    /** A ground position: bay {@code bay} (odd) and, when {@code pair}, bay + 1, of one row of a block. */
    private record Position(BlockLayout block, int bay, int row, boolean pair, boolean plugged) {
    }

    private final TerminalLayout layout;
    private final Random random;
    private final ContainerFactory factory;
    private final List<PlacedContainer> placed = new ArrayList<>();

    YardFiller(TerminalLayout layout, Random random, ContainerFactory factory) {
        this.layout = layout;
        this.random = random;
        this.factory = factory;
    }

    /** Places up to {@code target} containers (fewer when the yard runs out of positions). */
    List<PlacedContainer> fill(int target) {
        int reefers = (int) Math.round(target * REEFER_SHARE);
        int reeferForties = (int) Math.round(reefers * REEFER_FORTY_SHARE);
        int twoBay = (int) Math.round(target * TWO_BAY_SHARE);
        int fortyFives = (int) Math.round(target * FORTY_FIVE_SHARE);
        Deque<ContainerLength> reeferTwoBay = queue(reeferForties, 0);
        Deque<ContainerLength> reeferTwenty = queue(0, 0, reefers - reeferForties);
        Deque<ContainerLength> generalTwoBay = queue(twoBay - fortyFives - reeferForties, fortyFives);
        Deque<ContainerLength> generalTwenty = queue(0, 0, target - twoBay - (reefers - reeferForties));

        List<Position> positions = positions();
        Collections.shuffle(positions, random);
        List<Position> general = new ArrayList<>();
        for (Position position : positions) {
            if (position.plugged() && position.pair() && !(reeferTwoBay.isEmpty() && reeferTwenty.isEmpty())) {
                stack(position, reeferTwoBay, reeferTwenty, true);
            } else {
                general.add(position);
            }
        }
        for (Position position : general) {
            if (generalTwoBay.isEmpty() && generalTwenty.isEmpty()) {
                break;
            }
            stack(position, generalTwoBay, generalTwenty, false);
        }
        return placed;
    }

    private List<Position> positions() {
        List<Position> positions = new ArrayList<>();
        for (BlockLayout block : layout.blocks()) {
            for (int bay = 1; bay <= block.bays(); bay += 2) {
                for (int row = 1; row <= block.rows(); row++) {
                    positions.add(new Position(block, bay, row, bay + 1 <= block.bays(),
                            block.reeferRows().contains(row)));
                }
            }
        }
        return positions;
    }

    /** Fills one position with 40'/45' or 20' stacks, choosing by the TEU still to place of each. */
    private void stack(Position position, Deque<ContainerLength> twoBay, Deque<ContainerLength> twenty,
                       boolean reefer) {
        StackProfile profile = factory.profile(reefer);
        double twoBayTeu = 2.0 * twoBay.size();
        boolean forty = position.pair() && !twoBay.isEmpty()
                && (twenty.isEmpty() || random.nextDouble() * (twoBayTeu + twenty.size()) < twoBayTeu);
        if (forty) {
            column(position, position.bay(), twoBay, reefer, profile);
            return;
        }
        column(position, position.bay(), twenty, reefer, profile);
        if (position.pair()) {
            column(position, position.bay() + 1, twenty, reefer, profile);
        }
    }

    private void column(Position position, int bay, Deque<ContainerLength> source, boolean reefer,
                        StackProfile profile) {
        int height = height(position.block().maxTiers());
        String block = position.block().id().value();
        for (int tier = 1; tier <= height && !source.isEmpty(); tier++) {
            placed.add(new PlacedContainer(factory.create(source.pop(), reefer, profile),
                    YardSlot.of(block, bay, position.row(), tier)));
        }
    }

    /** Stacks stand near full height, as in a busy yard, leaving a few tiers for reshuffles. */
    private int height(int maxTiers) {
        if (maxTiers < 3) {
            return 1 + random.nextInt(maxTiers);
        }
        return maxTiers - 2 + random.nextInt(3);
    }

    private Deque<ContainerLength> queue(int forties, int fortyFives) {
        return queue(forties, fortyFives, 0);
    }

    private Deque<ContainerLength> queue(int forties, int fortyFives, int twenties) {
        List<ContainerLength> lengths = new ArrayList<>();
        lengths.addAll(Collections.nCopies(Math.max(0, forties), ContainerLength.FORTY));
        lengths.addAll(Collections.nCopies(Math.max(0, fortyFives), ContainerLength.FORTY_FIVE));
        lengths.addAll(Collections.nCopies(Math.max(0, twenties), ContainerLength.TWENTY));
        Collections.shuffle(lengths, random);
        return new ArrayDeque<>(lengths);
    }
}
