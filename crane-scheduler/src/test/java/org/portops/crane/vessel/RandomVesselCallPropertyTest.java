package org.portops.crane.vessel;

import org.junit.jupiter.api.Test;
import org.portops.crane.QuayCranePlanner;
import org.portops.crane.qcsp.Disruption;
import org.portops.crane.qcsp.Disruptions;
import org.portops.crane.qcsp.GreedyDispatcher;
import org.portops.crane.qcsp.QcspInstance;
import org.portops.crane.qcsp.QcspSchedule;
import org.portops.crane.qcsp.Replanning;
import org.portops.crane.qcsp.ScheduleChecker;
import org.portops.crane.qcsp.Unavailability;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselBay;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.crane.vessel.VesselCalls.START;
import static org.portops.crane.vessel.VesselCalls.entry;
import static org.portops.crane.vessel.VesselCalls.work;

/**
 * Property-based, on seeded random vessel calls (40' and 20' containers on deck and in the hold, discharges, loads,
 * restows, twins of random weights, cranes of random rates, wind limits and outages): the mapped plan keeps every
 * hard rule and gives every move to exactly one crane, and so does every re-plan after random disruptions.
 */
class RandomVesselCallPropertyTest {
    private static final long BASE_SEED = 2026_11_24_1L;
    private static final int[] TIERS = {2, 4, 6, 82, 84, 86};

    @Test
    void randomVesselCallsAndDisruptionsNeverBreakAHardRule() {
        for (int run = 0; run < 60; run++) {
            long seed = BASE_SEED + run;
            Random random = new Random(seed);
            List<BayPlanEntry> entries = randomBayPlan(random);
            VesselProblem problem = VesselCallMapper.map(work(entries), randomCranes(random), VesselWorkRules.defaults(START));
            QcspInstance instance = problem.instance();
            QcspSchedule schedule = GreedyDispatcher.schedule(instance);
            assertThat(ScheduleChecker.check(instance, schedule)).as("seed %d", seed).isEmpty();
            assertThat(problem.workLists(schedule).stream().mapToInt(list -> list.moves().size()).sum())
                    .as("seed %d", seed).isEqualTo(moveCount(entries));
            int now = 0;
            for (int event = 0; event < 3; event++) {
                now += random.nextInt(Math.max(1, schedule.makespan() - now));
                Disruption disruption = Disruptions.random(instance, random, now);
                QcspInstance changed = Replanning.apply(instance, schedule, now, disruption);
                if (!Disruptions.coverable(changed)) {
                    break;
                }
                schedule = GreedyDispatcher.schedule(changed);
                instance = changed;
                assertThat(ScheduleChecker.check(instance, schedule)).as("seed %d, %s at %d", seed, disruption, now)
                        .isEmpty();
            }
        }
    }

    @Test
    void theSolverPlansRandomVesselCallsWithinEveryHardRule() {
        QuayCranePlanner planner = new QuayCranePlanner(Clock.systemUTC());
        for (int run = 0; run < 5; run++) {
            long seed = BASE_SEED + 1000 + run;
            Random random = new Random(seed);
            VesselProblem problem = VesselCallMapper.map(work(randomBayPlan(random)), randomCranes(random),
                    VesselWorkRules.defaults(START));

            QuayCranePlanner.Plan plan = planner.plan(problem.instance(),
                    QuayCranePlanner.PlanLimits.of(Duration.ofMillis(300)));

            assertThat(plan.violations()).as("seed %d", seed).isEmpty();
            assertThat(plan.feasible()).as("seed %d", seed).isTrue();
        }
    }

    /** Each 40' cell (position, row, tier) holds nothing, one 40', a fore and aft 20' pair or one 20'. */
    private static List<BayPlanEntry> randomBayPlan(Random random) {
        List<BayPlanEntry> entries = new ArrayList<>();
        int positions = 3 + random.nextInt(8);
        int rows = 1 + random.nextInt(5);
        int serial = 1;
        for (int position = 1; position <= positions; position++) {
            int forty = 4 * position - 2;
            for (int row = 1; row <= rows; row++) {
                for (int tier : TIERS) {
                    BayPlanAction action = action(random);
                    if (action == null) {
                        continue;
                    }
                    switch (random.nextInt(3)) {
                        case 0 -> entries.add(entry(slot(forty, row, tier), serial++, "45G1", weight(random), action));
                        case 1 -> {
                            entries.add(entry(slot(forty - 1, row, tier), serial++, "22G1", weight(random), action));
                            entries.add(entry(slot(forty + 1, row, tier), serial++, "22G1", weight(random), action));
                        }
                        default -> entries.add(entry(slot(forty + (random.nextBoolean() ? 1 : -1), row, tier), serial++,
                                "22G1", weight(random), action));
                    }
                }
            }
        }
        return entries;
    }

    private static BayPlanAction action(Random random) {
        int pick = random.nextInt(10);
        return pick < 3 ? null : pick < 6 ? BayPlanAction.DISCHARGE : pick < 9 ? BayPlanAction.LOAD
                : random.nextBoolean() ? BayPlanAction.RESTOW : BayPlanAction.REMAIN_ON_BOARD;
    }

    private static String slot(int bay, int row, int tier) {
        return String.format("%03d%02d%02d", bay, row, tier);
    }

    private static int weight(Random random) {
        return 3_000 + random.nextInt(28_000);
    }

    private static List<CraneSetup> randomCranes(Random random) {
        int count = 1 + random.nextInt(3);
        List<CraneSetup> cranes = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            List<CraneSetup.Outage> outages = new ArrayList<>();
            if (random.nextBoolean()) {
                int from = random.nextInt(4 * 3600);
                outages.add(new CraneSetup.Outage(START.plusSeconds(from), START.plusSeconds(from + 600 + random.nextInt(3600)),
                        Unavailability.Reason.values()[random.nextInt(4)]));
            }
            cranes.add(new CraneSetup(new EquipmentId("QC0" + (k + 1)), new VesselBay(2 + 8 * k), START,
                    20 + random.nextInt(16), 15 + random.nextInt(10), outages));
        }
        return cranes;
    }

    private static int moveCount(List<BayPlanEntry> entries) {
        return entries.stream().mapToInt(entry -> switch (entry.action()) {
            case DISCHARGE, LOAD -> 1;
            case RESTOW -> 2;
            case REMAIN_ON_BOARD -> 0;
        }).sum();
    }
}
