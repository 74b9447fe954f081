package org.portops.crane.berth.live;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.portops.crane.berth.quay.BerthSettings;
import org.portops.model.vessel.VesselCallId;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BerthCommandsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    private static final BerthSettings SETTINGS = BerthSettings.defaults();

    private static BerthChange read(JsonObject body) {
        return BerthCommands.read(body, SETTINGS, 14, NOW);
    }

    @Test
    void readsEachKind() {
        assertThat(read(new JsonObject().put("kind", "ETA_UPDATED").put("call", "C1").put("eta", "2026-11-25T10:00:00Z")))
                .isEqualTo(new BerthChange.EtaUpdated(new VesselCallId("C1"), Instant.parse("2026-11-25T10:00:00Z"), NOW));
        assertThat(read(new JsonObject().put("kind", "DELAYED").put("call", "C1").put("delayMinutes", -30)))
                .isEqualTo(new BerthChange.Delayed(new VesselCallId("C1"), Duration.ofMinutes(-30), NOW));
        assertThat(read(new JsonObject().put("kind", "CANCELLED").put("call", "C1")))
                .isEqualTo(new BerthChange.Cancelled(new VesselCallId("C1"), NOW));
        BerthChange.CallChanged added = (BerthChange.CallChanged) read(new JsonObject().put("kind", "NEW_CALL")
                .put("call", "C9").put("vessel", "MV Nine").put("lengthMeters", 299.5).put("beamMeters", 48.2)
                .put("draftMeters", 14.5).put("eta", "2026-11-25T10:00:00Z").put("moves", 1800));
        assertThat(added.berthCall().lengthMeters()).isEqualTo(300);
        assertThat(added.berthCall().maxCranes()).isEqualTo(6);
        assertThat(added.berthCall().requestedBerthing()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(added.berthCall().isAlongside()).isFalse();
    }

    @Test
    void refusesBadCommandsNamingTheField() {
        assertThatThrownBy(() -> read(new JsonObject().put("kind", "DELAYED").put("call", "C1")))
                .hasMessage("delayMinutes: missing, or not a number");
        assertThatThrownBy(() -> read(new JsonObject().put("kind", "DELAYED").put("call", "C1").put("delayMinutes", 1.5)))
                .hasMessage("delayMinutes: must be a whole number, was 1.5");
        assertThatThrownBy(() -> read(new JsonObject().put("kind", "ETA_UPDATED").put("call", "C1").put("eta", "tomorrow")))
                .hasMessage("eta: 'tomorrow' is not a UTC time such as 2026-11-24T06:00:00Z");
        assertThatThrownBy(() -> read(new JsonObject().put("kind", "CANCELLED").put("call", "no spaces")))
                .hasMessageStartingWith("call: ");
        assertThatThrownBy(() -> read(new JsonObject().put("call", "C1")))
                .hasMessage("kind: missing, or not a text");
        assertThatThrownBy(() -> read(new JsonObject().put("kind", "NEW_CALL").put("call", "C9").put("vessel", "MV Nine")
                .put("lengthMeters", 300).put("beamMeters", 48).put("draftMeters", -1).put("eta", "2026-11-25T10:00:00Z")
                .put("moves", 10)))
                .hasMessage("NEW_CALL: berth call C9 needs a positive length, beam and draft, was 300 m, 48.0 m, -1.0 m");
    }
}
