package org.portops.model.vessel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.portops.model.container.LineOperator;
import org.portops.model.quay.BerthId;

/** A vessel call's place on the quay: where the berth plan put it, kept through changes of its times and bay plan. */
class VesselCallTest {
    private static final Instant ETA = Instant.parse("2026-11-24T06:00:00Z");
    private static final VesselCall CALL = new VesselCall(new VesselCallId("C1"), new Vessel(new ImoNumber("9074729"),
            "TEST CARRIER", 300, 48, 14), new Voyage("001W"), new LineOperator("MSCU"), null, ETA, null,
            ETA.plus(Duration.ofHours(20)), BayPlan.EMPTY);

    @Test
    void aCallPlacedAlongTheQuayKeepsItsPlaceWhenItsTimesOrBayPlanChange() {
        VesselCall placed = CALL.berthedAt(new BerthId("B2"), ETA.plusSeconds(3_600), 512.0);

        assertThat(placed.bowMeter(400)).as("where the plan put it").isEqualTo(512.0);
        VesselCall later = placed.withTimes(ETA.plusSeconds(600), ETA.plusSeconds(7_200), ETA.plus(Duration.ofHours(22)));
        assertThat(later.quayFromMeter()).isEqualTo(512.0);
        assertThat(later.etb()).isEqualTo(ETA.plusSeconds(7_200));
        assertThat(later.withBayPlan(BayPlan.EMPTY).quayFromMeter()).isEqualTo(512.0);
        assertThat(placed.berthedAt(new BerthId("B3"), ETA).quayFromMeter()).as("another berth, no place given")
                .isNull();
    }

    @Test
    void aCallWithoutAPlannedPlaceLiesTenMetresPastItsBerthsStart() {
        assertThat(CALL.berthedAt(new BerthId("B2"), ETA).bowMeter(400)).isEqualTo(410.0);
    }

    @Test
    void aPlaceNeedsABerthAndAMetreOnTheQuay() {
        assertThatThrownBy(() -> new VesselCall(CALL.id(), CALL.vessel(), CALL.voyage(), CALL.line(), null, ETA, null,
                CALL.etd(), BayPlan.EMPTY, 100.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vessel call C1 can lie from a quay metre only at a berth, and from metre 0 or beyond, "
                        + "was 100.0 m at berth null");
        assertThatThrownBy(() -> CALL.berthedAt(new BerthId("B1"), ETA, -5.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was -5.0 m at berth B1");
        assertThatThrownBy(() -> CALL.berthedAt(new BerthId("B1"), ETA, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
