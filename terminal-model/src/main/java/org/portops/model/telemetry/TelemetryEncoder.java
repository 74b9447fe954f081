package org.portops.model.telemetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.portops.model.equipment.Position;
import org.portops.model.telemetry.EquipmentEvent.FaultCleared;
import org.portops.model.telemetry.EquipmentEvent.FaultRaised;
import org.portops.model.telemetry.EquipmentEvent.InstructionAccepted;
import org.portops.model.telemetry.EquipmentEvent.InstructionCompleted;
import org.portops.model.telemetry.EquipmentEvent.InstructionProgress;
import org.portops.model.telemetry.EquipmentEvent.InstructionRejected;
import org.portops.model.telemetry.EquipmentEvent.ReeferAlarmRaised;
import org.portops.model.telemetry.EquipmentEvent.SpreaderLocked;
import org.portops.model.telemetry.EquipmentEvent.SpreaderUnlocked;

/** Builds the JSON tree of each payload; field names and units as in {@code docs/telemetry.md}. */
final class TelemetryEncoder {

    private final ObjectMapper mapper;

    TelemetryEncoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode encode(TelemetryMessage message) {
        ObjectNode node = mapper.createObjectNode();
        node.put("machineId", message.machineId().value());
        node.put("sequence", message.sequence());
        node.put("timestamp", timestamp(message.timestamp()));
        switch (message) {
            case ConnectionMessage m -> node.put("connectionState", m.state().name());
            case StateReading m -> state(node, m);
            case EventMessage m -> event(node, m.event());
            case Order m -> order(node, m);
            case InstantAction m -> node.put("action", m.action().name());
            case Visualization m -> visualization(node, m);
            case ReeferReading m -> reefer(node, m);
        }
        return node;
    }

    /** Milliseconds, always with the fraction, UTC: sortable as text and the same length every time. */
    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS))
                .replaceFirst("(:\\d\\d)Z$", "$1.000Z");
    }

    private void state(ObjectNode node, StateReading m) {
        node.put("kind", m.kind().name());
        position(node, "position", m.position());
        geo(node, m.geo());
        node.put("headingDeg", m.headingDegrees());
        node.put("speedMps", m.speedMetresPerSecond());
        node.put("status", m.status().name());
        if (m.spreader() == null) {
            node.putNull("spreader");
        } else {
            node.putObject("spreader").put("locked", m.spreader().locked()).put("twin", m.spreader().twin());
        }
        node.put("load", m.load() == null ? null : m.load().value());
        node.put("loadWeightKg", m.loadWeightKilograms());
        node.put("hoistHeightM", m.hoistHeightMetres());
        node.put("trolleyPositionM", m.trolleyPositionMetres());
        node.put("motorTempC", m.motorTemperatureCelsius());
        node.put("vibrationRmsMmS", m.vibrationRmsMillimetresPerSecond());
        node.put("energyPct", m.energyPercent());
        ArrayNode faults = node.putArray("faultCodes");
        m.faultCodes().forEach(faults::add);
    }

    private void event(ObjectNode node, EquipmentEvent event) {
        node.put("type", event.type());
        switch (event) {
            case SpreaderLocked e -> spreader(node, e.container().value(), e.position(), e.location().toString());
            case SpreaderUnlocked e -> spreader(node, e.container().value(), e.position(), e.location().toString());
            case FaultRaised e -> node.put("code", e.code()).put("text", e.text());
            case FaultCleared e -> node.put("code", e.code());
            case InstructionAccepted e -> node.put("instruction", e.instruction().value());
            case InstructionRejected e -> node.put("instruction", e.instruction().value()).put("reason", e.reason());
            case InstructionProgress e -> node.put("instruction", e.instruction().value()).put("step", e.step());
            case InstructionCompleted e -> node.put("instruction", e.instruction().value());
            case ReeferAlarmRaised e -> node.put("container", e.container().value()).put("alarm", e.alarm().name())
                    .put("text", e.text());
        }
    }

    private void spreader(ObjectNode node, String container, Position position, String location) {
        node.put("container", container);
        position(node, "position", position);
        node.put("location", location);
    }

    private void order(ObjectNode node, Order m) {
        node.put("instruction", m.instruction().value());
        node.put("container", m.container().value());
        node.put("kind", m.kind().name());
        node.put("from", m.from().toString());
        node.put("to", m.to().toString());
    }

    private void visualization(ObjectNode node, Visualization m) {
        position(node, "position", m.position());
        geo(node, m.geo());
        node.put("headingDeg", m.headingDegrees());
        node.put("speedMps", m.speedMetresPerSecond());
    }

    private void reefer(ObjectNode node, ReeferReading m) {
        node.put("container", m.container().value());
        node.put("slot", m.slot().toString());
        node.put("setPointC", m.setPointCelsius());
        node.put("supplyTempC", m.supplyTemperatureCelsius());
        node.put("returnTempC", m.returnTemperatureCelsius());
        node.put("powerOn", m.powerOn());
        ArrayNode alarms = node.putArray("alarms");
        m.alarms().forEach(a -> alarms.add(a.name()));
    }

    private static void position(ObjectNode node, String field, Position position) {
        node.putObject(field).put("x", position.x()).put("y", position.y());
    }

    private static void geo(ObjectNode node, GeoPosition geo) {
        node.putObject("geo").put("lat", geo.latitude()).put("lon", geo.longitude());
    }
}
