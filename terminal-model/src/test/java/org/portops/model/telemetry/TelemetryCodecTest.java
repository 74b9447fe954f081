package org.portops.model.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.equipment.Position;
import org.portops.model.equipment.Spreader;
import org.portops.model.telemetry.EquipmentEvent.FaultCleared;
import org.portops.model.telemetry.EquipmentEvent.FaultRaised;
import org.portops.model.telemetry.EquipmentEvent.InstructionAccepted;
import org.portops.model.telemetry.EquipmentEvent.InstructionCompleted;
import org.portops.model.telemetry.EquipmentEvent.InstructionProgress;
import org.portops.model.telemetry.EquipmentEvent.InstructionRejected;
import org.portops.model.telemetry.EquipmentEvent.ReeferAlarmRaised;
import org.portops.model.telemetry.EquipmentEvent.SpreaderLocked;
import org.portops.model.telemetry.EquipmentEvent.SpreaderUnlocked;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.yard.YardSlot;

class TelemetryCodecTest {

    private static final EquipmentId QC01 = new EquipmentId("QC01");
    private static final Instant AT = Instant.parse("2026-11-24T06:00:00.250Z");
    private static final ContainerNumber BOX = ContainerNumber.fromParts("MSC", 'U', 123456);
    private final TelemetryCodec codec = new TelemetryCodec();

    static StateReading reading() {
        Position position = new Position(120.5, 15.0);
        return new StateReading(QC01, 42, AT, EquipmentKind.QUAY_CRANE, position,
                GeoReference.SAMPLE.toWgs84(position), 90.0, 0.4, EquipmentStatus.WORKING, new Spreader(true, false),
                BOX, 24_000, 31.5, 42.0, 61.2, 2.3, null, List.of());
    }

    private void roundTrips(TelemetryMessage message) {
        assertThat(codec.decode(message.topic(), codec.encode(message))).isEqualTo(message);
    }

    @Test
    void roundTripsEveryPayload() {
        roundTrips(reading());
        roundTrips(new ConnectionMessage(QC01, 0, AT, ConnectionState.CONNECTIONBROKEN));
        roundTrips(new Order(QC01, 3, AT, new WorkInstructionId("WI-7"), BOX, MoveKind.DISCHARGE,
                Location.parse("vessel:CALL1/0340282"), Location.parse("equipment:TT042")));
        roundTrips(new InstantAction(QC01, 4, AT, InstantActionType.PAUSE));
        roundTrips(new Visualization(QC01, 5, AT, new Position(1, 2), new GeoPosition(51.9, 4.0), 10, 3));
        roundTrips(new ReeferReading(new EquipmentId("RMS-C01"), 6, AT, ContainerNumber.fromParts("MAE", 'U', 1),
                YardSlot.of("C01", 3, 7, 1), -18, -17.6, -16.9, true, List.of(ReeferAlarm.TEMPERATURE_OUT_OF_RANGE)));
    }

    @Test
    void roundTripsEveryEvent() {
        WorkInstructionId wi = new WorkInstructionId("WI-9");
        List<EquipmentEvent> events = List.of(
                new SpreaderLocked(BOX, new Position(10, 20), Location.parse("vessel:CALL1/0340282")),
                new SpreaderUnlocked(BOX, new Position(10, 20), Location.parse("equipment:TT001")),
                new FaultRaised("HOIST_OVERLOAD", "hoist motor overload"), new FaultCleared("HOIST_OVERLOAD"),
                new InstructionAccepted(wi), new InstructionRejected(wi, "BUSY"), new InstructionProgress(wi, "PICKED"),
                new InstructionCompleted(wi), new ReeferAlarmRaised(BOX, ReeferAlarm.UNPLUGGED_TOO_LONG, "2 h"));
        long sequence = 0;
        for (EquipmentEvent event : events) {
            roundTrips(new EventMessage(QC01, sequence++, AT, event));
        }
    }

    @Test
    void writesTimestampsWithMillisecondsInUtc() {
        String json = new String(codec.encode(new ConnectionMessage(QC01, 0, Instant.parse("2026-11-24T06:00:00Z"),
                ConnectionState.ONLINE)), StandardCharsets.UTF_8);
        assertThat(json).contains("\"timestamp\":\"2026-11-24T06:00:00.000Z\"").contains("\"sequence\":0");
    }

    private TelemetryFormatException refusal(TelemetryTopic topic, String json) {
        try {
            codec.decode(topic, json.getBytes(StandardCharsets.UTF_8));
        } catch (TelemetryFormatException e) {
            return e;
        }
        throw new AssertionError("accepted " + json);
    }

    private String stateJsonWith(String field, String replacement) {
        String json = new String(codec.encode(reading()), StandardCharsets.UTF_8);
        return json.replaceFirst("\"" + field + "\":(\\{[^}]*\\}|\"[^\"]*\"|[^,}]*)", replacement);
    }

    @Test
    void refusesNonJson() {
        assertThat(refusal(TelemetryTopic.STATE, "{not json").field()).isEqualTo("payload");
        assertThat(refusal(TelemetryTopic.STATE, "{} trailing").field()).isEqualTo("payload");
        assertThat(refusal(TelemetryTopic.STATE, "[1,2]").problem()).contains("JSON object");
        assertThatThrownBy(() -> codec.decode(TelemetryTopic.STATE, new byte[0])).hasMessageContaining("empty");
    }

    @Test
    void refusesMissingFieldNamingIt() {
        assertThat(refusal(TelemetryTopic.STATE, stateJsonWith("speedMps", "\"x\":1")).field()).isEqualTo("speedMps");
        assertThat(refusal(TelemetryTopic.STATE, stateJsonWith("sequence", "\"x\":1")).problem())
                .isEqualTo("is required");
    }

    @Test
    void refusesWrongTypeNamingTheField() {
        TelemetryFormatException e = refusal(TelemetryTopic.STATE, stateJsonWith("speedMps", "\"speedMps\":\"fast\""));
        assertThat(e.field()).isEqualTo("speedMps");
        assertThat(e.problem()).contains("must be a number");
        assertThat(refusal(TelemetryTopic.STATE, stateJsonWith("position", "\"position\":{\"x\":1}")).field())
                .isEqualTo("position.y");
        assertThat(refusal(TelemetryTopic.STATE, stateJsonWith("sequence", "\"sequence\":1.5")).field())
                .isEqualTo("sequence");
    }

    @Test
    void refusesOutOfRangeAndBadIdsNamingTheField() {
        assertThat(refusal(TelemetryTopic.STATE, stateJsonWith("speedMps", "\"speedMps\":-3")).field())
                .isEqualTo("speedMps");
        assertThat(refusal(TelemetryTopic.STATE, stateJsonWith("headingDeg", "\"headingDeg\":360")).field())
                .isEqualTo("headingDeg");
        TelemetryFormatException badBox = refusal(TelemetryTopic.STATE,
                stateJsonWith("load", "\"load\":\"MSCU1234560\""));
        assertThat(badBox.field()).isEqualTo("load");
        assertThat(badBox.problem()).contains("expected");
        assertThat(refusal(TelemetryTopic.STATE, stateJsonWith("status", "\"status\":\"SLEEPING\"")).problem())
                .contains("WORKING");
        assertThat(refusal(TelemetryTopic.STATE, stateJsonWith("timestamp", "\"timestamp\":\"yesterday\"")).field())
                .isEqualTo("timestamp");
        assertThat(refusal(TelemetryTopic.STATE, stateJsonWith("machineId", "\"machineId\":\"qc 1\"")).field())
                .isEqualTo("machineId");
    }

    @Test
    void refusesUnknownEventType() {
        String json = "{\"machineId\":\"QC01\",\"sequence\":1,\"timestamp\":\"2026-11-24T06:00:00.000Z\","
                + "\"type\":\"teleported\"}";
        TelemetryFormatException e = refusal(TelemetryTopic.EVENTS, json);
        assertThat(e.field()).isEqualTo("type");
        assertThat(e.problem()).contains("spreaderLocked");
    }

    @Test
    void refusesBadLocationInEvent() {
        String json = "{\"machineId\":\"QC01\",\"sequence\":1,\"timestamp\":\"2026-11-24T06:00:00.000Z\","
                + "\"type\":\"spreaderLocked\",\"container\":\"" + BOX + "\",\"position\":{\"x\":1,\"y\":2},"
                + "\"location\":\"moon:1\"}";
        assertThat(refusal(TelemetryTopic.EVENTS, json).field()).isEqualTo("location");
    }

    @Test
    void mapsTerminalCoordinatesToWgs84() {
        GeoPosition origin = GeoReference.SAMPLE.toWgs84(Position.ORIGIN);
        GeoPosition kmAlongQuay = GeoReference.SAMPLE.toWgs84(new Position(1000, 0));
        assertThat(origin).isEqualTo(GeoReference.SAMPLE.origin());
        double north = (kmAlongQuay.latitude() - origin.latitude()) * 111_320;
        assertThat(north).isCloseTo(1000 * Math.cos(Math.toRadians(20)), org.assertj.core.data.Offset.offset(0.01));
    }
}
