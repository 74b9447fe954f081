package org.portops.yard.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerLength;
import org.portops.model.container.ContainerNumber;
import org.portops.model.yard.StackId;
import org.portops.model.yard.YardSlot;
import org.portops.yard.slot.Arrivals.Box;

/**
 * Random arrival, departure and closing streams on a small yard (seeded; the seed is in every message): after every
 * step the yard keeps its rules, every decision stands where it was made, no container went into a stack closed at
 * the time, and no two dangerous-goods containers that need segregation stand adjacent.
 */
class SlotPlannerPropertyTest {
    private static final String[] CLASSES = {"1.4", "2.1", "2.2", "3", "4.1", "4.3", "5.1", "6.1", "8", "9"};

    /** A clock the test moves forward. */
    private static final class StepClock extends Clock {
        Instant now = Arrivals.T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void yardInvariantsHoldUnderRandomArrivalsDeparturesAndClosings() {
        int dangerousPairsChecked = 0;
        for (long seed = 1; seed <= 6; seed++) {
            dangerousPairsChecked += run(seed, 300);
        }
        assertThat(dangerousPairsChecked).as("segregated pairs standing in the yard, summed over steps")
                .isGreaterThan(100);
    }

    /** @return how many segregated dangerous-goods pairs stood in the yard, summed over the steps */
    private int run(long seed, int steps) {
        Random random = new Random(seed);
        StepClock clock = new StepClock();
        YardModel yard = YardModel.of(Arrivals.twoBlocks(), StackRules.DEFAULT);
        SlotPlanner planner = new SlotPlanner(yard, clock);
        Map<ContainerNumber, SlotRequest> requests = new HashMap<>();
        List<ContainerNumber> inYard = new ArrayList<>();
        int serial = 0;
        int pairs = 0;
        for (int step = 0; step < steps; step++) {
            clock.now = clock.now.plus(Duration.ofMinutes(10));
            String where = "seed " + seed + ", step " + step;
            double dice = random.nextDouble();
            if (dice < 0.05) {
                StackId stack = yard.stackId(random.nextInt(yard.stackCount()));
                yard.closeStack(stack, random.nextBoolean());
            } else if (dice < 0.62 || inYard.isEmpty()) {
                int count = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 1;
                List<SlotRequest> batch = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    batch.add(randomBox(++serial, random, clock.now).request());
                }
                boolean[] closedBefore = closedStacks(yard);
                List<SlotDecision> decisions = planner.announce(batch);
                for (SlotDecision decision : decisions) {
                    if (decision instanceof SlotDecision.Placed placed) {
                        assertThat(closedBefore[yard.stackIndex(placed.slot().stack())])
                                .as("%s: %s placed into closed stack %s", where, placed.container(), placed.slot())
                                .isFalse();
                        inYard.add(placed.container());
                    }
                }
                batch.forEach(r -> requests.put(r.container().number(), r));
            } else {
                depart(planner, yard, requests, inYard, inYard.get(random.nextInt(inYard.size())), where);
            }
            assertThat(yard.violations()).as(where).isEmpty();
            assertThat(yard.containers()).as(where).isEqualTo(inYard.size());
            pairs += assertNoSegregatedPairAdjacent(yard, where);
        }
        return pairs;
    }

    private static boolean[] closedStacks(YardModel yard) {
        boolean[] closed = new boolean[yard.stackCount()];
        for (int s = 0; s < closed.length; s++) {
            closed[s] = yard.isClosed(s);
        }
        return closed;
    }

    /** Digs the container out: everything above it is given a new slot by the planner, then it leaves. */
    private static void depart(SlotPlanner planner, YardModel yard, Map<ContainerNumber, SlotRequest> requests,
                               List<ContainerNumber> inYard, ContainerNumber leaving, String where) {
        List<YardBox> above = yard.above(leaving);
        // the dig-out stack (both bays of a 40') is closed to the blockers, as the crane driver keeps it clear
        int stack = yard.stackOf(leaving);
        List<Integer> dig = new ArrayList<>(List.of(stack));
        if (yard.box(leaving).orElseThrow().isLong()) {
            dig.add(stack + yard.block(yard.blockOf(stack)).rows());
        }
        Map<Integer, Boolean> wasClosed = new HashMap<>();
        dig.forEach(s -> wasClosed.put(s, yard.isClosed(s)));
        dig.forEach(s -> yard.closeStack(yard.stackId(s), true));
        try {
            digOut(planner, yard, requests, inYard, leaving, above, where);
        } finally {
            wasClosed.forEach((s, closed) -> yard.closeStack(yard.stackId(s), closed));
        }
    }

    private static void digOut(SlotPlanner planner, YardModel yard, Map<ContainerNumber, SlotRequest> requests,
                               List<ContainerNumber> inYard, ContainerNumber leaving, List<YardBox> above,
                               String where) {
        for (int i = above.size() - 1; i >= 0; i--) {
            ContainerNumber blocker = above.get(i).number();
            int from = yard.stackOf(blocker);
            planner.retrieved(blocker);
            SlotDecision decision = planner.announce(requests.get(blocker));
            if (decision instanceof SlotDecision.NoSlot) {
                // nowhere to go: it goes back where it stood and the departure waits
                yard.closeStack(yard.stackId(from), false);
                yard.place(YardBox.of(requests.get(blocker)), from, Instant.EPOCH);
                return;
            }
            YardSlot slot = ((SlotDecision.Placed) decision).slot();
            assertThat(yard.slotOf(blocker)).as(where).contains(slot);
        }
        planner.retrieved(leaving);
        inYard.remove(leaving);
    }

    private static Box randomBox(int serial, Random random, Instant now) {
        Box box = Box.dry(serial, now.plus(Duration.ofMinutes(60 + random.nextInt(7 * 24 * 60))))
                .weighing(2_000 + random.nextInt(36_000));
        if (random.nextInt(3) == 0) {
            box = box.ofLength(random.nextBoolean() ? ContainerLength.FORTY : ContainerLength.FORTY_FIVE);
        }
        if (random.nextInt(8) == 0) {
            box = box.asReefer();
        }
        if (random.nextInt(5) == 0) {
            box = box.dangerous(CLASSES[random.nextInt(CLASSES.length)]);
        }
        if (random.nextBoolean()) {
            box = box.export("CALL-" + random.nextInt(3), random.nextBoolean() ? "USNYC" : "USSAV");
        }
        return box;
    }

    /** Computed from the slots alone, sharing nothing with the model's own distance. */
    private static int assertNoSegregatedPairAdjacent(YardModel yard, String where) {
        int pairs = 0;
        List<YardBox> goods = new ArrayList<>(yard.dangerousGoods().keySet());
        for (int i = 0; i < goods.size(); i++) {
            for (int j = i + 1; j < goods.size(); j++) {
                YardBox a = goods.get(i);
                YardBox b = goods.get(j);
                if (ImdgSegregation.required(a.imdg(), b.imdg()) == Segregation.NONE) {
                    continue;
                }
                pairs++;
                YardSlot sa = yard.slotOf(a.number()).orElseThrow();
                YardSlot sb = yard.slotOf(b.number()).orElseThrow();
                boolean adjacent = sa.block().equals(sb.block())
                        && Math.abs(sa.row().number() - sb.row().number()) <= 1
                        && sa.bay().number() - 1 <= sb.bay().number() + b.length().yardBays() - 1
                        && sb.bay().number() - 1 <= sa.bay().number() + a.length().yardBays() - 1;
                if (adjacent) {
                    fail(where + ": " + a.number() + " (class " + a.imdg() + ") at " + sa + " is adjacent to "
                            + b.number() + " (class " + b.imdg() + ") at " + sb);
                }
            }
        }
        return pairs;
    }
}
