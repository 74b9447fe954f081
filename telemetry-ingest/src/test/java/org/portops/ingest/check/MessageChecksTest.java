package org.portops.ingest.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.equipment.Position;
import org.portops.model.equipment.Spreader;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.telemetry.ConnectionMessage;
import org.portops.model.telemetry.ConnectionState;
import org.portops.model.telemetry.GeoReference;
import org.portops.model.telemetry.StateReading;
import org.portops.model.telemetry.TelemetryCodec;
import org.portops.model.telemetry.TelemetryMessage;
import org.portops.model.telemetry.Topic;
import org.portops.state.testsupport.TestLayouts;

class MessageChecksTest {

    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    private static final Position HERE = new Position(100, 50);
    private final TerminalLayout layout = TestLayouts.small();
    private final TelemetryCodec codec = new TelemetryCodec();
    private final MessageChecks checks = new MessageChecks(layout, "TEST",
            new KnownSenders(layout, Pattern.compile("[A-Z0-9-]*GW\\d{2,3}")), Duration.ofSeconds(30),
            Duration.ofHours(1));

    private static StateReading tractor(String machine, long sequence, Instant at, Position p, double speed) {
        return reading(machine, EquipmentKind.TERMINAL_TRACTOR, sequence, at, p, speed);
    }

    private static StateReading reading(String machine, EquipmentKind kind, long sequence, Instant at, Position p,
                                        double speed) {
        return new StateReading(new EquipmentId(machine), sequence, at, kind, p, GeoReference.SAMPLE.toWgs84(p), 0.0,
                speed, EquipmentStatus.WORKING, null, null, 0, null, null, 50.0, 1.0, 80.0, List.of());
    }

    private Verdict check(String machine, TelemetryMessage message, Instant receivedAt) {
        return checks.check(Topic.of("TEST", new EquipmentId(machine), message.topic()).toString(),
                codec.encode(message), receivedAt, false);
    }

    private String code(String machine, TelemetryMessage message, Instant receivedAt) {
        return code(check(machine, message, receivedAt));
    }

    private static String code(Verdict verdict) {
        return verdict instanceof Verdict.Rejected rejected ? rejected.rejection().code() : "ACCEPTED";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void cleanReadingsWithGrowingSequencesAreAccepted() {
        for (int i = 0; i < 20; i++) {
            Instant at = NOW.plusMillis(500L * i);
            assertThat(code("TT001", tractor("TT001", i, at, new Position(100 + i * 0.5 * 4, 50), 4.0), at))
                    .as("reading %d", i).isEqualTo("ACCEPTED");
        }
    }

    @Test
    void replayedReadingIsQuarantinedAsReplay() {
        StateReading first = tractor("TT001", 7, NOW, HERE, 0);
        assertThat(code("TT001", first, NOW)).isEqualTo("ACCEPTED");
        Verdict again = check("TT001", first, NOW.plusMillis(200));
        assertThat(code(again)).isEqualTo("REPLAY");
        assertThat(((Verdict.Rejected) again).rejection().text()).contains("sequence 7", "accepted already",
                "last accepted 7");
    }

    @Test
    void aReadingBehindTheNewestIsAcceptedAsLateEvenWithTheSameTimestamp() {
        assertThat(late(check("TT001", tractor("TT001", 5, NOW, HERE, 0), NOW))).as("first").isFalse();
        assertThat(late(check("TT001", tractor("TT001", 7, NOW, HERE, 0), NOW))).as("a gap").isFalse();
        assertThat(late(check("TT001", tractor("TT001", 6, NOW, HERE, 0), NOW))).as("overtaken by 7, same ms")
                .isTrue();
        assertThat(late(check("TT001", tractor("TT001", 8, NOW, HERE, 0), NOW))).as("next").isFalse();
        assertThat(late(check("TT002", tractor("TT002", 1, NOW, HERE, 0), NOW))).as("another machine").isFalse();
        ConnectionMessage online = new ConnectionMessage(new EquipmentId("TT001"), 0, NOW, ConnectionState.ONLINE);
        assertThat(code("TT001", online, NOW)).isEqualTo("ACCEPTED");
        assertThat(late(check("TT001", tractor("TT001", 1, NOW, HERE, 0), NOW))).as("after a new ONLINE")
                .isFalse();
    }

    private static boolean late(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Verdict.Accepted.class);
        return ((Verdict.Accepted) verdict).late();
    }

    @Test
    void aLateReadingWithinTheWindowIsAcceptedOnceAndOneBeyondItIsAReplay() {
        long newest = 5_000;
        assertThat(code("TT001", tractor("TT001", newest, NOW, HERE, 0), NOW)).isEqualTo("ACCEPTED");
        Instant later = NOW.plusMillis(100);
        long oldestInWindow = newest - MachineTracks.WINDOW + 1;
        assertThat(code("TT001", tractor("TT001", newest - 1, later, HERE, 0), later)).as("one behind, late")
                .isEqualTo("ACCEPTED");
        assertThat(code("TT001", tractor("TT001", oldestInWindow, later, HERE, 0), later))
                .as("the oldest the window holds").isEqualTo("ACCEPTED");
        assertThat(code("TT001", tractor("TT001", newest - 1, later, HERE, 0), later)).as("the late one again")
                .isEqualTo("REPLAY");
        Verdict beyond = check("TT001", tractor("TT001", oldestInWindow - 1, later, HERE, 0), later);
        assertThat(code(beyond)).as("just beyond the window").isEqualTo("REPLAY");
        assertThat(((Verdict.Rejected) beyond).rejection().text()).contains("sequence " + (oldestInWindow - 1),
                "last accepted " + newest);
        // a jump forward of more than the window forgets what was seen before it
        long jump = newest + 2L * MachineTracks.WINDOW;
        assertThat(code("TT001", tractor("TT001", jump, later, HERE, 0), later)).isEqualTo("ACCEPTED");
        assertThat(code("TT001", tractor("TT001", jump - 1, later, HERE, 0), later)).isEqualTo("ACCEPTED");
        assertThat(code("TT001", tractor("TT001", newest, later, HERE, 0), later)).isEqualTo("REPLAY");
    }

    @Test
    void aTopicSeenBeforeIsCheckedInFullAgain() {
        byte[] good = codec.encode(tractor("TT001", 1, NOW, HERE, 0));
        for (int round = 0; round < 2; round++) {
            assertThat(code(checks.check("portops/v1/OTHER/TT001/state", good, NOW, false))).as("round %d", round)
                    .isEqualTo("UNKNOWN_TOPIC");
            assertThat(code("TT999", tractor("TT999", 1, NOW, HERE, 0), NOW)).as("round %d", round)
                    .isEqualTo("UNKNOWN_MACHINE");
            assertThat(code("TT001", tractor("TT002", 1, NOW, HERE, 0), NOW)).as("round %d", round)
                    .isEqualTo("SPOOFED_ID");
        }
        assertThat(code("TT001", tractor("TT001", 1, NOW, HERE, 0), NOW)).isEqualTo("ACCEPTED");
        Instant later = NOW.plusMillis(100);
        assertThat(code("TT001", tractor("TT001", 1, later, HERE, 0), later)).isEqualTo("REPLAY");
    }

    @Test
    void eachBadMessageIsRefusedWithItsOwnReason() {
        byte[] good = codec.encode(tractor("TT001", 1, NOW, HERE, 0));
        assertThat(code(checks.check("portops/v2/TEST/TT001/state", good, NOW, false))).isEqualTo("UNKNOWN_TOPIC");
        assertThat(code(checks.check("portops/v1/OTHER/TT001/state", good, NOW, false))).isEqualTo("UNKNOWN_TOPIC");
        assertThat(code(checks.check("portops/v1/TEST/QC01/order", bytes("{}"), NOW, false)))
                .as("machines never publish on downlink topics").isEqualTo("UNKNOWN_TOPIC");
        assertThat(code(checks.check("portops/v1/TEST/TT001/state", bytes("speed=3"), NOW, false)))
                .isEqualTo("MALFORMED");
        assertThat(code("TT999", tractor("TT999", 1, NOW, HERE, 0), NOW)).isEqualTo("UNKNOWN_MACHINE");
        assertThat(code("TT001", tractor("TT002", 1, NOW, HERE, 0), NOW)).isEqualTo("SPOOFED_ID");
        assertThat(code("TT001", tractor("TT001", 1, NOW.minusSeconds(31), HERE, 0), NOW)).isEqualTo("CLOCK_SKEW");
        assertThat(code("TT001", tractor("TT001", 1, NOW.plusSeconds(31), HERE, 0), NOW)).isEqualTo("CLOCK_SKEW");
        assertThat(code("TT001", reading("TT001", EquipmentKind.RTG, 2, NOW, HERE, 0), NOW)).isEqualTo("KIND_MISMATCH");
        assertThat(code("TT001", tractor("TT001", 3, NOW, HERE, 12.0), NOW)).isEqualTo("SPEED_ABOVE_LIMIT");
        assertThat(code("TT001", tractor("TT001", 4, NOW, new Position(-50, 50), 0), NOW))
                .isEqualTo("OUTSIDE_TERMINAL");
        assertThat(code("TT001", tractor("TT001", 5, NOW, HERE, 0), NOW)).isEqualTo("ACCEPTED");
        Instant later = NOW.plusSeconds(1);
        assertThat(code("TT001", tractor("TT001", 6, later, new Position(400, 50), 5.0), later)).isEqualTo("TELEPORT");
        assertThat(code("TT001", tractor("TT001", 7, later, new Position(104, 50), 8.0), later))
                .isEqualTo("ACCELERATION_ABOVE_LIMIT");
    }

    @Test
    void rejectedReadingDoesNotMoveTheBaseline() {
        check("TT001", tractor("TT001", 1, NOW, HERE, 0), NOW);
        check("TT001", tractor("TT001", 2, NOW.plusSeconds(1), new Position(600, 50), 0), NOW.plusSeconds(1));
        assertThat(code("TT001", tractor("TT001", 2, NOW.plusSeconds(2), new Position(101, 50), 1.0),
                NOW.plusSeconds(2))).as("the teleport's sequence and position were not remembered")
                .isEqualTo("ACCEPTED");
    }

    @Test
    void connectionWillAndNewOnlineBendTheSequenceRule() {
        check("TT001", tractor("TT001", 500, NOW, HERE, 0), NOW);
        ConnectionMessage will = new ConnectionMessage(new EquipmentId("TT001"), 0, NOW.minusSeconds(3600),
                ConnectionState.CONNECTIONBROKEN);
        assertThat(code("TT001", will, NOW)).as("a will is composed at connect time").isEqualTo("ACCEPTED");
        ConnectionMessage online = new ConnectionMessage(new EquipmentId("TT001"), 0, NOW, ConnectionState.ONLINE);
        assertThat(code("TT001", online, NOW)).isEqualTo("ACCEPTED");
        assertThat(code("TT001", tractor("TT001", 1, NOW.plusMillis(500), HERE, 0), NOW.plusMillis(500)))
                .as("the counter restarted with ONLINE").isEqualTo("ACCEPTED");
        assertThat(code("SIM-GW01", new ConnectionMessage(new EquipmentId("SIM-GW01"), 0, NOW,
                ConnectionState.ONLINE), NOW)).isEqualTo("ACCEPTED");
        assertThat(code("RMS-A02", new ConnectionMessage(new EquipmentId("RMS-A02"), 0, NOW,
                ConnectionState.ONLINE), NOW)).isEqualTo("ACCEPTED");
        assertThat(code("RMS-A01", new ConnectionMessage(new EquipmentId("RMS-A01"), 0, NOW,
                ConnectionState.ONLINE), NOW)).as("A01 has no plugs").isEqualTo("UNKNOWN_MACHINE");
    }

    @Test
    void craneReadingWithSpreaderIsAccepted() {
        Position portal = new Position(100, 18);
        StateReading crane = new StateReading(new EquipmentId("QC01"), 1, NOW, EquipmentKind.QUAY_CRANE, portal,
                GeoReference.SAMPLE.toWgs84(portal), 0.0, 0.5, EquipmentStatus.WORKING, Spreader.UNLOCKED, null, 0,
                20.0, 10.0, 50.0, 1.0, null, List.of());
        assertThat(code("QC01", crane, NOW)).isEqualTo("ACCEPTED");
    }
}
