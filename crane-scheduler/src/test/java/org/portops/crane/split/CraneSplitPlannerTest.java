package org.portops.crane.split;

import org.junit.jupiter.api.Test;
import org.portops.crane.QuayCranePlanner;
import org.portops.crane.qcsp.QcspInstance;
import org.portops.crane.qcsp.ScheduleChecker;
import org.portops.model.vessel.VesselCallId;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.crane.split.SplitScenarios.HOUR;
import static org.portops.crane.split.SplitScenarios.START;
import static org.portops.crane.split.SplitScenarios.cranes;
import static org.portops.crane.split.SplitScenarios.problem;
import static org.portops.crane.split.SplitScenarios.vessel;

/**
 * The split solver on small quays: QC01..QC06 at 100..600 m; MSC ANNA at 0..300 m (QC01-QC03 stand at it) and EVER
 * GIVEN at 350..650 m (QC04-QC06), 12 positions each, 30-cycle cranes.
 */
class CraneSplitPlannerTest {
    private static final VesselCallId ANNA = new VesselCallId("C1");
    private static final VesselCallId EVER = new VesselCallId("C2");
    private static final VesselCallId COSCO = new VesselCallId("C3");
    private static final CraneSplitPlanner.Limits LIMITS = new CraneSplitPlanner.Limits(Duration.ofSeconds(4), 7);

    private final CraneSplitPlanner planner = new CraneSplitPlanner(Clock.fixed(START, ZoneOffset.UTC));

    /**
     * The split of {@link #twoVessels()}, planned once for the tests that read it (a split is an immutable value, and
     * planning the same problem again with the same limits proves nothing more): 4 s of search each time saved.
     */
    private static final class TwoVesselsSplit {
        static final CraneSplit SPLIT = new CraneSplitPlanner(Clock.fixed(START, ZoneOffset.UTC))
                .plan(twoVessels(), LIMITS);
    }

    private static CraneSplit twoVesselsSplit() {
        return TwoVesselsSplit.SPLIT;
    }

    /**
     * EVER GIVEN has 720 cycles to do in 8 hours: its three cranes would need exactly 8 hours on perfectly even
     * zones, so it is late unless a fourth crane joins; MSC ANNA's 480 cycles take 8 of its 24 hours on two.
     */
    private static SplitProblem twoVessels() {
        return problem(cranes(6, 100, 100), List.of(
                vessel("C1", "MSC ANNA", 0, 300, 12, 0, 24 * HOUR, 40),
                vessel("C2", "EVER GIVEN", 350, 650, 12, 0, 8 * HOUR - 600, 60)), 24);
    }

    @Test
    void aVesselLateOnItsOwnCranesGetsMore() {
        SplitProblem problem = twoVessels();
        CraneSplit split = twoVesselsSplit();

        assertThat(SplitChecker.check(problem, split.cranes())).isEmpty();
        assertThat(split.feasible()).isTrue();
        assertThat(split.vessel(EVER).lateSeconds()).as(split.vessels().toString()).isZero();
        assertThat(split.vessel(ANNA).lateSeconds()).isZero();
        String moved = movedFromAnnaToEver(split);
        assertThat(List.of("QC01", "QC02", "QC03")).as("a crane of MSC ANNA's side").contains(moved);
        assertThat(split.explanation().decisions()).anySatisfy(line -> assertThat(line)
                .startsWith(moved + " moves from MSC ANNA to EVER GIVEN at ")
                .contains("so EVER GIVEN meets its 13:50 departure"));
    }

    /** The crane that gantries from MSC ANNA to EVER GIVEN. */
    private static String movedFromAnnaToEver(CraneSplit split) {
        return split.cranes().stream()
                .filter(crane -> crane.moves().stream().anyMatch(m -> ANNA.equals(m.from()) && EVER.equals(m.to())))
                .map(crane -> crane.crane().value()).findFirst()
                .orElseThrow(() -> new AssertionError("no crane moves from MSC ANNA to EVER GIVEN: " + split.cranes()));
    }

    @Test
    void explainsEachCraneAndVesselInOperatorLanguage() {
        CraneSplit split = twoVesselsSplit();

        assertThat(split.explanation().constraintTotals()).anySatisfy(total -> assertThat(total).startsWith("Crane moves between vessels"));
        String moved = movedFromAnnaToEver(split);
        assertThat(split.explanation().byCrane().get(moved)).anySatisfy(line -> assertThat(line)
                .startsWith("Crane moves between vessels").contains(moved + " moves between vessels 1 time: MSC ANNA to EVER GIVEN"));
        SplitProblem tooTight = problem(cranes(6, 100, 100), List.of(
                vessel("C1", "MSC ANNA", 0, 300, 12, 0, 24 * HOUR, 40),
                vessel("C2", "EVER GIVEN", 350, 650, 12, 0, 3 * HOUR, 60)), 24);
        CraneSplit late = planner.plan(tooTight, LIMITS);
        assertThat(late.explanation().byVessel().get("EVER GIVEN")).anySatisfy(line -> assertThat(line)
                .startsWith("Vessel departure").contains("EVER GIVEN is estimated to finish at")
                .contains("after its planned departure at 09:00"));
    }

    @Test
    void aThirdVesselArrivingRebalancesWithoutCrossing() {
        List<SplitCrane> cranes = cranes(8, 100, 100);
        SplitVessel anna = vessel("C1", "MSC ANNA", 0, 300, 12, 0, 12 * HOUR, 30);
        SplitVessel ever = vessel("C2", "EVER GIVEN", 350, 650, 12, 0, 12 * HOUR, 30);
        SplitProblem before = problem(cranes, List.of(anna, ever), 24);
        CraneSplit inForce = planner.plan(before, LIMITS);
        assertThat(SplitChecker.check(before, inForce.cranes())).isEmpty();

        // COSCO berths at 3:00 at 700..1000 m with 900 cycles due at 13:00: it needs cranes from the others
        SplitVessel cosco = vessel("C3", "COSCO ASIA", 700, 1000, 12, 3 * HOUR, 10 * HOUR, 75);
        CraneSplitPlanner later = new CraneSplitPlanner(Clock.fixed(START.plusSeconds(2 * HOUR), ZoneOffset.UTC));
        CraneSplit rebalanced = later.rebalance(before, inForce, List.of(anna, ever, cosco), LIMITS);
        SplitProblem after = before.replannedAt(2 * HOUR, List.of(anna, ever, cosco), inForce.cranes());

        assertThat(SplitChecker.check(after, rebalanced.cranes())).isEmpty();
        assertThat(rebalanced.vessels()).allSatisfy(v -> assertThat(v.lateSeconds()).as(v.name()).isZero());
        assertThat(rebalanced.cranesMoved()).isPositive();
        assertThat(rebalanced.vessel(COSCO).cranes()).hasSizeGreaterThanOrEqualTo(3);
        for (int k = 0; k < cranes.size(); k++) {
            for (int t = 0; t < 2; t++) {
                assertThat(rebalanced.grid().vessel(k, t)).as("crane %d slot %d is started", k, t)
                        .isEqualTo(SplitPlanGrid.of(after, inForce.cranes()).vessel(k, t));
            }
        }
    }

    /**
     * EVER GIVEN was to berth at 6:00 and arrives at 1:00 instead: the cranes the split in force kept idle for it
     * work it from its arrival, even when the re-plan has only a blink of search time (a busy machine): the re-plan
     * starts from the split in force with each such crane's vessel brought forward, not from cranes left idle.
     */
    @Test
    void aVesselArrivingEarlyIsWorkedFromItsArrivalByTheCranesWaitingForIt() {
        List<SplitCrane> cranes = cranes(8, 100, 100);
        SplitVessel anna = vessel("C1", "MSC ANNA", 0, 300, 12, 0, 20 * HOUR, 20);
        SplitVessel ever = vessel("C2", "EVER GIVEN", 450, 750, 12, 6 * HOUR, 20 * HOUR, 40);
        SplitProblem before = problem(cranes, List.of(anna, ever), 24);
        CraneSplit inForce = planner.plan(before, LIMITS);
        List<String> waiting = cranesOn(inForce, EVER, 6);
        assertThat(waiting).as("cranes the split keeps for EVER GIVEN at 6:00").isNotEmpty();
        assertThat(cranesOn(inForce, EVER, 1)).isEmpty();

        SplitVessel early = vessel("C2", "EVER GIVEN", 450, 750, 12, HOUR, 20 * HOUR, 40);
        CraneSplitPlanner later = new CraneSplitPlanner(Clock.fixed(START.plusSeconds(HOUR), ZoneOffset.UTC));
        CraneSplit rebalanced = later.rebalance(before, inForce, List.of(anna, early),
                new CraneSplitPlanner.Limits(Duration.ofMillis(50), 7));

        SplitProblem after = before.replannedAt(HOUR, List.of(anna, early), inForce.cranes());
        assertThat(SplitChecker.check(after, rebalanced.cranes())).isEmpty();
        assertThat(cranesOn(rebalanced, EVER, 1)).as("EVER GIVEN's cranes from 1:00").isNotEmpty();
        assertThat(rebalanced.vessel(EVER).estimatedCompletion()).as("finishes earlier than planned for 6:00")
                .isLessThan(inForce.vessel(EVER).estimatedCompletion());
    }

    private static List<String> cranesOn(CraneSplit split, VesselCallId vessel, int hour) {
        int at = hour * HOUR;
        return split.cranes().stream().filter(timeline -> timeline.assignments().stream()
                        .anyMatch(a -> a.vessel().equals(vessel) && a.from() <= at && a.until() > at))
                .map(timeline -> timeline.crane().value()).toList();
    }

    /** Both vessels on time with the three cranes at each: a hand-made split with no move at all. */
    private static CraneSplit stayingPut(CraneSplitPlanner planner, SplitProblem problem) {
        int[][] cells = new int[6][problem.horizonSlots()];
        for (int k = 0; k < 6; k++) {
            java.util.Arrays.fill(cells[k], k < 3 ? 0 : 1);
        }
        return planner.evaluate(problem, new SplitPlanGrid(cells));
    }

    @Test
    void withoutGainTheRebalancedSplitKeepsEveryCrane() {
        SplitProblem problem = problem(cranes(6, 100, 100), List.of(
                vessel("C1", "MSC ANNA", 0, 300, 12, 0, 12 * HOUR, 40),
                vessel("C2", "EVER GIVEN", 350, 650, 12, 0, 12 * HOUR, 40)), 24);
        CraneSplit inForce = stayingPut(planner, problem);
        assertThat(inForce.vessels()).allSatisfy(v -> assertThat(v.lateSeconds()).isZero());
        CraneSplitPlanner later = new CraneSplitPlanner(Clock.fixed(START.plusSeconds(HOUR), ZoneOffset.UTC));

        CraneSplit rebalanced = later.rebalance(problem, inForce, problem.vessels(), LIMITS);

        assertThat(rebalanced.cranesMoved()).isZero();
        assertThat(rebalanced.grid()).isEqualTo(inForce.grid());
    }

    @Test
    void anEarlierDepartureMovesCranesToTheVesselThatNeedsThem() {
        SplitProblem problem = problem(cranes(6, 100, 100), List.of(
                vessel("C1", "MSC ANNA", 0, 300, 12, 0, 12 * HOUR, 40),
                vessel("C2", "EVER GIVEN", 350, 650, 12, 0, 12 * HOUR, 40)), 24);
        CraneSplit inForce = stayingPut(planner, problem);
        SplitVessel hurried = problem.vessels().get(1).withBerthing(0, 4 * HOUR);
        CraneSplitPlanner later = new CraneSplitPlanner(Clock.fixed(START.plusSeconds(HOUR), ZoneOffset.UTC));

        CraneSplit rebalanced = later.rebalance(problem, inForce, List.of(problem.vessels().get(0), hurried), LIMITS);
        SplitProblem changed = problem.replannedAt(HOUR, List.of(problem.vessels().get(0), hurried), inForce.cranes());

        assertThat(SplitChecker.check(changed, rebalanced.cranes())).isEmpty();
        assertThat(rebalanced.cranesMoved()).isPositive();
        assertThat(rebalanced.vessel(EVER).estimatedCompletion())
                .isLessThan(planner.evaluate(changed, inForce.grid()).vessel(EVER).estimatedCompletion());
    }

    @Test
    void aVesselLeavingFreesItsCranes() {
        SplitProblem problem = twoVessels();
        CraneSplit inForce = twoVesselsSplit();
        SplitVessel anna = problem.vessels().get(0);
        CraneSplitPlanner later = new CraneSplitPlanner(Clock.fixed(START.plusSeconds(HOUR), ZoneOffset.UTC));

        CraneSplit withoutEver = later.rebalance(problem, inForce, List.of(anna), LIMITS);

        assertThat(withoutEver.vessels()).extracting(VesselOutlook::vessel).containsExactly(ANNA);
        assertThat(withoutEver.cranes()).allSatisfy(crane -> assertThat(crane.assignments())
                .allSatisfy(a -> assertThat(a.vessel()).isEqualTo(ANNA)));
        assertThat(SplitChecker.check(problem.replannedAt(HOUR, List.of(anna), inForce.cranes()), withoutEver.cranes()))
                .isEmpty();
    }

    /**
     * The detailed plan of each vessel on the cranes and windows the split gives it passes the QCSP checker, and the
     * split's estimate is close to its makespan: three cranes on twelve 40-cycle bays (one task a bay) need 5:20 by
     * the estimate; the QCSP adds the gantry between bays.
     */
    @Test
    void detailedSchedulesKeepTheQcspRulesAndMatchTheEstimate() {
        SplitProblem problem = problem(cranes(6, 100, 100), List.of(
                vessel("C1", "MSC ANNA", 0, 300, 12, 0, 12 * HOUR, 40),
                vessel("C2", "EVER GIVEN", 350, 650, 12, 0, 12 * HOUR, 40)), 24);
        CraneSplit split = stayingPut(planner, problem);
        QuayCranePlanner detail = new QuayCranePlanner(Clock.systemUTC());
        List<String> figures = new ArrayList<>();
        for (SplitVessel vessel : problem.vessels()) {
            QcspInstance instance = CraneSplitPlanner.detailedInstance(problem, split, vessel.id(),
                    VesselWorkPlan.fromProfile(vessel, 40, 60, 1));
            QuayCranePlanner.Plan plan = detail.plan(instance, QuayCranePlanner.PlanLimits.of(Duration.ofSeconds(3)));
            assertThat(ScheduleChecker.check(instance, plan.schedule())).isEmpty();
            int estimate = split.vessel(vessel.id()).estimatedCompletion();
            int makespan = plan.schedule().makespan();
            figures.add(vessel.name() + " estimate " + estimate + " makespan " + makespan);
            assertThat(Math.abs(makespan - estimate)).as(figures.toString())
                    .isLessThanOrEqualTo((estimate - vessel.berthing()) / 10);
        }
    }
}
