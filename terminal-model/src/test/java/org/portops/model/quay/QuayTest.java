package org.portops.model.quay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuayTest {

    private static Berth berth(String id, double start, double end) {
        return new Berth(new BerthId(id), start, end, 16.0);
    }

    @Test
    void berthsTouchingEndToEndFit() {
        Quay quay = new Quay("North", 900, List.of(berth("B1", 0, 300), berth("B2", 300, 600), berth("B3", 600, 900)));

        assertThat(quay.berths()).hasSize(3);
        assertThat(quay.berth(new BerthId("B2")).orElseThrow().length()).isEqualTo(300.0);
    }

    @Test
    void overlappingBerthsAreNamed() {
        List<String> problems = Quay.berthProblems(1000, List.of(berth("B1", 300, 600), berth("B2", 500, 800)));

        assertThat(problems).containsExactly("berths[1]: overlaps berth B1 (300.0..600.0 m)");
        assertThatThrownBy(() -> new Quay("North", 1000, List.of(berth("B1", 300, 600), berth("B2", 500, 800))))
                .hasMessage("quay North: berths[1]: overlaps berth B1 (300.0..600.0 m)");
    }

    @Test
    void berthsBeyondTheQuayAndDuplicatesAreNamed() {
        List<String> problems = Quay.berthProblems(500, List.of(berth("B1", 0, 300), berth("B1", 300, 600)));

        assertThat(problems).containsExactly("berths[1].id: duplicate berth B1",
                "berths[1].endMeter: must be within the quay (0.0..500.0 m), was 600.0");
    }

    @Test
    void refusesBerthsThatEndBeforeTheyStartOrHaveNoWater() {
        assertThatThrownBy(() -> berth("B1", 300, 300)).hasMessage("berth B1 must have 0 <= start < end, was 300.0..300.0 m");
        assertThatThrownBy(() -> new Berth(new BerthId("B1"), 0, 10, 0))
                .hasMessage("water depth of berth B1 must be a positive number, was 0.0");
    }
}
