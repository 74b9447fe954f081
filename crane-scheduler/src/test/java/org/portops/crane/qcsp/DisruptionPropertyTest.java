package org.portops.crane.qcsp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Property-based: on random instances with productivities, wind limits and unavailability windows, the greedy
 * dispatcher and the sequence decoder only build schedules the checker accepts, before and after random disruptions
 * (breakdown, wind stop, a crane withdrawn, moves added) at random times. A breakdown that leaves tasks no crane in
 * service can reach is refused with a clear error instead.
 */
class DisruptionPropertyTest {
    private static final long BASE_SEED = 20261124_4L;

    @Test
    void greedyPlansKeepEveryHardRuleThroughRandomDisruptions() {
        for (int run = 0; run < 400; run++) {
            long seed = BASE_SEED + run;
            Random random = new Random(seed);
            QcspInstance instance = RandomInstances.generateWithAvailability(seed);
            QcspSchedule schedule = GreedyDispatcher.schedule(instance);
            assertThat(ScheduleChecker.check(instance, schedule)).as("seed %d, before any disruption", seed).isEmpty();
            int now = 0;
            for (int event = 0; event < 3; event++) {
                now += random.nextInt(Math.max(1, schedule.makespan() - now));
                Disruption disruption = Disruptions.random(instance, random, now);
                QcspInstance changed = Replanning.apply(instance, schedule, now, disruption);
                if (!Disruptions.coverable(changed)) {
                    assertThatThrownBy(() -> GreedyDispatcher.schedule(changed)).as("seed %d, %s", seed, disruption)
                            .hasMessageContaining("no crane in service can do the tasks left");
                    break;
                }
                QcspSchedule replanned = GreedyDispatcher.schedule(changed);
                assertThat(ScheduleChecker.check(changed, replanned)).as("seed %d, event %d: %s at %d", seed, event,
                        disruption, now).isEmpty();
                instance = changed;
                schedule = replanned;
            }
        }
    }

    @Test
    void decodedSequencesKeepTheWindowsAndTheMarginOnCranesOfDifferentSpeeds() {
        for (int run = 0; run < 400; run++) {
            long seed = BASE_SEED + run;
            QcspInstance instance = RandomInstances.generateWithAvailability(seed);
            List<List<Integer>> sequences = GreedyDispatcher.schedule(instance).sequences(instance.cranes().size());
            Random random = new Random(seed);
            // swap two tasks of one crane: still every task once, maybe precedences broken, never anything else
            List<List<Integer>> shuffled = new ArrayList<>();
            sequences.forEach(sequence -> shuffled.add(new ArrayList<>(sequence)));
            List<Integer> one = shuffled.get(random.nextInt(shuffled.size()));
            if (one.size() > 1) {
                Collections.swap(one, random.nextInt(one.size()), random.nextInt(one.size()));
            }

            QcspSchedule schedule = SequenceDecoder.decode(instance, shuffled).toSchedule();

            assertThat(ScheduleChecker.check(instance, schedule))
                    .as("seed %d", seed).allMatch(violation -> violation instanceof ScheduleViolation.PrecedenceBroken);
        }
    }
}
