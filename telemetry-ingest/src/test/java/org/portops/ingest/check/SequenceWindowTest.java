package org.portops.ingest.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The anti-replay window against a plain model of it: every sequence accepted, and the newest. */
class SequenceWindowTest {

    @Test
    void theRingOfBitsAnswersAsTheSetOfAcceptedSequencesWouldOverLongRandomWalks() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            long first = random.nextInt(10_000);
            MachineTracks.SequenceWindow window = new MachineTracks.SequenceWindow(first);
            Set<Long> accepted = new HashSet<>(Set.of(first));
            long newest = first;
            for (int step = 0; step < 20_000; step++) {
                // mostly near the newest (late arrivals, duplicates, small jumps), sometimes far either way
                long sequence = switch (random.nextInt(10)) {
                    case 0 -> newest + 1 + random.nextInt(3 * MachineTracks.WINDOW);
                    case 1 -> newest - random.nextInt(3 * MachineTracks.WINDOW);
                    default -> newest - MachineTracks.WINDOW / 8 + random.nextInt(MachineTracks.WINDOW / 4);
                };
                boolean expected = sequence > newest
                        || (newest - sequence < MachineTracks.WINDOW && !accepted.contains(sequence));
                assertThat(window.accepts(sequence)).as("seed %d, step %d, sequence %d, newest %d", seed, step,
                        sequence, newest).isEqualTo(expected);
                if (expected) {
                    window.accept(sequence);
                    accepted.add(sequence);
                    newest = Math.max(newest, sequence);
                }
            }
        }
    }
}
