package org.portops.yard.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DepartureTest {
    private static final Instant T = Instant.parse("2026-11-24T00:00:00Z");

    private static Departure hours(int from, int to) {
        return new Departure(T.plus(Duration.ofHours(from)), T.plus(Duration.ofHours(to)));
    }

    @Test
    void exactTimesGiveCertainty() {
        assertThat(Departure.at(T.plusSeconds(60)).chanceLeavesAfter(Departure.at(T))).isEqualTo(1);
        assertThat(Departure.at(T).chanceLeavesAfter(Departure.at(T))).isZero();
        assertThat(Departure.at(T).chanceLeavesAfter(Departure.at(T.plusSeconds(60)))).isZero();
    }

    @Test
    void separateWindowsGiveCertaintyAndOverlapsAreGraded() {
        assertThat(hours(0, 10).chanceLeavesAfter(hours(10, 20))).isZero();
        assertThat(hours(20, 30).chanceLeavesAfter(hours(10, 20))).isEqualTo(1);
        assertThat(hours(0, 20).chanceLeavesAfter(hours(5, 15))).isEqualTo(0.5);
        assertThat(hours(0, 20).chanceLeavesAfter(hours(0, 10))).isCloseTo(0.5 + 5 / 30.0, within(1e-9));
        assertThat(hours(0, 20).chanceLeavesAfter(Departure.at(T.plus(Duration.ofHours(15))))).isEqualTo(0.25);
    }

    @Test
    void refusesAWindowEndingBeforeItStarts() {
        assertThatThrownBy(() -> hours(5, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is before the earliest");
    }
}
