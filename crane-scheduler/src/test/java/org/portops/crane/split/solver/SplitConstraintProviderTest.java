package org.portops.crane.split.solver;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.junit.jupiter.api.Test;
import org.portops.crane.qcsp.Unavailability;
import org.portops.crane.split.BayWork;
import org.portops.crane.split.SplitCrane;
import org.portops.crane.split.SplitVessel;
import org.portops.model.vessel.VesselCallId;

import java.util.List;

import static org.portops.crane.split.SplitScenarios.HOUR;
import static org.portops.crane.split.SplitScenarios.vessel;

/**
 * Every split constraint on hand-set crane slots: hour slots, 30-cycle cranes at 45 m/min; MSC ANNA at 0..300 m
 * (centre 150), EVER GIVEN at 350..650 m (centre 500), both berthed at 0 with 4 positions of 30 cycles (limit 2).
 */
class SplitConstraintProviderTest {
    private static final int HORIZON = 24 * HOUR;
    private static final double FALLBACK = 30 / 3600.0;

    private final ConstraintVerifier<SplitConstraintProvider, SplitSolution> verifier = ConstraintVerifier.build(
            new SplitConstraintProvider(), SplitSolution.class, CraneSlot.class);

    private final RailCrane qc1 = crane(0, 150);
    private final RailCrane qc2 = crane(1, 250);
    private final RailCrane qc3 = crane(2, 400);
    private final BerthedVessel anna = berthed(0, vessel("C1", "MSC ANNA", 0, 300, 4, 0, 8 * HOUR, 30));
    private final BerthedVessel ever = berthed(1, vessel("C2", "EVER GIVEN", 350, 650, 4, 0, 8 * HOUR, 30));

    private static RailCrane crane(int index, double position) {
        return new RailCrane(index, SplitCrane.standard(String.format("QC%02d", index + 1), position), List.of());
    }

    private static BerthedVessel berthed(int index, SplitVessel vessel) {
        return BerthedVessel.of(index, vessel, 6, HORIZON, FALLBACK);
    }

    private static CraneSlot slot(RailCrane crane, int t, BerthedVessel vessel) {
        return new CraneSlot(crane, t, t * HOUR, (t + 1) * HOUR, t < 0, vessel);
    }

    @Test
    void crossingPenalisesALowerCraneBeyondAHigherOne() {
        verifier.verifyThat(SplitConstraintProvider::cranesNeverCross)
                .given(slot(qc1, 0, ever), slot(qc2, 0, anna)).penalizesBy(1);
    }

    @Test
    void crossingAcceptsCranesInRailOrder() {
        verifier.verifyThat(SplitConstraintProvider::cranesNeverCross)
                .given(slot(qc1, 0, anna), slot(qc2, 0, ever)).penalizesBy(0);
    }

    @Test
    void crossingAcceptsNeighboursOnOneVesselAndCranesInDifferentSlots() {
        verifier.verifyThat(SplitConstraintProvider::cranesNeverCross)
                .given(slot(qc1, 0, ever), slot(qc2, 0, ever), slot(qc2, 1, anna), slot(qc1, 2, ever)).penalizesBy(0);
    }

    @Test
    void crossingIgnoresTheStartPositions() {
        verifier.verifyThat(SplitConstraintProvider::cranesNeverCross)
                .given(slot(qc1, -1, ever), slot(qc2, -1, anna)).penalizesBy(0);
    }

    @Test
    void craneLimitCountsEveryCraneBetweenTheFirstAndTheLast() {
        verifier.verifyThat(SplitConstraintProvider::vesselCraneLimit)
                .given(slot(qc1, 0, anna), slot(qc3, 0, anna)).penalizesBy(1);
    }

    @Test
    void craneLimitAcceptsAsManyCranesAsTheVesselHasRoomFor() {
        verifier.verifyThat(SplitConstraintProvider::vesselCraneLimit)
                .given(slot(qc1, 0, anna), slot(qc2, 0, anna), slot(qc3, 0, ever)).penalizesBy(0);
    }

    @Test
    void craneLimitPenalisesEachCraneOverTheLimit() {
        RailCrane qc4 = crane(3, 500);
        verifier.verifyThat(SplitConstraintProvider::vesselCraneLimit)
                .given(slot(qc1, 0, ever), slot(qc2, 0, ever), slot(qc3, 0, ever), slot(qc4, 0, ever)).penalizesBy(2);
    }

    @Test
    void availabilityPenalisesTheMinutesOfTheSlotTheCraneIsOut() {
        RailCrane out = new RailCrane(0, qc1.crane(), List.of(new Unavailability(1800, 2400, Unavailability.Reason.MAINTENANCE)));
        verifier.verifyThat(SplitConstraintProvider::craneAvailability).given(slot(out, 0, anna)).penalizesBy(10);
    }

    @Test
    void availabilityAcceptsAWindowStartingAtTheSlotEnd() {
        RailCrane out = new RailCrane(0, qc1.crane(), List.of(new Unavailability(HOUR, 2 * HOUR, Unavailability.Reason.BREAK)));
        verifier.verifyThat(SplitConstraintProvider::craneAvailability).given(slot(out, 0, anna)).penalizesBy(0);
    }

    @Test
    void availabilityAcceptsAnIdleCraneInItsWindow() {
        RailCrane out = new RailCrane(0, qc1.crane(), List.of(new Unavailability(0, HOUR, Unavailability.Reason.WIND)));
        verifier.verifyThat(SplitConstraintProvider::craneAvailability).given(slot(out, 0, null)).penalizesBy(0);
    }

    @Test
    void alongsidePenalisesTheMinutesBeforeTheVesselBerths() {
        BerthedVessel late = berthed(1, vessel("C2", "EVER GIVEN", 350, 650, 4, 5400, 8 * HOUR, 30));
        verifier.verifyThat(SplitConstraintProvider::vesselAlongside).given(slot(qc3, 1, late)).penalizesBy(30);
    }

    @Test
    void alongsideAcceptsASlotStartingAtBerthing() {
        BerthedVessel late = berthed(1, vessel("C2", "EVER GIVEN", 350, 650, 4, 2 * HOUR, 8 * HOUR, 30));
        verifier.verifyThat(SplitConstraintProvider::vesselAlongside).given(slot(qc3, 2, late)).penalizesBy(0);
    }

    @Test
    void alongsidePenalisesTheOneMinuteASlotStartsBeforeBerthing() {
        BerthedVessel late = berthed(1, vessel("C2", "EVER GIVEN", 350, 650, 4, 2 * HOUR + 60, 8 * HOUR, 30));
        verifier.verifyThat(SplitConstraintProvider::vesselAlongside).given(slot(qc3, 2, late)).penalizesBy(1);
    }

    @Test
    void alongsideAcceptsASlotLongAfterBerthing() {
        verifier.verifyThat(SplitConstraintProvider::vesselAlongside).given(slot(qc3, 5, ever)).penalizesBy(0);
    }

    /** 120 cycles, two cranes: Z(2) = 60, each crane does 30 an hour, so half the vessel per hour: done at 2:00. */
    @Test
    void departurePenalisesTheMinutesTheEstimateRunsPastDeparture() {
        BerthedVessel tight = berthed(0, vessel("C1", "MSC ANNA", 0, 300, 4, 0, 6000, 30));
        verifier.verifyThat(SplitConstraintProvider::vesselDeparture)
                .given(tight, slot(qc1, -1, tight), slot(qc2, -1, tight), slot(qc1, 0, tight), slot(qc2, 0, tight),
                        slot(qc1, 1, tight), slot(qc2, 1, tight)).penalizesBy(20);
    }

    @Test
    void departureAcceptsCompletionExactlyAtDeparture() {
        BerthedVessel exact = berthed(0, vessel("C1", "MSC ANNA", 0, 300, 4, 0, 2 * HOUR, 30));
        verifier.verifyThat(SplitConstraintProvider::vesselDeparture)
                .given(exact, slot(qc1, -1, exact), slot(qc2, -1, exact), slot(qc1, 0, exact), slot(qc2, 0, exact),
                        slot(qc1, 1, exact), slot(qc2, 1, exact)).penalizesBy(0);
    }

    /** One crane from a vessel 900 m away (1,200 s of gantry): 20 of 120 cycles in the first hour, done 4:20. */
    @Test
    void departureChargesTheGantryTimeOfACraneMovingIn() {
        BerthedVessel tight = berthed(0, vessel("C1", "MSC ANNA", 0, 300, 4, 0, 4 * HOUR, 30));
        BerthedVessel far = berthed(1, vessel("C2", "EVER GIVEN", 900, 1200, 4, 0, 20 * HOUR, 0));
        verifier.verifyThat(SplitConstraintProvider::vesselDeparture)
                .given(tight, far, slot(qc1, -1, far), slot(qc1, 0, tight), slot(qc1, 1, tight), slot(qc1, 2, tight),
                        slot(qc1, 3, tight), slot(qc1, 4, tight)).penalizesBy(20);
    }

    /** A crane idle the slot before it starts loses no time: two cranes, done at 2:00 as without the idle hour. */
    @Test
    void departureCountsACraneStartingAfterAnIdleSlot() {
        BerthedVessel tight = berthed(0, vessel("C1", "MSC ANNA", 0, 300, 4, 0, 3 * HOUR, 30));
        verifier.verifyThat(SplitConstraintProvider::vesselDeparture)
                .given(tight, slot(qc1, -1, null), slot(qc2, -1, null), slot(qc1, 0, null), slot(qc2, 0, null),
                        slot(qc1, 1, tight), slot(qc2, 1, tight), slot(qc1, 2, tight), slot(qc2, 2, tight))
                .penalizesBy(0);
    }

    @Test
    void departurePenalisesTheIdleHourBeforeTheCranesStart() {
        BerthedVessel tight = berthed(0, vessel("C1", "MSC ANNA", 0, 300, 4, 0, 2 * HOUR, 30));
        verifier.verifyThat(SplitConstraintProvider::vesselDeparture)
                .given(tight, slot(qc1, -1, null), slot(qc2, -1, null), slot(qc1, 0, null), slot(qc2, 0, null),
                        slot(qc1, 1, tight), slot(qc2, 1, tight), slot(qc1, 2, tight), slot(qc2, 2, tight))
                .penalizesBy(60);
    }

    /** No crane at all: the 120 cycles are done after the horizon at the slowest rate, 4 h past its end. */
    @Test
    void departurePenalisesAVesselWithoutCranes() {
        BerthedVessel forgotten = berthed(0, vessel("C1", "MSC ANNA", 0, 300, 4, 0, HORIZON, 30));
        verifier.verifyThat(SplitConstraintProvider::vesselDeparture).given(forgotten).penalizesBy(240);
    }

    /** 90 cycles in one bay: even four cranes cannot beat its 3 hours on one crane. */
    @Test
    void departureNeverEstimatesFasterThanTheHeaviestBay() {
        SplitVessel heavy = new SplitVessel(new VesselCallId("C1"), "MSC ANNA", 0, 300, 8, 0, 2 * HOUR,
                List.of(new BayWork(1, 90), new BayWork(3, 10), new BayWork(5, 10), new BayWork(7, 10)));
        BerthedVessel vessel = berthed(0, heavy);
        RailCrane qc4 = crane(3, 280);
        verifier.verifyThat(SplitConstraintProvider::vesselDeparture)
                .given(vessel, slot(qc1, -1, vessel), slot(qc2, -1, vessel), slot(qc3, -1, vessel), slot(qc4, -1, vessel),
                        slot(qc1, 0, vessel), slot(qc2, 0, vessel), slot(qc3, 0, vessel), slot(qc4, 0, vessel),
                        slot(qc1, 1, vessel), slot(qc2, 1, vessel), slot(qc3, 1, vessel), slot(qc4, 1, vessel),
                        slot(qc1, 2, vessel), slot(qc2, 2, vessel), slot(qc3, 2, vessel), slot(qc4, 2, vessel))
                .penalizesBy(60);
    }

    /** Two cranes on 120 cycles: 2 hours from berthing at 0:30. */
    @Test
    void completionPenalisesTheMinutesFromBerthingToCompletion() {
        BerthedVessel vessel = berthed(0, vessel("C1", "MSC ANNA", 0, 300, 4, 1800, 8 * HOUR, 30));
        verifier.verifyThat(SplitConstraintProvider::vesselCompletion)
                .given(vessel, slot(qc1, -1, null), slot(qc2, -1, null), slot(qc1, 0, vessel), slot(qc2, 0, vessel),
                        slot(qc1, 1, vessel), slot(qc2, 1, vessel), slot(qc1, 2, vessel), slot(qc2, 2, vessel))
                .penalizesBy(120);
    }

    @Test
    void completionCostsNothingForAVesselWithNoWorkLeft() {
        BerthedVessel done = berthed(0, vessel("C1", "MSC ANNA", 0, 300, 4, 0, 8 * HOUR, 0));
        verifier.verifyThat(SplitConstraintProvider::vesselCompletion)
                .given(done, slot(qc1, -1, null), slot(qc1, 0, done)).penalizesBy(0);
    }

    @Test
    void completionGrowsWhenACraneIdles() {
        BerthedVessel vessel = berthed(0, vessel("C1", "MSC ANNA", 0, 300, 4, 0, 8 * HOUR, 30));
        // one crane alone does a quarter in the first hour (Z(1) = 120), then two do half an hour (Z(2) = 60): 2:30
        verifier.verifyThat(SplitConstraintProvider::vesselCompletion)
                .given(vessel, slot(qc1, -1, null), slot(qc2, -1, null), slot(qc1, 0, vessel), slot(qc2, 0, null),
                        slot(qc1, 1, vessel), slot(qc2, 1, vessel), slot(qc1, 2, vessel), slot(qc2, 2, vessel))
                .penalizesBy(150);
    }

    @Test
    void movesPenaliseEachChangeOfVessel() {
        verifier.verifyThat(SplitConstraintProvider::craneMoves)
                .given(slot(qc1, -1, anna), slot(qc1, 0, anna), slot(qc1, 1, ever), slot(qc1, 2, ever), slot(qc1, 3, anna))
                .penalizesBy(2L * SplitConstraintProvider.MOVE_WEIGHT);
    }

    @Test
    void movesCountACraneLeavingItsVesselIdleAndComingBack() {
        verifier.verifyThat(SplitConstraintProvider::craneMoves)
                .given(slot(qc1, -1, anna), slot(qc1, 0, anna), slot(qc1, 1, null), slot(qc1, 2, anna))
                .penalizesBy(SplitConstraintProvider.MOVE_WEIGHT);
    }

    @Test
    void movesAcceptACraneStayingOnItsVessel() {
        verifier.verifyThat(SplitConstraintProvider::craneMoves)
                .given(slot(qc1, -1, anna), slot(qc1, 0, anna), slot(qc1, 1, anna), slot(qc1, 2, null)).penalizesBy(0);
    }

    @Test
    void movesCountTheFirstMoveOffTheStartVessel() {
        verifier.verifyThat(SplitConstraintProvider::craneMoves)
                .given(slot(qc1, -1, anna), slot(qc1, 0, ever)).penalizesBy(SplitConstraintProvider.MOVE_WEIGHT);
    }

    /** From 150 m to ANNA's centre (150 m) is nothing, on to EVER GIVEN's (500 m) 350 m, and back 350 m. */
    @Test
    void gantryDistanceSumsTheMetresBetweenVesselCentres() {
        verifier.verifyThat(SplitConstraintProvider::gantryDistance)
                .given(slot(qc1, -1, null), slot(qc1, 0, anna), slot(qc1, 1, ever), slot(qc1, 3, anna)).penalizesBy(700);
    }

    @Test
    void gantryDistanceCostsNothingForACraneIdlingBetweenSlotsOfOneVessel() {
        verifier.verifyThat(SplitConstraintProvider::gantryDistance)
                .given(slot(qc1, -1, anna), slot(qc1, 0, anna), slot(qc1, 1, null), slot(qc1, 2, anna)).penalizesBy(0);
    }

    @Test
    void gantryDistanceAcceptsACraneStayingAtItsVessel() {
        verifier.verifyThat(SplitConstraintProvider::gantryDistance)
                .given(slot(qc1, -1, anna), slot(qc1, 0, anna), slot(qc1, 1, anna)).penalizesBy(0);
    }

    @Test
    void stabilityPenalisesAReplannedSlotThatChangesVessel() {
        verifier.verifyThat(SplitConstraintProvider::planStability)
                .given(slot(qc1, 2, ever).replanning(anna), slot(qc1, 3, anna).replanning(anna))
                .penalizesBy(SplitConstraintProvider.STABILITY_WEIGHT);
    }

    @Test
    void stabilityIgnoresPinnedSlotsAndFirstPlans() {
        CraneSlot started = new CraneSlot(qc1, 0, 0, HOUR, true, ever).replanning(anna);
        verifier.verifyThat(SplitConstraintProvider::planStability)
                .given(started, slot(qc2, 1, ever)).penalizesBy(0);
    }

    @Test
    void stabilityCountsACraneTakenOffToIdle() {
        verifier.verifyThat(SplitConstraintProvider::planStability)
                .given(slot(qc1, 2, null).replanning(anna)).penalizesBy(SplitConstraintProvider.STABILITY_WEIGHT);
    }

    @Test
    void stabilityLetsAnIdleCraneStartEarlyOnlyOnTheVesselItWasWaitingFor() {
        verifier.verifyThat(SplitConstraintProvider::planStability)
                .given(slot(qc1, 2, ever).replanning(null, ever), slot(qc2, 2, null).replanning(null, ever))
                .penalizesBy(0);
        // a crane the split in force had no more work for is free
        verifier.verifyThat(SplitConstraintProvider::planStability)
                .given(slot(qc1, 2, anna).replanning(null, null))
                .penalizesBy(0);
        verifier.verifyThat(SplitConstraintProvider::planStability)
                .given(slot(qc1, 2, anna).replanning(null, ever))
                .penalizesBy(SplitConstraintProvider.STABILITY_WEIGHT);
        verifier.verifyThat(SplitConstraintProvider::planStability)
                .given(slot(qc1, 2, ever).replanning(anna, ever))
                .penalizesBy(SplitConstraintProvider.STABILITY_WEIGHT);
    }
}
