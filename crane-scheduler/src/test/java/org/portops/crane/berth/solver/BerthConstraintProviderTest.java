package org.portops.crane.berth.solver;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.junit.jupiter.api.Test;

/**
 * Every constraint on hand-placed vessels: berth 1 open 0..60, berth 2 open 0..100; the vessels' times are set as
 * the listener would set them.
 */
class BerthConstraintProviderTest {
    private final ConstraintVerifier<BerthConstraintProvider, BerthSolution> verifier = ConstraintVerifier.build(
            new BerthConstraintProvider(), BerthSolution.class, PlannedBerth.class, PlannedVessel.class);

    private final PlannedBerth berth1 = new PlannedBerth(1, 0, 60);
    private final PlannedBerth berth2 = new PlannedBerth(2, 0, 100);

    /** A vessel arriving at {@code arrival}, 10 at berth 1, 20 at berth 2 (or only at berth 2 if {@code onlyBerth2}). */
    private static PlannedVessel vessel(int number, int arrival, int latestDeparture, boolean onlyBerth2) {
        return new PlannedVessel(number, arrival, latestDeparture, new int[] {0, onlyBerth2 ? 0 : 10, 20});
    }

    private static PlannedVessel placed(PlannedVessel vessel, PlannedBerth berth, int start) {
        vessel.setBerth(berth);
        vessel.setStart(start);
        vessel.setEnd(start + vessel.stayAt(berth));
        return vessel;
    }

    @Test
    void forbiddenBerthPenalisesEachVesselAtABerthThatCannotTakeIt() {
        verifier.verifyThat(BerthConstraintProvider::forbiddenBerth)
                .given(placed(vessel(1, 0, 500, true), berth1, 0), placed(vessel(2, 0, 500, true), berth1, 20),
                        placed(vessel(3, 0, 500, false), berth1, 40))
                .penalizesBy(2);
    }

    @Test
    void forbiddenBerthAcceptsTheOnlyBerthAVesselMayUse() {
        verifier.verifyThat(BerthConstraintProvider::forbiddenBerth)
                .given(placed(vessel(1, 0, 500, true), berth2, 0)).penalizesBy(0);
    }

    @Test
    void forbiddenBerthIgnoresAnUnplacedVessel() {
        verifier.verifyThat(BerthConstraintProvider::forbiddenBerth).given(vessel(1, 0, 500, true)).penalizesBy(0);
    }

    @Test
    void forbiddenBerthExplainsItself() {
        verifier.verifyThat(BerthConstraintProvider::forbiddenBerth)
                .given(placed(vessel(4, 0, 500, true), berth1, 0))
                .justifiesWithExactly(new BerthJustification.ForbiddenBerth(4, 1));
    }

    @Test
    void berthClosingPenalisesTheTimePastClosing() {
        verifier.verifyThat(BerthConstraintProvider::berthClosing)
                .given(placed(vessel(1, 0, 500, false), berth1, 57)).penalizesBy(7);
    }

    @Test
    void berthClosingAcceptsLeavingAtTheMomentTheBerthCloses() {
        verifier.verifyThat(BerthConstraintProvider::berthClosing)
                .given(placed(vessel(1, 0, 500, false), berth1, 50)).penalizesBy(0);
    }

    @Test
    void berthClosingAddsUpOverVessels() {
        verifier.verifyThat(BerthConstraintProvider::berthClosing)
                .given(placed(vessel(1, 0, 500, false), berth1, 51), placed(vessel(2, 0, 500, false), berth1, 61),
                        placed(vessel(3, 0, 500, false), berth2, 85))
                .penalizesBy(1 + 11 + 5);
    }

    @Test
    void berthClosingExplainsItself() {
        verifier.verifyThat(BerthConstraintProvider::berthClosing)
                .given(placed(vessel(1, 0, 500, false), berth1, 57))
                .justifiesWithExactly(new BerthJustification.BerthClosed(1, 1, 60, 67));
    }

    @Test
    void latestDeparturePenalisesTheTimePastIt() {
        verifier.verifyThat(BerthConstraintProvider::latestDeparture)
                .given(placed(vessel(1, 0, 30, false), berth2, 25)).penalizesBy(15);
    }

    @Test
    void latestDepartureAcceptsLeavingExactlyThen() {
        verifier.verifyThat(BerthConstraintProvider::latestDeparture)
                .given(placed(vessel(1, 0, 30, false), berth2, 10)).penalizesBy(0);
    }

    @Test
    void latestDepartureCountsOneTimeUnitLate() {
        verifier.verifyThat(BerthConstraintProvider::latestDeparture)
                .given(placed(vessel(1, 0, 30, false), berth2, 11))
                .justifiesWithExactly(new BerthJustification.LateDeparture(1, 30, 31));
    }

    @Test
    void serviceTimePenalisesWaitingPlusHandling() {
        verifier.verifyThat(BerthConstraintProvider::serviceTime)
                .given(placed(vessel(1, 5, 500, false), berth1, 12), placed(vessel(2, 0, 500, false), berth2, 3))
                .penalizesBy((12 + 10 - 5) + (3 + 20));
    }

    @Test
    void serviceTimeOfAVesselBerthedOnArrivalIsItsHandlingTime() {
        verifier.verifyThat(BerthConstraintProvider::serviceTime)
                .given(placed(vessel(1, 5, 500, false), berth2, 5)).penalizesBy(20);
    }

    @Test
    void serviceTimeIgnoresAnUnplacedVessel() {
        verifier.verifyThat(BerthConstraintProvider::serviceTime).given(vessel(1, 5, 500, false)).penalizesBy(0);
    }

    @Test
    void serviceTimeExplainsWaitingAndHandling() {
        verifier.verifyThat(BerthConstraintProvider::serviceTime)
                .given(placed(vessel(1, 5, 500, false), berth1, 12))
                .justifiesWithExactly(new BerthJustification.ServiceTime(1, 1, 7, 10));
    }
}
