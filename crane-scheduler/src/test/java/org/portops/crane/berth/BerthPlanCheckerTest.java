package org.portops.crane.berth;

import org.junit.jupiter.api.Test;
import org.portops.crane.berth.BerthPlanViolation.AfterBerthCloses;
import org.portops.crane.berth.BerthPlanViolation.AfterLatestDeparture;
import org.portops.crane.berth.BerthPlanViolation.BeforeArrival;
import org.portops.crane.berth.BerthPlanViolation.BeforeBerthOpens;
import org.portops.crane.berth.BerthPlanViolation.BerthOverlap;
import org.portops.crane.berth.BerthPlanViolation.ForbiddenBerth;
import org.portops.crane.berth.BerthPlanViolation.UnknownBerth;
import org.portops.crane.berth.BerthPlanViolation.UnknownVessel;
import org.portops.crane.berth.BerthPlanViolation.VesselMissing;
import org.portops.crane.berth.BerthPlanViolation.VesselRepeated;
import org.portops.crane.berth.BerthPlanViolation.WrongObjective;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of bad plan, built by hand on one instance: berth 1 open 0..100, berth 2 open 10..60; vessel 1 arrives
 * at 0 (10 at berth 1, 20 at berth 2), vessel 2 at 5 (15 at berth 1, not allowed at berth 2), vessel 3 at 12
 * (8 at either) and must be gone by 50.
 */
class BerthPlanCheckerTest {
    private final BerthInstance instance = new BerthInstance("hand", List.of(
            new CallingVessel(1, 0, 200, Map.of(1, 10, 2, 20)),
            new CallingVessel(2, 5, 200, Map.of(1, 15)),
            new CallingVessel(3, 12, 50, Map.of(1, 8, 2, 8))),
            List.of(new Berth(1, 0, 100), new Berth(2, 10, 60)));

    /** Vessel 1 at berth 1 0..10, vessel 2 at berth 1 10..25 (waits 5), vessel 3 at berth 2 12..20. */
    private final List<BerthAssignment> valid = List.of(
            new BerthAssignment(1, 1, 0), new BerthAssignment(2, 1, 10), new BerthAssignment(3, 2, 12));

    private BerthPlan plan(long objective, BerthAssignment... assignments) {
        return new BerthPlan("hand", objective, List.of(assignments));
    }

    @Test
    void acceptsAValidPlan() {
        assertThat(BerthPlanChecker.check(instance, new BerthPlan("hand", 10 + 20 + 8, valid))).isEmpty();
    }

    @Test
    void catchesAVesselBerthingBeforeItArrives() {
        assertThat(BerthPlanChecker.check(instance, plan(30 + 14 + 15,
                new BerthAssignment(1, 2, 10), new BerthAssignment(2, 1, 4), new BerthAssignment(3, 1, 19))))
                .containsExactly(new BeforeArrival(2, 5, 4));
    }

    @Test
    void catchesAVesselBerthingBeforeTheBerthOpens() {
        assertThat(BerthPlanChecker.check(instance, plan(20 + 15 + 16,
                new BerthAssignment(1, 2, 0), new BerthAssignment(2, 1, 5), new BerthAssignment(3, 1, 20))))
                .containsExactly(new BeforeBerthOpens(1, 2, 10, 0));
    }

    @Test
    void catchesAVesselLeavingAfterTheBerthCloses() {
        assertThat(BerthPlanChecker.check(instance, plan(61 + 15 + 16,
                new BerthAssignment(1, 2, 41), new BerthAssignment(2, 1, 5), new BerthAssignment(3, 1, 20))))
                .containsExactly(new AfterBerthCloses(1, 2, 60, 61));
    }

    @Test
    void catchesAVesselLeavingAfterItsLatestDeparture() {
        assertThat(BerthPlanChecker.check(instance, plan(10 + 20 + 39,
                new BerthAssignment(1, 1, 0), new BerthAssignment(2, 1, 10), new BerthAssignment(3, 2, 43))))
                .containsExactly(new AfterLatestDeparture(3, 50, 51));
    }

    @Test
    void catchesTwoVesselsAlongsideOneBerthAtOnce() {
        assertThat(BerthPlanChecker.check(instance, plan(10 + 15 + 8,
                new BerthAssignment(1, 1, 0), new BerthAssignment(2, 1, 5), new BerthAssignment(3, 2, 12))))
                .containsExactly(new BerthOverlap(1, 1, 2, 5));
    }

    @Test
    void catchesEveryVesselALongStayCovers() {
        BerthInstance longStay = new BerthInstance("long", List.of(
                new CallingVessel(1, 0, 200, Map.of(1, 50)),
                new CallingVessel(2, 0, 200, Map.of(1, 5)),
                new CallingVessel(3, 0, 200, Map.of(1, 5))),
                List.of(new Berth(1, 0, 100)));

        assertThat(BerthPlanChecker.check(longStay, new BerthPlan("long", 50 + 15 + 35, List.of(
                new BerthAssignment(1, 1, 0), new BerthAssignment(2, 1, 10), new BerthAssignment(3, 1, 30)))))
                .containsExactly(new BerthOverlap(1, 1, 2, 5), new BerthOverlap(1, 1, 3, 5));
    }

    @Test
    void catchesAForbiddenBerth() {
        assertThat(BerthPlanChecker.check(instance, plan(0,
                new BerthAssignment(1, 1, 0), new BerthAssignment(2, 2, 10), new BerthAssignment(3, 2, 30))))
                .containsExactly(new ForbiddenBerth(2, 2));
    }

    @Test
    void catchesAMissingAndARepeatedVessel() {
        assertThat(BerthPlanChecker.check(instance, plan(0,
                new BerthAssignment(1, 1, 0), new BerthAssignment(1, 2, 10), new BerthAssignment(3, 2, 30))))
                .containsExactly(new VesselRepeated(1, 2), new VesselMissing(2));
    }

    @Test
    void catchesVesselsAndBerthsNotInTheInstance() {
        assertThat(BerthPlanChecker.check(instance, plan(0, new BerthAssignment(1, 1, 0), new BerthAssignment(2, 3, 10),
                new BerthAssignment(3, 2, 12), new BerthAssignment(4, 1, 50))))
                .containsExactly(new UnknownBerth(2, 3), new UnknownVessel(4));
    }

    @Test
    void catchesAClaimedObjectiveTheAssignmentsDoNotGive() {
        assertThat(BerthPlanChecker.check(instance, new BerthPlan("hand", 37, valid)))
                .containsExactly(new WrongObjective(37, 38));
    }

    @Test
    void everyViolationSaysWhatIsWrong() {
        assertThat(new AfterBerthCloses(1, 2, 60, 61).message())
                .isEqualTo("vessel 1 leaves berth 2 at 61, after it closes at 60");
        assertThat(new BerthOverlap(1, 1, 2, 5).message())
                .isEqualTo("vessels 1 and 2 are both alongside berth 1 for 5");
    }
}
