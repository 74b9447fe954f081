package org.portops.crane;

import org.junit.jupiter.api.Test;
import org.portops.crane.qcsp.CraneSchedule;
import org.portops.crane.qcsp.CraneTask;
import org.portops.crane.qcsp.Disruption;
import org.portops.crane.qcsp.Disruptions;
import org.portops.crane.qcsp.Precedence;
import org.portops.crane.qcsp.QcspInstance;
import org.portops.crane.qcsp.QcspSchedule;
import org.portops.crane.qcsp.QuayCrane;
import org.portops.crane.qcsp.RandomInstances;
import org.portops.crane.qcsp.Replanning;
import org.portops.crane.qcsp.ScheduleChecker;
import org.portops.crane.qcsp.ScheduledTask;
import org.portops.crane.qcsp.Unavailability;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Re-planning after disruptions, through the planner the live loop uses. */
class QuayCranePlannerReplanTest {
    private final QuayCranePlanner planner = new QuayCranePlanner(Clock.systemUTC());
    private static final QuayCranePlanner.PlanLimits LIMITS = QuayCranePlanner.PlanLimits.of(Duration.ofMillis(400));

    /** 3 cranes on 16 bays, margin 1, travel 2 per bay; two tasks of 30 in every bay 2..15, deck before hold. */
    private static QcspInstance vessel() {
        List<CraneTask> tasks = new ArrayList<>();
        List<Precedence> precedences = new ArrayList<>();
        for (int bay = 2; bay <= 15; bay++) {
            tasks.add(new CraneTask(tasks.size() + 1, 30, bay));
            tasks.add(new CraneTask(tasks.size() + 1, 20 + bay, bay));
            precedences.add(new Precedence(tasks.size() - 1, tasks.size()));
        }
        return new QcspInstance("three-cranes", 16, 2, 1, tasks,
                List.of(new QuayCrane(1, 0, 2).withWindLimit(18), new QuayCrane(2, 0, 8).withWindLimit(25),
                        new QuayCrane(3, 0, 14).withWindLimit(18)), precedences);
    }

    private static Map<Integer, ScheduledTask> byTask(QcspSchedule schedule, Map<Integer, Integer> craneOf) {
        Map<Integer, ScheduledTask> tasks = new HashMap<>();
        for (CraneSchedule crane : schedule.cranes()) {
            for (ScheduledTask task : crane.tasks()) {
                tasks.put(task.task(), task);
                craneOf.put(task.task(), crane.crane());
            }
        }
        return tasks;
    }

    @Test
    void aBrokenCranesRemainingBaysGoToTheOthersWithoutCrossingAndStartedWorkStays() {
        QcspInstance instance = vessel();
        QuayCranePlanner.Plan before = planner.plan(instance, LIMITS);
        int breakdown = before.schedule().makespan() / 3;

        QuayCranePlanner.Replan after = planner.replan(instance, before.schedule(), breakdown,
                new Disruption.Breakdown(2, breakdown), LIMITS);

        assertThat(after.plan().violations()).isEmpty();
        assertThat(ScheduleChecker.check(after.instance(), after.plan().schedule())).isEmpty();
        assertThat(after.plan().feasible()).isTrue();
        Map<Integer, Integer> craneBefore = new HashMap<>();
        Map<Integer, Integer> craneAfter = new HashMap<>();
        Map<Integer, ScheduledTask> tasksBefore = byTask(before.schedule(), craneBefore);
        Map<Integer, ScheduledTask> tasksAfter = byTask(after.plan().schedule(), craneAfter);
        int reassigned = 0;
        for (Map.Entry<Integer, ScheduledTask> entry : tasksBefore.entrySet()) {
            int task = entry.getKey();
            if (entry.getValue().start() < breakdown) {
                assertThat(tasksAfter.get(task)).as("started task %d", task).isEqualTo(entry.getValue());
                assertThat(craneAfter.get(task)).as("started task %d", task).isEqualTo(craneBefore.get(task));
            } else {
                assertThat(craneAfter.get(task)).as("task %d after the breakdown", task).isNotEqualTo(2);
                assertThat(tasksAfter.get(task).start()).isGreaterThanOrEqualTo(breakdown);
                reassigned += craneBefore.get(task) == 2 ? 1 : 0;
            }
        }
        assertThat(reassigned).as("tasks crane 2 had not started").isPositive();
    }

    @Test
    void aWindStopHaltsOnlyTheCranesWhoseLimitIsBelowTheWind() {
        QcspInstance instance = vessel();
        QuayCranePlanner.Plan before = planner.plan(instance, LIMITS);
        int now = 40;

        QuayCranePlanner.Replan after = planner.replan(instance, before.schedule(), now,
                new Disruption.WindStop(21.5, 60, 200), LIMITS);

        assertThat(after.plan().violations()).isEmpty();
        assertThat(after.instance().crane(1).unavailable()).singleElement()
                .satisfies(window -> assertThat(window.reason()).isEqualTo(Unavailability.Reason.WIND));
        assertThat(after.instance().crane(2).unavailable()).isEmpty();
        for (CraneSchedule crane : after.plan().schedule().cranes()) {
            Unavailability wind = after.instance().crane(crane.crane()).unavailable().stream().findFirst().orElse(null);
            if (wind != null) {
                assertThat(crane.tasks()).as("crane %d", crane.crane())
                        .noneMatch(task -> wind.overlaps(task.start(), task.end()));
            }
        }
        boolean craneTwoWorksInTheWind = after.plan().schedule().cranes().get(1).tasks().stream()
                .anyMatch(task -> task.start() < 200 && task.end() > 60);
        assertThat(craneTwoWorksInTheWind).isTrue();
    }

    @Test
    void plansAfterRandomDisruptionsNeverBreakAHardRuleThePlannerCouldAvoid() {
        long baseSeed = 8_2026L;
        for (int run = 0; run < 25; run++) {
            long seed = baseSeed + run;
            Random random = new Random(seed);
            QcspInstance instance = RandomInstances.generateWithAvailability(seed);
            QuayCranePlanner.Plan plan = planner.plan(instance, QuayCranePlanner.PlanLimits.of(Duration.ofMillis(60)));
            assertThat(plan.violations()).as("seed %d", seed).isEmpty();
            int now = 0;
            for (int event = 0; event < 2; event++) {
                now += random.nextInt(Math.max(1, plan.schedule().makespan() - now));
                Disruption disruption = Disruptions.random(instance, random, now);
                QcspInstance changed = Replanning.apply(instance, plan.schedule(), now, disruption);
                if (!Disruptions.coverable(changed)) {
                    break;
                }
                QuayCranePlanner.Replan replan = planner.replan(instance, plan.schedule(), now, disruption,
                        QuayCranePlanner.PlanLimits.of(Duration.ofMillis(60)));
                assertThat(replan.plan().violations()).as("seed %d, %s at %d", seed, disruption, now).isEmpty();
                assertThat(replan.plan().feasible()).as("seed %d, %s at %d", seed, disruption, now).isTrue();
                instance = replan.instance();
                plan = replan.plan();
            }
        }
    }
}
