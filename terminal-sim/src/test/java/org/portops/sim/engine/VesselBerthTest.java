package org.portops.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.portops.model.container.LineOperator;
import org.portops.model.quay.BerthId;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.ImoNumber;
import org.portops.model.vessel.Vessel;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.vessel.Voyage;

/** The simulator moors a vessel where the berth plan placed it along the quay, else just past its berth's start. */
class VesselBerthTest {
    private static final Instant ETA = Instant.parse("2026-11-24T06:00:00Z");
    private static final VesselCall CALL = new VesselCall(new VesselCallId("C1"), new Vessel(new ImoNumber("9074729"),
            "TEST CARRIER", 300, 48, 14), new Voyage("001W"), new LineOperator("MSCU"), null, ETA, null,
            ETA.plus(Duration.ofHours(20)), BayPlan.EMPTY);

    @Test
    void aPlacedVesselLiesWhereTheBerthPlanPutItAndAnUnplacedOneTenMetresPastItsBerthsStart() {
        assertThat(new VesselBerth(CALL.berthedAt(new BerthId("B2"), ETA, 512.0), 400).startX()).isEqualTo(512.0);
        assertThat(new VesselBerth(CALL.berthedAt(new BerthId("B2"), ETA), 400).startX()).isEqualTo(410.0);
    }
}
