package org.portops.model.yard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YardSlotTest {

    @Test
    void parsesAndFormatsTheCanonicalText() {
        YardSlot slot = YardSlot.parse("A01-05-03-2");

        assertThat(slot.block()).isEqualTo(new BlockId("A01"));
        assertThat(slot.bay()).isEqualTo(new YardBay(5));
        assertThat(slot.row()).isEqualTo(new YardRow(3));
        assertThat(slot.tier()).isEqualTo(new Tier(2));
        assertThat(slot).hasToString("A01-05-03-2").isEqualTo(YardSlot.of("A01", 5, 3, 2));
    }

    @Test
    void parsingIsLenientAboutLeadingZerosButFormattingIsNot() {
        assertThat(YardSlot.parse("B7-5-3-1")).hasToString("B7-05-03-1");
        assertThat(StackId.parse("C12-40-8")).hasToString("C12-40-08");
    }

    @Test
    void stackIdRoundTripsAndGivesItsSlots() {
        StackId stack = StackId.parse("A01-05-03");

        assertThat(stack).hasToString("A01-05-03");
        assertThat(stack.at(Tier.GROUND)).isEqualTo(YardSlot.parse("A01-05-03-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A01-05-03", "A01-05-03-2-1", "a01-05-03-2", "A01-5-3-", "A01_05_03_2", "-05-03-2"})
    void refusesMalformedSlots(String text) {
        assertThatThrownBy(() -> YardSlot.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("yard slot must look like A01-05-03-2 (block-bay-row-tier), was '" + text + "'");
    }

    @Test
    void refusesOutOfRangeParts() {
        assertThatThrownBy(() -> YardSlot.parse("A01-00-03-2")).hasMessage("yard bay must be 1..99, was 0");
        assertThatThrownBy(() -> YardSlot.parse("A01-05-21-2")).hasMessage("yard row must be 1..20, was 21");
        assertThatThrownBy(() -> YardSlot.parse("A01-05-03-0")).hasMessage("tier must be 1..9, was 0");
        assertThatThrownBy(() -> new BlockId("A0123456")).hasMessageContaining("block id must be");
        assertThatThrownBy(() -> new BlockId("1A")).hasMessageContaining("block id must be");
    }

    @Test
    void tiersKnowTheGround() {
        assertThat(Tier.GROUND.isGround()).isTrue();
        assertThat(new Tier(3).below()).isEqualTo(new Tier(2));
        assertThatThrownBy(Tier.GROUND::below).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oddBaysStartFortyFootPairs() {
        assertThat(new YardBay(5).isOdd()).isTrue();
        assertThat(new YardBay(6).isOdd()).isFalse();
    }
}
