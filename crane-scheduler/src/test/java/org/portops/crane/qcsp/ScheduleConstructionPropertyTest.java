package org.portops.crane.qcsp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Property-based: the greedy dispatcher and the sequence decoder only build schedules the checker accepts. */
class ScheduleConstructionPropertyTest {
    private static final long BASE_SEED = 20261124L;

    @Test
    void greedySchedulesAlwaysPassTheChecker() {
        for (int run = 0; run < 300; run++) {
            long seed = BASE_SEED + run;
            QcspInstance instance = RandomInstances.generate(seed);

            QcspSchedule schedule = GreedyDispatcher.schedule(instance);

            assertThat(ScheduleChecker.check(instance, schedule)).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void decodedSequencesInPrecedenceOrderAlwaysPassTheChecker() {
        for (int run = 0; run < 300; run++) {
            long seed = BASE_SEED + run;
            QcspInstance instance = RandomInstances.generate(seed);
            Random random = new Random(seed);

            QcspSchedule schedule = SequenceDecoder.decode(instance, randomSequences(instance, random)).toSchedule();

            assertThat(ScheduleChecker.check(instance, schedule)).as("seed %d", seed).isEmpty();
        }
    }

    /**
     * Tasks dealt to random cranes that reach their bay, each crane's list in one common order that respects the
     * precedences (task numbers only ever precede higher numbers in {@link RandomInstances}), shuffled within that.
     */
    private static List<List<Integer>> randomSequences(QcspInstance instance, Random random) {
        List<List<Integer>> sequences = new ArrayList<>();
        instance.cranes().forEach(crane -> sequences.add(new ArrayList<>()));
        List<Integer> order = new ArrayList<>();
        instance.tasks().forEach(task -> order.add(task.number()));
        if (instance.precedences().isEmpty()) {
            Collections.shuffle(order, random);
        }
        for (int task : order) {
            List<Integer> reaching = new ArrayList<>();
            instance.cranes().stream().filter(crane -> instance.reaches(crane.number(), instance.task(task).bay()))
                    .forEach(crane -> reaching.add(crane.number()));
            sequences.get(reaching.get(random.nextInt(reaching.size())) - 1).add(task);
        }
        return sequences;
    }
}
