package org.portops.yard.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.yard.slot.Arrivals.T0;
import static org.portops.yard.slot.Arrivals.number;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerLength;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.StackId;
import org.portops.model.yard.YardSlot;
import org.portops.yard.slot.Arrivals.Box;

class SlotPlannerTest {
    private final YardModel yard = YardModel.of(Arrivals.twoBlocks(), StackRules.DEFAULT);
    private final SlotPlanner planner = new SlotPlanner(yard, Clock.fixed(T0, ZoneOffset.UTC));

    private static Instant hours(int h) {
        return T0.plus(Duration.ofHours(h));
    }

    private YardSlot place(Box box) {
        SlotDecision decision = planner.announce(box.request());
        assertThat(decision).as("decision for %s", box).isInstanceOf(SlotDecision.Placed.class);
        return ((SlotDecision.Placed) decision).slot();
    }

    @Test
    void placesAReeferOnAPluggedRow() {
        YardSlot slot = place(Box.dry(1, hours(10)).asReefer());
        assertThat(slot.row().number()).isEqualTo(4);
    }

    @Test
    void takesTheNearestGroundSlotInAnEmptyYard() {
        assertThat(place(Box.dry(1, hours(10)))).isEqualTo(YardSlot.parse("A01-01-01-1"));
    }

    @Test
    void neverBuriesAContainerThatLeavesEarlierWhileAnotherStackIsFree() {
        YardSlot first = place(Box.dry(1, hours(10)));
        YardSlot later = place(Box.dry(2, hours(20)));
        assertThat(later.stack()).isNotEqualTo(first.stack());
        YardSlot earlier = place(Box.dry(3, hours(5)));
        assertThat(earlier).as("leaving first, it goes on top of the nearest stack")
                .isEqualTo(first.stack().at(new org.portops.model.yard.Tier(2)));
    }

    @Test
    void stacksExportsOfOneGroupHeavyOnTopOfLight() {
        YardSlot light = place(Box.dry(1, hours(30)).weighing(8_000).export("MSK-1", "USNYC"));
        place(Box.dry(2, hours(30)).weighing(8_000).export("MSK-1", "USSAV"));
        YardSlot heavy = place(Box.dry(3, hours(30)).weighing(25_000).export("MSK-1", "USNYC"));
        assertThat(heavy.stack()).isEqualTo(light.stack());
        assertThat(heavy.tier().level()).isEqualTo(2);
    }

    @Test
    void keepsAwayFromClosedBlocksAndStacks() {
        yard.closeBlock(new BlockId("A01"), true);
        yard.closeStack(StackId.parse("B01-01-01"), true);
        YardSlot slot = place(Box.dry(1, hours(10)));
        assertThat(slot.block().value()).isEqualTo("B01");
        assertThat(slot.stack()).isNotEqualTo(StackId.parse("B01-01-01"));
    }

    @Test
    void aFortyCoversTwoBaysAndTakesNoTwentyOnTop() {
        YardSlot forty = place(Box.dry(1, hours(10)).ofLength(ContainerLength.FORTY));
        assertThat(forty.bay().isOdd()).isTrue();
        int stack = yard.stackIndex(forty.stack());
        assertThat(yard.check(YardBox.of(Box.dry(2, hours(1)).request()), stack))
                .isInstanceOf(SlotRefusal.LengthMismatch.class);
        assertThat(yard.height(stack + 4)).as("its second bay").isEqualTo(1);
    }

    @Test
    void explainsEveryDecisionWithItsCosts() {
        place(Box.dry(1, hours(10)));
        SlotDecision.Placed decision = (SlotDecision.Placed) planner.announce(Box.dry(2, hours(20)).request());
        assertThat(decision.reasons()).anySatisfy(r -> assertThat(r).startsWith("Travel to the block"));
        assertThat(decision.reasons()).anySatisfy(r -> assertThat(r).startsWith("Yard crane workload"));
        assertThat(decision.score()).startsWith("0hard/");
    }

    @Test
    void saysWhyNoSlotIsLeft() {
        yard.closeBlock(new BlockId("A01"), true);
        yard.closeBlock(new BlockId("B01"), true);
        SlotDecision decision = planner.announce(Box.dry(1, hours(10)).request());
        assertThat(decision).isEqualTo(new SlotDecision.NoSlot(number(1), java.util.Map.of("BlockClosed", 80)));
    }

    @Test
    void refusesAContainerTooHeavyForTheCranes() {
        SlotDecision decision = planner.announce(Box.dry(1, hours(10)).weighing(45_000).request());
        assertThat(decision).isEqualTo(new SlotDecision.NoSlot(number(1), java.util.Map.of("TooHeavyForCrane", 80)));
    }

    @Test
    void segregatesDangerousGoodsAnnouncedTogether() {
        // 3 and 5.1: separated from; 4.3 and 5.1: separated from; 3 and 4.3: away from
        List<SlotDecision> decisions = planner.announce(List.of(Box.dry(1, hours(10)).dangerous("3").request(),
                Box.dry(2, hours(10)).dangerous("5.1").request(), Box.dry(3, hours(10)).dangerous("4.3").request()));
        assertThat(decisions).allSatisfy(d -> assertThat(d).isInstanceOf(SlotDecision.Placed.class));
        assertThat(yard.violations()).isEmpty();
        assertThat(decisions).extracting(SlotDecision::container).containsExactly(number(1), number(2), number(3));
    }

    @Test
    void keepsADangerousArrivalSeparatedFromTheYard() {
        YardSlot oxidiser = place(Box.dry(1, hours(10)).dangerous("5.1"));
        YardSlot flammable = place(Box.dry(2, hours(10)).dangerous("3"));
        assertThat(oxidiser.block()).isEqualTo(flammable.block());
        assertThat(SlotDistance.positions(oxidiser.bay().number(), 1, oxidiser.row().number(),
                flammable.bay().number(), 1, flammable.row().number())).isEqualTo(3);
    }

    @Test
    void retrievingABuriedContainerIsRefused() {
        place(Box.dry(1, hours(10)));
        place(Box.dry(2, hours(5)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> planner.retrieved(number(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("buried under " + number(2));
        planner.retrieved(number(2));
        assertThat(planner.retrieved(number(1))).isEqualTo(YardSlot.parse("A01-01-01-1"));
        assertThat(yard.containers()).isZero();
    }
}
