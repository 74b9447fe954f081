package org.portops.model.vessel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StowageSlotTest {

    @Test
    void parsesBayRowTier() {
        StowageSlot slot = StowageSlot.parse("0340282");

        assertThat(slot.bay()).isEqualTo(new VesselBay(34));
        assertThat(slot.row()).isEqualTo(new VesselRow(2));
        assertThat(slot.tier()).isEqualTo(new VesselTier(82));
        assertThat(slot.tier().isDeck()).isTrue();
        assertThat(slot.bay().isFortyFootBay()).isTrue();
        assertThat(slot).hasToString("0340282");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0010002", "0990098", "0171306", "0743080"})
    void roundTrips(String text) {
        assertThat(StowageSlot.parse(text)).hasToString(text);
    }

    @Test
    void holdAndDeckFollowIso9711() {
        assertThat(new VesselTier(78).isDeck()).isFalse();
        assertThat(new VesselTier(80).isDeck()).isTrue();
        assertThat(new VesselBay(33).isFortyFootBay()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"340282", "03402820", "034O282", ""})
    void refusesMalformedText(String text) {
        assertThatThrownBy(() -> StowageSlot.parse(text)).hasMessageContaining("stowage slot must be 7 digits BBBRRTT");
    }

    @Test
    void refusesOutOfRangeParts() {
        assertThatThrownBy(() -> StowageSlot.parse("0000282")).hasMessage("vessel bay must be 1..99, was 0");
        assertThatThrownBy(() -> StowageSlot.parse("0343182")).hasMessage("vessel row must be 0..30, was 31");
        assertThatThrownBy(() -> StowageSlot.parse("0340299")).hasMessage("vessel tier must be 2..98, was 99");
        assertThatThrownBy(() -> StowageSlot.parse("0340200")).hasMessage("vessel tier must be 2..98, was 0");
    }
}
