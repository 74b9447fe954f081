package org.portops.model.equipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class EquipmentTest {

    @Test
    void kindsKnowTheirRole() {
        assertThat(EnumSet.allOf(EquipmentKind.class).stream().filter(EquipmentKind::isYardCrane))
                .containsExactly(EquipmentKind.RTG, EquipmentKind.RMG, EquipmentKind.ASC);
        assertThat(EnumSet.allOf(EquipmentKind.class).stream().filter(EquipmentKind::isHorizontalTransport))
                .containsExactly(EquipmentKind.STRADDLE_CARRIER, EquipmentKind.TERMINAL_TRACTOR, EquipmentKind.AGV);
        assertThat(EnumSet.allOf(EquipmentKind.class).stream().filter(EquipmentKind::isQuayCrane))
                .containsExactly(EquipmentKind.QUAY_CRANE);
        assertThat(EquipmentKind.STRADDLE_CARRIER.stacksInYard()).isTrue();
        assertThat(EquipmentKind.TERMINAL_TRACTOR.stacksInYard()).isFalse();
    }

    @Test
    void idleStateStandsStillUnloaded() {
        Instant at = Instant.parse("2026-11-24T06:00:00Z");
        Equipment rtg = new Equipment(new EquipmentId("RTG07"), EquipmentKind.RTG, "RTG 1-over-5");

        EquipmentState state = EquipmentState.idleAt(rtg, new Position(120, 240), at);

        assertThat(state.status()).isEqualTo(EquipmentStatus.IDLE);
        assertThat(state.speedMetresPerSecond()).isZero();
        assertThat(state.load()).isNull();
        assertThat(state.spreader().locked()).isFalse();
        assertThat(state.faultCodes()).isEmpty();
        assertThat(state.lastSeen()).isEqualTo(at);
    }

    @Test
    void refusesImpossibleStates() {
        Instant at = Instant.parse("2026-11-24T06:00:00Z");
        EquipmentId id = new EquipmentId("TT042");
        assertThatThrownBy(() -> new EquipmentState(id, EquipmentKind.TERMINAL_TRACTOR, Position.ORIGIN, 360, 0,
                EquipmentStatus.IDLE, Spreader.UNLOCKED, null, List.of(), at)).hasMessageContaining("heading of TT042");
        assertThatThrownBy(() -> new EquipmentState(id, EquipmentKind.TERMINAL_TRACTOR, Position.ORIGIN, 0, -1,
                EquipmentStatus.IDLE, Spreader.UNLOCKED, null, List.of(), at)).hasMessageContaining("speed of TT042");
        assertThatThrownBy(() -> new Position(Double.NaN, 0)).hasMessageContaining("finite");
    }

    @Test
    void equipmentIdsFollowTheirPattern() {
        assertThat(new EquipmentId("QC01")).hasToString("QC01");
        assertThatThrownBy(() -> new EquipmentId("Q")).hasMessageContaining("equipment id must be 2..16");
        assertThatThrownBy(() -> new EquipmentId("qc01")).hasMessageContaining("equipment id must be 2..16");
    }

    @Test
    void positionsMeasureDistance() {
        assertThat(new Position(0, 0).distanceTo(new Position(3, 4))).isEqualTo(5.0);
    }
}
