package org.portops.crane.split;

import org.junit.jupiter.api.Test;
import org.portops.crane.qcsp.Unavailability;
import org.portops.model.vessel.VesselCallId;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.crane.split.SplitScenarios.HOUR;
import static org.portops.crane.split.SplitScenarios.START;

/** Random quays: every split the solver returns, first or re-balanced, keeps every hard rule by the checker. */
class CraneSplitPropertyTest {
    private static final CraneSplitPlanner.Limits LIMITS = new CraneSplitPlanner.Limits(Duration.ofMillis(1500), 3);

    @Test
    void everySplitPassesTheChecker() {
        for (long seed = 1; seed <= 4; seed++) {
            Random random = new Random(seed);
            SplitProblem problem = randomProblem(random);
            CraneSplit split = new CraneSplitPlanner(Clock.fixed(START, ZoneOffset.UTC)).plan(problem, LIMITS);
            assertThat(split.feasible()).as("seed %d: %s", seed, split.score()).isTrue();
            assertThat(SplitChecker.check(problem, split.cranes())).as("seed %d", seed).isEmpty();

            List<SplitVessel> changed = new ArrayList<>(problem.vessels());
            SplitVessel moved = changed.remove(random.nextInt(changed.size()));
            int shift = HOUR * random.nextInt(4);
            changed.add(moved.withBerthing(moved.berthing() + shift, moved.plannedDeparture() + shift));
            int now = HOUR * (1 + random.nextInt(3));
            CraneSplit rebalanced = new CraneSplitPlanner(Clock.fixed(START.plusSeconds(now), ZoneOffset.UTC))
                    .rebalance(problem, split, changed, LIMITS);
            SplitProblem replanned = problem.replannedAt(now, changed, split.cranes());
            assertThat(rebalanced.feasible()).as("seed %d re-balanced: %s", seed, rebalanced.explanation()).isTrue();
            assertThat(SplitChecker.check(replanned, rebalanced.cranes())).as("seed %d re-balanced", seed).isEmpty();
        }
    }

    /** 6-10 cranes, 2-4 vessels side by side along 1,400 m, some maintenance, a gust above some cranes' limits. */
    private static SplitProblem randomProblem(Random random) {
        int craneCount = 6 + random.nextInt(5);
        List<SplitCrane> cranes = new ArrayList<>();
        for (int k = 0; k < craneCount; k++) {
            SplitCrane crane = new SplitCrane(new org.portops.model.equipment.EquipmentId(String.format("QC%02d", k + 1)),
                    50 + k * 1300.0 / craneCount, 25 + random.nextInt(11), 45, 18 + random.nextInt(5), List.of());
            if (random.nextInt(3) == 0) {
                int from = HOUR * random.nextInt(12);
                crane = crane.withUnavailability(new Unavailability(from, from + HOUR + random.nextInt(2 * HOUR),
                        Unavailability.Reason.MAINTENANCE));
            }
            cranes.add(crane);
        }
        int vesselCount = 2 + random.nextInt(3);
        double width = 1400.0 / vesselCount;
        List<SplitVessel> vessels = new ArrayList<>();
        for (int v = 0; v < vesselCount; v++) {
            int positions = 8 + random.nextInt(9);
            List<BayWork> bays = new ArrayList<>();
            for (int p = 1; p <= positions; p++) {
                bays.add(new BayWork(p, random.nextInt(61)));
            }
            int berthing = random.nextInt(2) == 0 ? 0 : HOUR / 2 * random.nextInt(12);
            double from = v * width + random.nextInt(20);
            vessels.add(new SplitVessel(new VesselCallId("V" + v), "VESSEL " + v, from, from + width - 30, positions,
                    berthing, berthing + HOUR * (6 + random.nextInt(14)), bays));
        }
        int gust = HOUR * random.nextInt(20);
        return SplitProblem.of(START, 1400, HOUR, 24, 6, cranes, vessels)
                .withWind(List.of(new WindPeriod(gust, gust + HOUR, 20.5)));
    }
}
