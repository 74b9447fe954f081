package org.portops.crane.dispatch;

import org.junit.jupiter.api.Test;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.Position;
import org.portops.model.layout.TerminalLayoutLoader;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.portops.crane.dispatch.Jobs.bay;
import static org.portops.crane.dispatch.Jobs.underCrane;

/**
 * Distances on the sample terminal: blocks 260 m long from x = 25, 15 m cross lanes between them (at x = 12.5,
 * 292.5, 567.5, ...), row A's truck lane at y = 110 + 8 × 2.9 + 3.5 = 136.7, the crane handover lane at y = 20.
 */
class LaneNetworkTest {
    private final LaneNetwork lanes = new LaneNetwork(TerminalLayoutLoader.sample());

    @Test
    void drivesFromQuayToYardOverTheNearestCrossLaneNotInAStraightLine() {
        // bay 10 of A01 is at x = 25 + 9.5 × 6.5 = 86.75; via the cross lane at 12.5: 87.5 + 116.7 + 74.25
        double metres = lanes.metres(underCrane("QC01", 100), bay("A01", 10));

        assertThat(metres).isCloseTo(278.45, within(1e-6));
        assertThat(metres).isGreaterThan(lanes.position(underCrane("QC01", 100))
                .distanceTo(lanes.position(bay("A01", 10))));
    }

    @Test
    void drivesStraightAlongOneTruckLaneAcrossTheGapBetweenBlocks() {
        // A02 bay 1 is at x = 300 + 3.25 on the same truck lane as A01
        assertThat(lanes.metres(bay("A01", 10), bay("A02", 1))).isCloseTo(216.5, within(1e-6));
    }

    @Test
    void drivesAlongTheApronBetweenCranes() {
        assertThat(lanes.metres(underCrane("QC01", 100), underCrane("QC02", 400))).isCloseTo(300, within(1e-6));
    }

    @Test
    void timesATripWithAcceleratingCruisingAndBraking() {
        // tractor 9.7 m/s, 1.0 m/s²: 278.45 / 9.7 + 9.7 = 38.41 s
        assertThat(LaneNetwork.seconds(EquipmentKind.TERMINAL_TRACTOR, 278.45)).isEqualTo(39);
    }

    @Test
    void timesAShortTripThatNeverReachesTopSpeed() {
        // 50 m < v²/a = 94.09 m: 2 √(50 / 1.0) = 14.14 s
        assertThat(LaneNetwork.seconds(EquipmentKind.TERMINAL_TRACTOR, 50)).isEqualTo(15);
        assertThat(LaneNetwork.seconds(EquipmentKind.TERMINAL_TRACTOR, 0)).isZero();
    }

    @Test
    void slowerKindsTakeLonger() {
        assertThat(LaneNetwork.seconds(EquipmentKind.AGV, 278.45))
                .isGreaterThan(LaneNetwork.seconds(EquipmentKind.STRADDLE_CARRIER, 278.45))
                .isGreaterThan(LaneNetwork.seconds(EquipmentKind.TERMINAL_TRACTOR, 278.45));
    }

    @Test
    void namesWhatIsWrongWithAPointOffTheTerminal() {
        assertThat(lanes.problem(bay("Z09", 3))).hasValue("block Z09 is not on terminal NQCT");
        assertThat(lanes.problem(bay("A01", 41))).hasValue("A01/41: block A01 has 40 bays");
        assertThat(lanes.problem(underCrane("QC01", 1500))).hasValue("QC01@1500m is beyond the 1400.0 m quay");
        assertThat(lanes.problem(new HandoverPoint.Spot(new Position(-5, 100)))).isPresent();
        assertThat(lanes.problem(bay("A01", 40))).isEmpty();
    }

    @Test
    void refusesADispatchRequestWithAPointOffTheTerminalNamingTheJob() {
        DispatchRequest request = new DispatchRequest(Jobs.T0,
                List.of(Jobs.discharge("D1", underCrane("QC01", 100), 1, bay("A01", 41), 300)),
                List.of(Jobs.tractor("TT001", underCrane("QC01", 100))), PublishedPlan.NONE);

        assertThatThrownBy(() -> DispatchProblem.of(request, Duration.ofMinutes(30), lanes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("job D1 drop: A01/41: block A01 has 40 bays");
    }
}
