package org.portops.yard.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.yard.slot.Arrivals.T0;
import static org.portops.yard.slot.Arrivals.number;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerLength;
import org.portops.model.container.ContainerNumber;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.StackId;
import org.portops.model.yard.Tier;
import org.portops.state.StackView;
import org.portops.state.StackView.SlotStatus;
import org.portops.state.StackView.TierView;
import org.portops.yard.slot.Arrivals.Box;

/** The planner's yard: each hard rule refuses with its reason, and stacks of the live yard load as they stand. */
class YardModelTest {
    private final YardModel yard = YardModel.of(Arrivals.twoBlocks(), StackRules.DEFAULT);

    private static YardBox box(Box b) {
        return YardBox.of(b.request());
    }

    private int stack(String id) {
        return yard.stackIndex(StackId.parse(id));
    }

    @Test
    void refusesEachBrokenRuleWithItsReason() {
        for (int i = 1; i <= 3; i++) {
            yard.place(box(Box.dry(i, T0)), stack("A01-01-01"), T0);
        }
        assertThat(yard.check(box(Box.dry(9, T0)), stack("A01-01-01")))
                .isEqualTo(new SlotRefusal.StackFull(StackId.parse("A01-01-01"), 3));
        assertThat(yard.check(box(Box.dry(9, T0).ofLength(ContainerLength.FORTY)), stack("A01-02-01")))
                .isEqualTo(new SlotRefusal.NoBayPair(StackId.parse("A01-02-01")));
        assertThat(yard.check(box(Box.dry(9, T0).ofLength(ContainerLength.FORTY)), stack("A01-09-01")))
                .as("bay 9 pairs with 10, the last bay").isNull();
        assertThat(yard.check(box(Box.dry(9, T0).asReefer()), stack("A01-03-01")))
                .isEqualTo(new SlotRefusal.ReeferWithoutPlug(StackId.parse("A01-03-01")));
        assertThat(yard.check(box(Box.dry(9, T0).weighing(41_000)), stack("A01-03-01")))
                .isEqualTo(new SlotRefusal.TooHeavyForCrane(new BlockId("A01"), 41_000, 40_000));
        yard.closeStack(StackId.parse("A01-03-02"), true);
        assertThat(yard.check(box(Box.dry(9, T0)), stack("A01-03-02")))
                .isEqualTo(new SlotRefusal.StackClosed(StackId.parse("A01-03-02")));
        assertThat(yard.check(box(Box.dry(9, T0).ofLength(ContainerLength.FORTY)), stack("A01-03-02")))
                .isEqualTo(new SlotRefusal.StackClosed(StackId.parse("A01-03-02")));
        yard.closeBlock(new BlockId("B01"), true);
        assertThat(yard.check(box(Box.dry(9, T0)), stack("B01-05-02")))
                .isEqualTo(new SlotRefusal.BlockClosed(new BlockId("B01")));
    }

    @Test
    void refusesAStackOverItsWeightPerGroundPosition() {
        YardModel light = YardModel.of(Arrivals.twoBlocks(), new StackRules(50_000, 40_000, 0.8, Duration.ofHours(1)));
        light.place(box(Box.dry(1, T0).weighing(30_000)), 0, T0);
        assertThat(light.check(box(Box.dry(2, T0).weighing(20_001)), 0))
                .isEqualTo(new SlotRefusal.StackTooHeavy(light.stackId(0), 50_001, 50_000));
        assertThat(light.check(box(Box.dry(2, T0).weighing(20_000)), 0)).isNull();
    }

    @Test
    void refusesAFortyOnTwentiesAndATwentyOnAForty() {
        yard.place(box(Box.dry(1, T0)), stack("A01-05-01"), T0);
        yard.place(box(Box.dry(2, T0)), stack("A01-06-01"), T0);
        assertThat(yard.check(box(Box.dry(3, T0).ofLength(ContainerLength.FORTY)), stack("A01-05-01")))
                .isInstanceOf(SlotRefusal.LengthMismatch.class);
        yard.place(box(Box.dry(4, T0).ofLength(ContainerLength.FORTY_FIVE)), stack("A01-07-01"), T0);
        assertThat(yard.check(box(Box.dry(5, T0)), stack("A01-08-01")))
                .isEqualTo(new SlotRefusal.LengthMismatch(StackId.parse("A01-08-01"), ContainerLength.FORTY_FIVE,
                        ContainerLength.TWENTY));
        assertThat(yard.check(box(Box.dry(6, T0).ofLength(ContainerLength.FORTY)), stack("A01-07-01"))).isNull();
    }

    @Test
    void loadsStacksOfTheLiveYardWithFortiesOnceAndClosedSlotsClosingTheStack() {
        ContainerNumber forty = number(1);
        ContainerNumber twenty = number(2);
        Map<ContainerNumber, YardBox> boxes = Map.of(
                forty, box(Box.dry(1, T0).ofLength(ContainerLength.FORTY)), twenty, box(Box.dry(2, T0)));
        // the 40' stack's second bay first: the load order of stacks must not matter
        yard.load(List.of(
                new StackView(StackId.of("A01", 4, 2), 3, false, List.of(
                        new TierView(new Tier(1), SlotStatus.OCCUPIED, forty, true, false),
                        new TierView(new Tier(2), SlotStatus.EMPTY, null, false, false),
                        new TierView(new Tier(3), SlotStatus.EMPTY, null, false, false))),
                new StackView(StackId.of("A01", 3, 2), 3, false, List.of(
                        new TierView(new Tier(1), SlotStatus.OCCUPIED, forty, true, false),
                        new TierView(new Tier(2), SlotStatus.EMPTY, null, false, false),
                        new TierView(new Tier(3), SlotStatus.EMPTY, null, false, false))),
                new StackView(StackId.of("A01", 5, 2), 3, false, List.of(
                        new TierView(new Tier(1), SlotStatus.OCCUPIED, twenty, false, false),
                        new TierView(new Tier(2), SlotStatus.EMPTY, null, false, true),
                        new TierView(new Tier(3), SlotStatus.EMPTY, null, false, false)))), boxes::get);
        assertThat(yard.containers()).isEqualTo(2);
        assertThat(yard.height(stack("A01-03-02"))).isEqualTo(1);
        assertThat(yard.height(stack("A01-04-02"))).isEqualTo(1);
        assertThat(yard.slotOf(forty)).map(Object::toString).contains("A01-03-02-1");
        assertThat(yard.isClosed(stack("A01-05-02"))).isTrue();
        assertThat(yard.violations()).isEmpty();
    }

    @Test
    void aNewDepartureEstimateChangesWhatCountsAsBurying() {
        yard.place(box(Box.dry(1, T0.plus(Duration.ofHours(10)))), 0, T0);
        YardBox later = box(Box.dry(2, T0.plus(Duration.ofHours(20))));
        assertThat(later.departure().chanceLeavesAfter(yard.departures(0).getFirst())).isEqualTo(1);
        yard.updateDeparture(number(1), Departure.at(T0.plus(Duration.ofHours(30))));
        assertThat(yard.departures(0)).containsExactly(Departure.at(T0.plus(Duration.ofHours(30))));
        assertThat(later.departure().chanceLeavesAfter(yard.departures(0).getFirst())).isZero();
    }

    @Test
    void countsFillAndRecentCraneMovesPerBlock() {
        yard.place(box(Box.dry(1, T0).ofLength(ContainerLength.FORTY)), stack("A01-01-01"), T0);
        yard.place(box(Box.dry(2, T0)), stack("A01-03-01"), T0.plus(Duration.ofMinutes(50)));
        assertThat(yard.fill(0)).isEqualTo(3 / 120.0);
        assertThat(yard.workload(0, T0.plus(Duration.ofMinutes(59)))).isEqualTo(2);
        assertThat(yard.workload(0, T0.plus(Duration.ofMinutes(61)))).isEqualTo(1);
        assertThat(yard.workload(1, T0)).isZero();
    }

    @Test
    void relocatesATopContainerInOneCraneMoveAndRefusesABrokenRuleChangingNothing() {
        yard.place(box(Box.dry(1, T0)), stack("A01-02-01"), T0);
        yard.place(box(Box.dry(2, T0)), stack("A01-02-01"), T0);
        yard.place(box(Box.dry(3, T0).ofLength(ContainerLength.FORTY)), stack("A01-05-01"), T0);

        assertThat(yard.relocate(number(2), stack("A01-02-02"), T0).toString()).isEqualTo("A01-02-02-1");
        assertThat(yard.workload(0, T0)).isEqualTo(4);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> yard.relocate(number(1), stack("A01-05-01"), T0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot relocate " + number(1));
        assertThat(yard.slotOf(number(1)).orElseThrow().toString()).isEqualTo("A01-02-01-1");
        assertThat(yard.workload(0, T0)).as("a refused move is no crane move").isEqualTo(4);
        assertThat(yard.violations()).isEmpty();
    }
}
