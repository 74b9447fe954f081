package org.portops.crane.berth.quay.solver;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.junit.jupiter.api.Test;

/**
 * Every quay constraint on hand-placed vessels. The quay: 20 m clearance, 4 cranes on a rail from 0 to 1,000 m
 * (homes at 125, 375, 625 and 875 m), 55 m outreach, 60 minutes for moving a published time; sections 0..500 m
 * 15 m deep and 500..1,000 m 12 m deep. A vessel stays 100 minutes with 1 crane, 60 with 2, 40 with 3.
 */
class QuayConstraintProviderTest {
    private final ConstraintVerifier<QuayConstraintProvider, QuaySolution> verifier = ConstraintVerifier.build(
            new QuayConstraintProvider(), QuaySolution.class, QuayVessel.class);

    private final QuayRules rules = new QuayRules(20, 4, 0, 1000, 55.0, 60);
    private final QuaySection deep = new QuaySection("B1", 0, 500, 15.0);
    private final QuaySection shallow = new QuaySection("B2", 500, 1000, 12.0);

    private static QuayVessel vessel(String call, int length, double beam, double draft, int eta, int requested,
                                     Integer published, boolean alongside) {
        return new QuayVessel(new QuayVessel.Dimensions(call, call, length, beam, draft),
                new QuayVessel.Times(eta, requested, published, eta, eta + 600),
                new int[] {0, 100, 60, 40}, new QuayVessel.Grid(15, 1000 - length, 10), alongside);
    }

    private static QuayVessel vessel(String call, int length) {
        return vessel(call, length, 40, 10, 0, 0, null, false);
    }

    private static QuayVessel at(QuayVessel vessel, int position, int start, int cranes) {
        vessel.setPosition(position);
        vessel.setStart(start);
        vessel.setCranes(cranes);
        return vessel;
    }

    /** Bollards every 50 m from 0 to 400 m, none beyond; a line reaches 30 m. */
    private final QuayRules bollards = new QuayRules(20, 4, 0, 1000, 55.0, 60,
            new double[] {0, 50, 100, 150, 200, 250, 300, 350, 400}, 30);

    @Test
    void mooringPenalisesTheMetresBeyondReachToTheBollardNearestEachEnd() {
        // 190..390 m: bow 10 m from bollard 200, stern 10 m from 400: moored
        verifier.verifyThat(QuayConstraintProvider::mooring)
                .given(bollards, at(vessel("A", 200), 190, 0, 1)).penalizesBy(0);
        // 300..500 m: bow at bollard 300, stern 100 m beyond bollard 400, 70 m beyond reach
        verifier.verifyThat(QuayConstraintProvider::mooring)
                .given(bollards, at(vessel("A", 200), 300, 0, 1)).penalizesBy(70);
        // 480..680 m: 80 m and 280 m from bollard 400
        verifier.verifyThat(QuayConstraintProvider::mooring)
                .given(bollards, at(vessel("A", 200), 480, 0, 1)).penalizesBy(50 + 250);
    }

    @Test
    void mooringAcceptsABollardExactlyAtTheReachAndAQuayWithoutKnownBollards() {
        // 230..430 m: stern 30 m from bollard 400
        verifier.verifyThat(QuayConstraintProvider::mooring)
                .given(bollards, at(vessel("A", 200), 230, 0, 1)).penalizesBy(0);
        verifier.verifyThat(QuayConstraintProvider::mooring)
                .given(rules, at(vessel("A", 200), 700, 0, 1)).penalizesBy(0);
    }

    @Test
    void mooringIsExplainedNamingTheEndWithoutABollard() {
        var justification = new QuayJustification.NoBollardWithinReach("A", 300, 500, 0, 70, 30);
        verifier.verifyThat(QuayConstraintProvider::mooring)
                .given(bollards, at(vessel("A", 200), 300, 0, 1)).justifiesWith(justification);
        org.assertj.core.api.Assertions.assertThat(justification.describe()).isEqualTo("A at 300..500 m cannot make "
                + "its lines fast: the nearest bollard is within reach at the bow and 70 m beyond reach at the stern "
                + "(reach 30 m)");
    }

    @Test
    void clearancePenalisesMetresShortTimesMinutesTogether() {
        verifier.verifyThat(QuayConstraintProvider::clearance)
                .given(rules, at(vessel("A", 200), 0, 0, 1), at(vessel("B", 100), 210, 50, 1))
                .penalizesBy(10L * 50);
    }

    @Test
    void clearancePenalisesAnOverlapByItsDepthPlusTheClearance() {
        verifier.verifyThat(QuayConstraintProvider::clearance)
                .given(rules, at(vessel("A", 200), 0, 0, 1), at(vessel("B", 100), 150, 0, 1))
                .penalizesBy(70L * 100);
    }

    @Test
    void clearanceAcceptsVesselsOneAfterTheOtherAtTheSamePlace() {
        verifier.verifyThat(QuayConstraintProvider::clearance)
                .given(rules, at(vessel("A", 200), 0, 0, 1), at(vessel("B", 100), 0, 100, 1))
                .penalizesBy(0);
    }

    @Test
    void clearanceAcceptsExactlyTheClearance() {
        verifier.verifyThat(QuayConstraintProvider::clearance)
                .given(rules, at(vessel("A", 200), 0, 0, 1), at(vessel("B", 100), 220, 0, 1))
                .penalizesBy(0);
    }

    @Test
    void clearanceExplainsItself() {
        verifier.verifyThat(QuayConstraintProvider::clearance)
                .given(rules, at(vessel("A", 200), 0, 0, 1), at(vessel("B", 100), 210, 50, 1))
                .justifiesWithExactly(new QuayJustification.TooClose("A", "B", 10, 20, 50));
    }

    @Test
    void draftPenalisesCentimetresBeyondEachShallowSection() {
        verifier.verifyThat(QuayConstraintProvider::draft)
                .given(deep, shallow, at(vessel("A", 200, 40, 14.0, 0, 0, null, false), 400, 0, 1))
                .penalizesBy(200);
    }

    @Test
    void draftAcceptsDeepWater() {
        verifier.verifyThat(QuayConstraintProvider::draft)
                .given(deep, shallow, at(vessel("A", 200, 40, 14.0, 0, 0, null, false), 0, 0, 1))
                .penalizesBy(0);
    }

    @Test
    void draftAcceptsADraftEqualToTheDepthAndAVesselEndingWhereTheShallowSectionStarts() {
        verifier.verifyThat(QuayConstraintProvider::draft)
                .given(deep, shallow, at(vessel("A", 200, 40, 12.0, 0, 0, null, false), 600, 0, 1),
                        at(vessel("B", 200, 40, 14.5, 0, 0, null, false), 300, 200, 1))
                .penalizesBy(0);
    }

    @Test
    void draftExplainsItself() {
        verifier.verifyThat(QuayConstraintProvider::draft)
                .given(deep, shallow, at(vessel("A", 200, 40, 14.0, 0, 0, null, false), 400, 0, 1))
                .justifiesWithExactly(new QuayJustification.TooShallow("A", "B2", 12.0, 14.0));
    }

    @Test
    void craneReachPenalisesMetresOffTheRailAndBeamBeyondTheOutreach() {
        verifier.verifyThat(QuayConstraintProvider::craneReach)
                .given(new QuayRules(20, 4, 0, 900, 55.0, 60),
                        at(vessel("A", 100, 57.5, 10, 0, 0, null, false), 850, 0, 1))
                .penalizesBy(50 + 3);
    }

    @Test
    void craneReachAcceptsAVesselOnTheRailWithinTheOutreach() {
        verifier.verifyThat(QuayConstraintProvider::craneReach)
                .given(rules, at(vessel("A", 100, 50, 10, 0, 0, null, false), 500, 0, 1))
                .penalizesBy(0);
    }

    @Test
    void craneReachAcceptsTheRailsEndAndABeamEqualToTheOutreach() {
        verifier.verifyThat(QuayConstraintProvider::craneReach)
                .given(rules, at(vessel("A", 100, 55.0, 10, 0, 0, null, false), 900, 0, 1))
                .penalizesBy(0);
    }

    @Test
    void craneReachExplainsItself() {
        verifier.verifyThat(QuayConstraintProvider::craneReach)
                .given(new QuayRules(20, 4, 0, 900, 55.0, 60),
                        at(vessel("A", 100, 57.5, 10, 0, 0, null, false), 850, 0, 1))
                .justifiesWithExactly(new QuayJustification.BeyondCraneReach("A", 50, 2.5));
    }

    @Test
    void craneCapacityPenalisesCranesBeyondTheQuaysAtEachBerthing() {
        verifier.verifyThat(QuayConstraintProvider::craneCapacity)
                .given(rules, at(vessel("A", 100), 0, 0, 2), at(vessel("B", 100), 200, 30, 2),
                        at(vessel("C", 100), 400, 30, 1))
                .penalizesBy(1 + 1);
    }

    @Test
    void craneCapacityAcceptsAllTheQuaysCranesAtOnce() {
        verifier.verifyThat(QuayConstraintProvider::craneCapacity)
                .given(rules, at(vessel("A", 100), 0, 0, 2), at(vessel("B", 100), 200, 30, 2))
                .penalizesBy(0);
    }

    @Test
    void craneCapacityFreesTheCranesOfAVesselTheMinuteItLeaves() {
        verifier.verifyThat(QuayConstraintProvider::craneCapacity)
                .given(rules, at(vessel("A", 100), 0, 0, 3), at(vessel("B", 100), 200, 40, 3))
                .penalizesBy(0);
    }

    @Test
    void craneCapacityExplainsItself() {
        verifier.verifyThat(QuayConstraintProvider::craneCapacity)
                .given(rules, at(vessel("A", 100), 0, 0, 3), at(vessel("B", 100), 200, 39, 2))
                .justifiesWithExactly(new QuayJustification.CranesOverCapacity("B", 5, 4));
    }

    @Test
    void timeInPortPenalisesWaitingFromTheEtaPlusTheStay() {
        verifier.verifyThat(QuayConstraintProvider::timeInPort)
                .given(at(vessel("A", 100, 40, 10, 15, 15, null, false), 0, 45, 2),
                        at(vessel("B", 100), 200, 0, 1))
                .penalizesBy((30 + 60) + 100);
    }

    @Test
    void timeInPortOfAVesselBerthingOnArrivalIsItsStay() {
        verifier.verifyThat(QuayConstraintProvider::timeInPort)
                .given(at(vessel("A", 100, 40, 10, 15, 15, null, false), 0, 15, 3))
                .penalizesBy(40);
    }

    @Test
    void timeInPortExplainsItself() {
        verifier.verifyThat(QuayConstraintProvider::timeInPort)
                .given(at(vessel("A", 100, 40, 10, 15, 15, null, false), 0, 45, 2))
                .justifiesWithExactly(new QuayJustification.TimeInPort("A", 30, 60, 2));
    }

    @Test
    void berthingMovedPenalisesTheStabilityCostPlusTheMinutesMoved() {
        verifier.verifyThat(QuayConstraintProvider::berthingMoved)
                .given(rules, at(vessel("A", 100, 40, 10, 0, 0, 60, false), 0, 90, 1),
                        at(vessel("B", 100, 40, 10, 0, 0, 60, false), 200, 45, 1))
                .penalizesBy((60 + 30 / 4) + (60 + 15 / 4));
    }

    @Test
    void berthingMovedAcceptsAKeptTimeANewCallAndAVesselAlongside() {
        verifier.verifyThat(QuayConstraintProvider::berthingMoved)
                .given(rules, at(vessel("A", 100, 40, 10, 0, 0, 60, false), 0, 60, 1),
                        at(vessel("B", 100), 200, 45, 1),
                        at(vessel("C", 100, 40, 10, 0, 0, 30, true), 400, 0, 1))
                .penalizesBy(0);
    }

    @Test
    void berthingMovedExplainsItself() {
        verifier.verifyThat(QuayConstraintProvider::berthingMoved)
                .given(rules, at(vessel("A", 100, 40, 10, 0, 0, 60, false), 0, 45, 1))
                .justifiesWithExactly(new QuayJustification.BerthingMoved("A", -15, 63));
    }

    @Test
    void requestedDeviationPenalisesMinutesEitherSideOfTheRequest() {
        verifier.verifyThat(QuayConstraintProvider::requestedDeviation)
                .given(at(vessel("A", 100, 40, 10, 0, 30, null, false), 0, 90, 1),
                        at(vessel("B", 100, 40, 10, 0, 30, null, false), 200, 0, 1))
                .penalizesBy(60 + 30);
    }

    @Test
    void requestedDeviationAcceptsBerthingAsRequestedAndAVesselAlongside() {
        verifier.verifyThat(QuayConstraintProvider::requestedDeviation)
                .given(at(vessel("A", 100, 40, 10, 0, 30, null, false), 0, 30, 1),
                        at(vessel("B", 100, 40, 10, 0, 30, null, true), 200, 0, 1))
                .penalizesBy(0);
    }

    @Test
    void requestedDeviationExplainsItself() {
        verifier.verifyThat(QuayConstraintProvider::requestedDeviation)
                .given(at(vessel("A", 100, 40, 10, 0, 30, null, false), 0, 90, 1))
                .justifiesWithExactly(new QuayJustification.RequestedDeviation("A", 60));
    }

    @Test
    void craneMovesPenalisesCranesBeyondThoseHomedAlongside() {
        verifier.verifyThat(QuayConstraintProvider::craneMoves)
                .given(rules, at(vessel("A", 300), 100, 0, 3))
                .penalizesBy(1);
    }

    @Test
    void craneMovesAcceptsTheCranesHomedAlongside() {
        verifier.verifyThat(QuayConstraintProvider::craneMoves)
                .given(rules, at(vessel("A", 300), 100, 0, 2))
                .penalizesBy(0);
    }

    @Test
    void craneMovesCountsACraneHomedAtTheVesselsStartButNotAtItsEnd() {
        verifier.verifyThat(QuayConstraintProvider::craneMoves)
                .given(rules, at(vessel("A", 250), 125, 0, 2))
                .penalizesBy(1);
    }

    @Test
    void craneMovesExplainsItself() {
        verifier.verifyThat(QuayConstraintProvider::craneMoves)
                .given(rules, at(vessel("A", 300), 100, 0, 3))
                .justifiesWithExactly(new QuayJustification.CranesFromElsewhere("A", 3, 2));
    }
}
