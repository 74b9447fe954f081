package org.portops.state.block;

import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerNumber;
import org.portops.model.layout.BlockLayout;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.YardSlot;
import org.portops.state.MoveRefusal;
import org.portops.state.testsupport.TestLayouts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of placements, removals, moves (prepared, then completed or cancelled, with other operations
 * in between) and slot closures on one block: no sequence breaks an invariant, a refused operation leaves the
 * block exactly as it was, and every container stands in exactly the one place the sequence put it.
 */
class BlockInvariantPropertyTest {

    private static final int RUNS = 150;
    private static final int STEPS = 400;

    private final BlockLayout layout = TestLayouts.small().block(new BlockId("A02")).orElseThrow();

    @Test
    void randomOperationsNeverBreakAnInvariantAndRefusalsChangeNothing() {
        long base = System.nanoTime();
        for (int run = 0; run < RUNS; run++) {
            long seed = base + run;
            new Run(seed).play();
        }
    }

    private final class Run {
        private final long seed;
        private final Random random;
        private final BlockState block = BlockState.empty(layout);
        private final Map<String, YardSlot> expected = new HashMap<>();
        private final Map<String, Integer> lengths = new HashMap<>();
        private final List<String> pool = new ArrayList<>();
        private long seq;
        private Pending pending;

        private record Pending(String container, long seq, int[] from, int[] to) {
        }

        Run(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
            for (int i = 0; i < 60; i++) {
                String number = ContainerNumber.fromParts("TST", 'U', 300_000 + i).value();
                pool.add(number);
                lengths.put(number, random.nextInt(100) < 45 ? 2 : 1);
            }
        }

        void play() {
            for (int step = 0; step < STEPS; step++) {
                BlockState before = block.copy();
                String what = step(before);
                assertThat(block.violations()).as("seed %d, step %d (%s)", seed, step, what).isEmpty();
                assertThat(block.positions()).as("seed %d, step %d (%s): containers where the sequence put them",
                        seed, step, what).isEqualTo(expected);
            }
        }

        private String step(BlockState before) {
            int choice = random.nextInt(100);
            if (choice < 35) {
                return place(before);
            }
            if (choice < 55) {
                return remove(before);
            }
            if (choice < 75) {
                return moveWithin(before);
            }
            if (choice < 90) {
                return pending(before);
            }
            return close(before);
        }

        private int[] randomSlot(int length) {
            int bay = 1 + random.nextInt(block.bays() + 1 - (length == 2 ? 0 : 1));
            if (length == 2 && random.nextInt(100) < 85) {
                bay = Math.min(bay | 1, block.bays() - 1);
            }
            int row = 1 + random.nextInt(block.rows());
            int tier = 1 + random.nextInt(block.maxTiers() + 1);
            return new int[] {bay, row, tier};
        }

        private boolean reefer(String container) {
            return container.hashCode() % 5 == 0;
        }

        private String place(BlockState before) {
            String container = pool.get(random.nextInt(pool.size()));
            if (expected.containsKey(container) || (pending != null && pending.container().equals(container))) {
                return "skip";
            }
            int length = lengths.get(container);
            int[] s = randomSlot(length);
            boolean closedTarget = s[0] <= block.bays() && s[2] <= block.maxTiers() && block.isClosed(s[0], s[1], s[2]);
            MoveRefusal refusal = block.place(container, s[0], s[1], s[2], length, reefer(container), ++seq);
            String what = "place " + container + " at " + s[0] + "-" + s[1] + "-" + s[2] + " len " + length;
            if (refusal == null) {
                assertThat(closedTarget).as("seed %d: %s used a closed slot", seed, what).isFalse();
                assertThat(!reefer(container) || block.hasPlug(s[1])).as("seed %d: %s reefer off plug", seed, what)
                        .isTrue();
                expected.put(container, YardSlot.of(block.block(), s[0], s[1], s[2]));
            } else {
                assertThat(block).as("seed %d: refused %s (%s) changed the block", seed, what, refusal.reason())
                        .isEqualTo(before);
            }
            return what;
        }

        private String remove(BlockState before) {
            if (expected.isEmpty()) {
                return "skip";
            }
            String container = new ArrayList<>(expected.keySet()).get(random.nextInt(expected.size()));
            YardSlot at = expected.get(container);
            MoveRefusal refusal = block.remove(container, at.bay().number(), at.row().number(), at.tier().level());
            if (refusal == null) {
                expected.remove(container);
            } else {
                assertThat(block).as("seed %d: refused removal of %s (%s) changed the block", seed, container,
                        refusal.reason()).isEqualTo(before);
            }
            return "remove " + container;
        }

        private String moveWithin(BlockState before) {
            if (expected.isEmpty()) {
                return "skip";
            }
            String container = new ArrayList<>(expected.keySet()).get(random.nextInt(expected.size()));
            YardSlot at = expected.get(container);
            int length = lengths.get(container);
            int[] to = randomSlot(length);
            long moveSeq = ++seq;
            MoveRefusal refusal = block.moveWithin(container, at.bay().number(), at.row().number(), at.tier().level(),
                    to[0], to[1], to[2], length, reefer(container), moveSeq);
            String what = "move " + container + " to " + to[0] + "-" + to[1] + "-" + to[2];
            if (refusal != null) {
                assertThat(block).as("seed %d: refused %s (%s) changed the block", seed, what, refusal.reason())
                        .isEqualTo(before);
                return what;
            }
            if (random.nextBoolean()) {
                block.complete(container, moveSeq, at.bay().number(), at.row().number(), at.tier().level(), to[0],
                        to[1], to[2]);
                expected.put(container, YardSlot.of(block.block(), to[0], to[1], to[2]));
            } else {
                block.cancel(container, moveSeq, at.bay().number(), at.row().number(), at.tier().level(), to[0],
                        to[1], to[2]);
                assertThat(block).as("seed %d: cancelled %s left traces", seed, what).isEqualTo(before);
            }
            return what;
        }

        private String pending(BlockState before) {
            if (pending != null) {
                boolean complete = random.nextBoolean();
                int[] f = pending.from() == null ? new int[3] : pending.from();
                int[] t = pending.to() == null ? new int[3] : pending.to();
                if (complete) {
                    block.complete(pending.container(), pending.seq(), f[0], f[1], f[2], t[0], t[1], t[2]);
                    if (pending.to() != null) {
                        expected.put(pending.container(), YardSlot.of(block.block(), t[0], t[1], t[2]));
                    } else {
                        expected.remove(pending.container());
                    }
                } else {
                    block.cancel(pending.container(), pending.seq(), f[0], f[1], f[2], t[0], t[1], t[2]);
                }
                String what = (complete ? "complete " : "cancel ") + pending.container();
                pending = null;
                return what;
            }
            String container = pool.get(random.nextInt(pool.size()));
            long moveSeq = ++seq;
            if (expected.containsKey(container)) {
                YardSlot at = expected.get(container);
                int[] from = {at.bay().number(), at.row().number(), at.tier().level()};
                MoveRefusal refusal = block.markLeaving(container, from[0], from[1], from[2], moveSeq);
                if (refusal == null) {
                    pending = new Pending(container, moveSeq, from, null);
                } else {
                    assertThat(block).as("seed %d: refused departure of %s changed the block", seed, container)
                            .isEqualTo(before);
                }
                return "leave " + container;
            }
            int length = lengths.get(container);
            int[] to = randomSlot(length);
            MoveRefusal refusal = block.reserve(container, to[0], to[1], to[2], length, reefer(container), moveSeq);
            if (refusal == null) {
                pending = new Pending(container, moveSeq, null, to);
            } else {
                assertThat(block).as("seed %d: refused arrival of %s changed the block", seed, container)
                        .isEqualTo(before);
            }
            return "arrive " + container;
        }

        private String close(BlockState before) {
            int[] s = randomSlot(1);
            boolean close = random.nextInt(100) < 60;
            MoveRefusal refusal = block.setClosed(s[0], s[1], s[2], close);
            if (refusal != null) {
                assertThat(block).as("seed %d: refused closure changed the block", seed).isEqualTo(before);
            }
            return (close ? "close " : "open ") + s[0] + "-" + s[1] + "-" + s[2];
        }
    }
}
