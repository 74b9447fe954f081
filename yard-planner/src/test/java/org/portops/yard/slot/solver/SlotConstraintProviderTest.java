package org.portops.yard.slot.solver;

import static org.portops.yard.slot.solver.OptionBuilder.arrival;
import static org.portops.yard.slot.solver.OptionBuilder.at;
import static org.portops.yard.slot.solver.OptionBuilder.number;
import static org.portops.yard.slot.solver.OptionBuilder.plain;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerLength;
import org.portops.model.container.ImdgClass;
import org.portops.model.container.UnLocode;
import org.portops.model.yard.YardSlot;
import org.portops.yard.slot.Departure;
import org.portops.yard.slot.ExportGroup;
import org.portops.yard.slot.Segregation;
import org.portops.yard.slot.SlotDistance;
import org.portops.yard.slot.WeightClass;

/**
 * Every slot constraint on hand-made options: penalised, not penalised, the boundary, and its justification.
 * {@code penalizesBy} is the match weight; the soft constraints' points per unit are their constraint weights.
 */
class SlotConstraintProviderTest {
    private final ConstraintVerifier<SlotConstraintProvider, SlotSolution> verifier = ConstraintVerifier.build(
            new SlotConstraintProvider(), SlotSolution.class, ArrivingContainer.class);

    private static final ExportGroup ROTTERDAM_TO_NYC = new ExportGroup("MAERSK-101", new UnLocode("USNYC"));
    private static final ExportGroup ROTTERDAM_TO_SAV = new ExportGroup("MAERSK-101", new UnLocode("USSAV"));
    private static final ContainerLength TWENTY = ContainerLength.TWENTY;
    private static final ContainerLength FORTY = ContainerLength.FORTY;

    private static NearbyDangerousGoods goods(String imdg, String slot, boolean sameBlock, int positions, double metres) {
        return new NearbyDangerousGoods(number(900), new ImdgClass(imdg), YardSlot.parse(slot),
                new SlotDistance(sameBlock, positions, metres));
    }

    // ---- slot taken ----

    @Test
    void slotTakenPenalisesTwoArrivalsInOneSlot() {
        verifier.verifyThat(SlotConstraintProvider::slotTaken)
                .given(plain(1, at("A01-03-02-2").build()), plain(2, at("A01-03-02-2").build()))
                .penalizesBy(1);
    }

    @Test
    void slotTakenPenalisesATwentyUnderTheSecondBayOfAForty() {
        verifier.verifyThat(SlotConstraintProvider::slotTaken)
                .given(arrival(1, FORTY, 20_000, false, null, null, 0, at("A01-03-02-2").longBox().build()),
                        plain(2, at("A01-04-02-2").build()))
                .penalizesBy(1);
    }

    @Test
    void slotTakenAcceptsNeighbouringBaysAndTiers() {
        verifier.verifyThat(SlotConstraintProvider::slotTaken)
                .given(arrival(1, FORTY, 20_000, false, null, null, 0, at("A01-03-02-2").longBox().build()),
                        plain(2, at("A01-05-02-2").build()), plain(3, at("A01-03-02-3").build()),
                        plain(4, at("A01-03-03-2").build()))
                .penalizesBy(0);
    }

    @Test
    void slotTakenExplainsItself() {
        verifier.verifyThat(SlotConstraintProvider::slotTaken)
                .given(plain(1, at("A01-03-02-2").build()), plain(2, at("A01-03-02-2").build()))
                .justifiesWithExactly(new SlotJustification.SlotTaken(number(1), number(2),
                        YardSlot.parse("A01-03-02-2"), YardSlot.parse("A01-03-02-2")));
    }

    // ---- tier limit ----

    @Test
    void tierLimitPenalisesASlotAboveTheLimit() {
        verifier.verifyThat(SlotConstraintProvider::tierLimit)
                .given(plain(1, at("A01-01-01-6").maxTiers(5).build())).penalizesBy(1);
    }

    @Test
    void tierLimitAcceptsTheTopTier() {
        verifier.verifyThat(SlotConstraintProvider::tierLimit)
                .given(plain(1, at("A01-01-01-5").maxTiers(5).build())).penalizesBy(0);
    }

    @Test
    void tierLimitExplainsItself() {
        verifier.verifyThat(SlotConstraintProvider::tierLimit)
                .given(plain(1, at("A01-01-01-4").maxTiers(3).build()))
                .justifiesWithExactly(new SlotJustification.OverTierLimit(number(1), YardSlot.parse("A01-01-01-4"), 3));
    }

    // ---- bay rule ----

    @Test
    void bayRulePenalisesATwentyOnAForty() {
        verifier.verifyThat(SlotConstraintProvider::bayRule)
                .given(plain(1, at("A01-01-01-2").onTop(FORTY, null, WeightClass.HEAVY).build())).penalizesBy(1);
    }

    @Test
    void bayRulePenalisesAFortyOnATwentyAndAFortyWithoutItsBayPair() {
        verifier.verifyThat(SlotConstraintProvider::bayRule)
                .given(arrival(1, FORTY, 20_000, false, null, null, 0,
                                at("A01-01-01-2").longBox().onTop(TWENTY, null, WeightClass.HEAVY).build()),
                        arrival(2, FORTY, 20_000, false, null, null, 0, at("A01-02-01-1").longBox().noBayPair().build()))
                .penalizesBy(2);
    }

    @Test
    void bayRuleAcceptsLikeOnLikeAndTheGround() {
        verifier.verifyThat(SlotConstraintProvider::bayRule)
                .given(plain(1, at("A01-01-01-2").onTop(TWENTY, null, WeightClass.LIGHT).build()),
                        arrival(2, ContainerLength.FORTY_FIVE, 20_000, false, null, null, 0,
                                at("A01-03-01-2").longBox().onTop(FORTY, null, WeightClass.LIGHT).build()),
                        arrival(3, FORTY, 20_000, false, null, null, 0, at("A01-05-01-1").longBox().build()))
                .penalizesBy(0);
    }

    @Test
    void bayRuleExplainsItself() {
        verifier.verifyThat(SlotConstraintProvider::bayRule)
                .given(plain(1, at("A01-01-01-2").onTop(FORTY, null, WeightClass.HEAVY).build()))
                .justifiesWithExactly(new SlotJustification.WrongBay(number(1), YardSlot.parse("A01-01-01-2"),
                        TWENTY, FORTY));
    }

    // ---- weight limit ----

    @Test
    void weightLimitPenalisesTheKilogramsOverTheStackLimit() {
        verifier.verifyThat(SlotConstraintProvider::weightLimit)
                .given(plain(1, at("A01-01-01-5").kilogramsAfter(100_250).build())).penalizesBy(250);
    }

    @Test
    void weightLimitPenalisesAContainerOverTheCraneSafeWorkingLoad() {
        verifier.verifyThat(SlotConstraintProvider::weightLimit)
                .given(arrival(1, TWENTY, 41_000, false, null, null, 0, at("A01-01-01-1").kilogramsAfter(41_000).build()))
                .penalizesBy(1_000);
    }

    @Test
    void weightLimitAcceptsExactlyTheLimits() {
        verifier.verifyThat(SlotConstraintProvider::weightLimit)
                .given(arrival(1, TWENTY, 40_000, false, null, null, 0, at("A01-01-01-4").kilogramsAfter(100_000).build()))
                .penalizesBy(0);
    }

    @Test
    void weightLimitExplainsItself() {
        verifier.verifyThat(SlotConstraintProvider::weightLimit)
                .given(plain(1, at("A01-01-01-5").kilogramsAfter(100_250).build()))
                .justifiesWithExactly(new SlotJustification.OverWeight(number(1), YardSlot.parse("A01-01-01-5"), 250,
                        100_000));
    }

    // ---- reefer plug ----

    @Test
    void reeferPlugPenalisesAReeferInAnUnpluggedRow() {
        verifier.verifyThat(SlotConstraintProvider::reeferPlug)
                .given(arrival(1, TWENTY, 20_000, true, null, null, 0, at("A01-01-01-1").build())).penalizesBy(1);
    }

    @Test
    void reeferPlugAcceptsAPluggedRowAndADryContainerAnywhere() {
        verifier.verifyThat(SlotConstraintProvider::reeferPlug)
                .given(arrival(1, TWENTY, 20_000, true, null, null, 0, at("A01-01-08-1").plugged().build()),
                        plain(2, at("A01-01-01-1").build()))
                .penalizesBy(0);
    }

    @Test
    void reeferPlugExplainsItself() {
        verifier.verifyThat(SlotConstraintProvider::reeferPlug)
                .given(arrival(1, TWENTY, 20_000, true, null, null, 0, at("A01-01-01-1").build()))
                .justifiesWithExactly(new SlotJustification.ReeferUnplugged(number(1), YardSlot.parse("A01-01-01-1")));
    }

    // ---- closed ----

    @Test
    void closedPenalisesAClosedStack() {
        verifier.verifyThat(SlotConstraintProvider::closed)
                .given(plain(1, at("A01-01-01-1").closed().build()), plain(2, at("A01-01-02-1").build()))
                .penalizesBy(1);
    }

    @Test
    void closedAcceptsOpenStacks() {
        verifier.verifyThat(SlotConstraintProvider::closed).given(plain(1, at("A01-01-01-1").build())).penalizesBy(0);
    }

    @Test
    void closedExplainsItself() {
        verifier.verifyThat(SlotConstraintProvider::closed)
                .given(plain(1, at("A01-01-01-1").closed().build()))
                .justifiesWithExactly(new SlotJustification.SlotClosed(number(1), YardSlot.parse("A01-01-01-1")));
    }

    // ---- segregation from the yard ----

    @Test
    void segregationYardPenalisesEachDangerousContainerTooClose() {
        // 3 (flammable liquid) and 5.1 (oxidiser) must be "separated from": 3 positions apart in a block
        verifier.verifyThat(SlotConstraintProvider::segregationYard)
                .given(arrival(1, TWENTY, 20_000, false, "3", null, 0, at("A01-05-05-1")
                        .near(goods("5.1", "A01-06-05-1", true, 1, 6.5))
                        .near(goods("5.1", "A01-07-05-1", true, 2, 13))
                        .near(goods("5.1", "A01-08-05-1", true, 3, 19.5)).build()))
                .penalizesBy(2);
    }

    @Test
    void segregationYardAcceptsTheBoundaryDistanceAndAnotherBlock() {
        verifier.verifyThat(SlotConstraintProvider::segregationYard)
                .given(arrival(1, TWENTY, 20_000, false, "3", null, 0, at("A01-05-05-1")
                        .near(goods("5.1", "A01-08-05-1", true, 3, 19.5))
                        .near(goods("5.1", "B01-05-05-1", false, 0, 48)).build()))
                .penalizesBy(0);
    }

    @Test
    void segregationYardIgnoresClassesWithoutARule() {
        // 3 and 8: "X", no segregation, even in the next stack
        verifier.verifyThat(SlotConstraintProvider::segregationYard)
                .given(arrival(1, TWENTY, 20_000, false, "3", null, 0,
                        at("A01-05-05-1").near(goods("8", "A01-06-05-1", true, 1, 6.5)).build()))
                .penalizesBy(0);
    }

    @Test
    void segregationYardExplainsItself() {
        verifier.verifyThat(SlotConstraintProvider::segregationYard)
                .given(arrival(1, TWENTY, 20_000, false, "3", null, 0,
                        at("A01-05-05-1").near(goods("5.1", "A01-06-05-1", true, 1, 6.5)).build()))
                .justifiesWithExactly(new SlotJustification.SegregationBreached(number(1), new ImdgClass("3"),
                        number(900), new ImdgClass("5.1"), Segregation.SEPARATED_FROM, 1));
    }

    // ---- segregation between arrivals ----

    @Test
    void segregationArrivalsPenalisesAnAwayFromPairSideBySide() {
        // 3 and 4.3: "away from": never adjacent
        verifier.verifyThat(SlotConstraintProvider::segregationArrivals)
                .given(arrival(1, TWENTY, 20_000, false, "3", null, 0, at("A01-05-05-1").build()),
                        arrival(2, TWENTY, 20_000, false, "4.3", null, 0, at("A01-06-06-1").build()))
                .penalizesBy(1);
    }

    @Test
    void segregationArrivalsAcceptsOnePositionBetween() {
        verifier.verifyThat(SlotConstraintProvider::segregationArrivals)
                .given(arrival(1, TWENTY, 20_000, false, "3", null, 0, at("A01-05-05-1").build()),
                        arrival(2, TWENTY, 20_000, false, "4.3", null, 0, at("A01-07-05-1").build()),
                        plain(3, at("A01-06-05-1").build()))
                .penalizesBy(0);
    }

    @Test
    void segregationArrivalsMeasuresAFortyFromItsSecondBay() {
        verifier.verifyThat(SlotConstraintProvider::segregationArrivals)
                .given(arrival(1, FORTY, 20_000, false, "3", null, 0, at("A01-05-05-1").longBox().build()),
                        arrival(2, TWENTY, 20_000, false, "4.3", null, 0, at("A01-07-05-1").build()))
                .penalizesBy(1);
    }

    @Test
    void segregationArrivalsExplainsItself() {
        verifier.verifyThat(SlotConstraintProvider::segregationArrivals)
                .given(arrival(1, TWENTY, 20_000, false, "3", null, 0, at("A01-05-05-1").build()),
                        arrival(2, TWENTY, 20_000, false, "4.3", null, 0, at("A01-05-05-2").build()))
                .justifiesWithExactly(new SlotJustification.SegregationBreached(number(1), new ImdgClass("3"),
                        number(2), new ImdgClass("4.3"), Segregation.AWAY_FROM, 1));
    }

    // ---- buries earlier ----

    @Test
    void buriesEarlierPenalisesASureRehandleByFullPoints() {
        verifier.verifyThat(SlotConstraintProvider::buriesEarlier)
                .given(arrival(1, TWENTY, 20_000, false, null, null, 5_001,
                        at("A01-01-01-3").below(9_000).below(5_000).build()))
                .penalizesBy(SlotConstraintProvider.BURY_POINTS);
    }

    @Test
    void buriesEarlierGradesOverlappingForecastWindows() {
        // new 0..1,000 min, below 200..600: middles 500 and 400, widths 1,000 + 400: 0.5 + 100/1,400 = 0.571
        verifier.verifyThat(SlotConstraintProvider::buriesEarlier)
                .given(OptionBuilder.leaving(1, new Departure(OptionBuilder.minute(0), OptionBuilder.minute(1_000)),
                        at("A01-01-01-2").below(new Departure(OptionBuilder.minute(200), OptionBuilder.minute(600))).build()))
                .penalizesBy(571);
    }

    @Test
    void buriesEarlierAcceptsLeavingAtTheSameMinuteOrBeforeAndAWindowEndingBeforeTheOthersStarts() {
        verifier.verifyThat(SlotConstraintProvider::buriesEarlier)
                .given(arrival(1, TWENTY, 20_000, false, null, null, 5_000, at("A01-01-01-2").below(5_000).build()),
                        arrival(2, TWENTY, 20_000, false, null, null, 100, at("A01-01-02-2").below(5_000).build()),
                        arrival(3, TWENTY, 20_000, false, null, null, 100_000, at("A01-01-03-1").build()),
                        OptionBuilder.leaving(4, new Departure(OptionBuilder.minute(0), OptionBuilder.minute(200)),
                                at("A01-01-04-2").below(new Departure(OptionBuilder.minute(200),
                                        OptionBuilder.minute(600))).build()))
                .penalizesBy(0);
    }

    @Test
    void buriesEarlierExplainsItself() {
        verifier.verifyThat(SlotConstraintProvider::buriesEarlier)
                .given(arrival(1, TWENTY, 20_000, false, null, null, 5_000 + 3 * 60,
                        at("A01-01-01-2").below(5_000).build()))
                .justifiesWithExactly(new SlotJustification.BuriesEarlier(number(1), YardSlot.parse("A01-01-01-2"), 100));
    }

    // ---- export group ----

    @Test
    void exportGroupPenalisesAnExportOnAnotherPortOrOnAnImport() {
        verifier.verifyThat(SlotConstraintProvider::exportGroup)
                .given(arrival(1, TWENTY, 20_000, false, null, ROTTERDAM_TO_NYC, 0,
                                at("A01-01-01-2").onTop(TWENTY, ROTTERDAM_TO_SAV, WeightClass.HEAVY).build()),
                        arrival(2, TWENTY, 20_000, false, null, ROTTERDAM_TO_NYC, 0,
                                at("A01-01-02-2").onTop(TWENTY, null, WeightClass.HEAVY).build()))
                .penalizesBy(2);
    }

    @Test
    void exportGroupAcceptsItsOwnGroupTheGroundAndImports() {
        verifier.verifyThat(SlotConstraintProvider::exportGroup)
                .given(arrival(1, TWENTY, 20_000, false, null, ROTTERDAM_TO_NYC, 0,
                                at("A01-01-01-2").onTop(TWENTY, ROTTERDAM_TO_NYC, WeightClass.HEAVY).build()),
                        arrival(2, TWENTY, 20_000, false, null, ROTTERDAM_TO_NYC, 0, at("A01-01-02-1").build()),
                        arrival(3, TWENTY, 20_000, false, null, null, 0,
                                at("A01-01-03-2").onTop(TWENTY, ROTTERDAM_TO_SAV, WeightClass.HEAVY).build()))
                .penalizesBy(0);
    }

    @Test
    void exportGroupExplainsItself() {
        verifier.verifyThat(SlotConstraintProvider::exportGroup)
                .given(arrival(1, TWENTY, 20_000, false, null, ROTTERDAM_TO_NYC, 0,
                        at("A01-01-01-2").onTop(TWENTY, ROTTERDAM_TO_SAV, WeightClass.HEAVY).build()))
                .justifiesWithExactly(new SlotJustification.MixedGroup(number(1), YardSlot.parse("A01-01-01-2"),
                        ROTTERDAM_TO_NYC, ROTTERDAM_TO_SAV));
    }

    // ---- heavy before light ----

    @Test
    void heavyBeforeLightPenalisesPerWeightClassBetween() {
        verifier.verifyThat(SlotConstraintProvider::heavyBeforeLight)
                .given(arrival(1, TWENTY, 5_000, false, null, ROTTERDAM_TO_NYC, 0,
                        at("A01-01-01-2").onTop(TWENTY, ROTTERDAM_TO_NYC, WeightClass.HEAVY).build()))
                .penalizesBy(2);
    }

    @Test
    void heavyBeforeLightAcceptsTheSameClassHeavierOnTopAndAnotherGroup() {
        verifier.verifyThat(SlotConstraintProvider::heavyBeforeLight)
                .given(arrival(1, TWENTY, 19_999, false, null, ROTTERDAM_TO_NYC, 0,
                                at("A01-01-01-2").onTop(TWENTY, ROTTERDAM_TO_NYC, WeightClass.MEDIUM).build()),
                        arrival(2, TWENTY, 25_000, false, null, ROTTERDAM_TO_NYC, 0,
                                at("A01-01-02-2").onTop(TWENTY, ROTTERDAM_TO_NYC, WeightClass.LIGHT).build()),
                        arrival(3, TWENTY, 5_000, false, null, ROTTERDAM_TO_NYC, 0,
                                at("A01-01-03-2").onTop(TWENTY, ROTTERDAM_TO_SAV, WeightClass.HEAVY).build()))
                .penalizesBy(0);
    }

    @Test
    void heavyBeforeLightExplainsItself() {
        verifier.verifyThat(SlotConstraintProvider::heavyBeforeLight)
                .given(arrival(1, TWENTY, 15_000, false, null, ROTTERDAM_TO_NYC, 0,
                        at("A01-01-01-2").onTop(TWENTY, ROTTERDAM_TO_NYC, WeightClass.HEAVY).build()))
                .justifiesWithExactly(new SlotJustification.LightOnHeavy(number(1), YardSlot.parse("A01-01-01-2"),
                        WeightClass.MEDIUM, WeightClass.HEAVY));
    }

    // ---- travel ----

    @Test
    void travelPenalisesEveryMetre() {
        verifier.verifyThat(SlotConstraintProvider::travel)
                .given(plain(1, at("A01-01-01-1").travel(420).build()), plain(2, at("A01-01-02-1").travel(80).build()))
                .penalizesBy(500);
    }

    @Test
    void travelAcceptsZeroMetres() {
        verifier.verifyThat(SlotConstraintProvider::travel).given(plain(1, at("A01-01-01-1").build())).penalizesBy(0);
    }

    @Test
    void travelExplainsItself() {
        verifier.verifyThat(SlotConstraintProvider::travel)
                .given(plain(1, at("A01-01-01-1").travel(420).build()))
                .justifiesWithExactly(new SlotJustification.Travel(number(1), YardSlot.parse("A01-01-01-1"), 420));
    }

    // ---- crane workload ----

    @Test
    void craneWorkloadPenalisesRecentMovesAndArrivalsOfTheSameDecision() {
        // block A01: 4 recent moves, 3 arrivals: 3*4 + 3 = 15 moves; block B01: 2 moves, 1 arrival: 2
        verifier.verifyThat(SlotConstraintProvider::craneWorkload)
                .given(plain(1, at("A01-01-01-1").blockMoves(4).build()), plain(2, at("A01-01-02-1").blockMoves(4).build()),
                        plain(3, at("A01-01-03-1").blockMoves(4).build()), plain(4, at("B01-01-01-1").blockMoves(2).build()))
                .penalizesBy(17);
    }

    @Test
    void craneWorkloadAcceptsOneArrivalAtAnIdleCrane() {
        verifier.verifyThat(SlotConstraintProvider::craneWorkload)
                .given(plain(1, at("A01-01-01-1").build())).penalizesBy(0);
    }

    @Test
    void craneWorkloadExplainsItself() {
        verifier.verifyThat(SlotConstraintProvider::craneWorkload)
                .given(plain(1, at("A01-01-01-1").blockMoves(4).build()))
                .justifiesWithExactly(new SlotJustification.CraneWorkload(number(1), "A01", 4, 1));
    }

    // ---- block fill ----

    @Test
    void blockFillPenalisesThePercentOverTarget() {
        verifier.verifyThat(SlotConstraintProvider::blockFill)
                .given(plain(1, at("A01-01-01-1").fill(86).build()))
                .penalizesBy(6);
    }

    @Test
    void blockFillAcceptsExactlyTheTarget() {
        verifier.verifyThat(SlotConstraintProvider::blockFill)
                .given(plain(1, at("A01-01-01-1").fill(80).build())).penalizesBy(0);
    }

    @Test
    void blockFillExplainsItself() {
        verifier.verifyThat(SlotConstraintProvider::blockFill)
                .given(plain(1, at("A01-01-01-1").fill(86).build()))
                .justifiesWithExactly(new SlotJustification.OverTargetFill(number(1), "A01", 86, 80));
    }
}
