package org.portops.model.telemetry;

import java.time.Instant;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentStatus;
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

/** Turns a parsed JSON object into the payload record of a topic, naming the first field that is wrong. */
final class TelemetryDecoder {

    /** The header fields every payload has. */
    private record Envelope(EquipmentId machineId, long sequence, Instant timestamp) {
    }

    TelemetryMessage decode(TelemetryTopic topic, JsonFields json) {
        Envelope h = new Envelope(json.parsed("machineId", EquipmentId::new), json.integer("sequence"),
                json.instant("timestamp"));
        return switch (topic) {
            case CONNECTION -> new ConnectionMessage(h.machineId(), h.sequence(), h.timestamp(),
                    json.enumValue("connectionState", ConnectionState.class));
            case STATE -> state(h, json);
            case EVENTS -> new EventMessage(h.machineId(), h.sequence(), h.timestamp(), event(json));
            case ORDER -> new Order(h.machineId(), h.sequence(), h.timestamp(),
                    json.parsed("instruction", WorkInstructionId::new), json.parsed("container", ContainerNumber::new),
                    json.enumValue("kind", MoveKind.class), json.parsed("from", Location::parse),
                    json.parsed("to", Location::parse));
            case INSTANT_ACTIONS -> new InstantAction(h.machineId(), h.sequence(), h.timestamp(),
                    json.enumValue("action", InstantActionType.class));
            case VISUALIZATION -> new Visualization(h.machineId(), h.sequence(), h.timestamp(),
                    json.position("position"), geo(json), json.number("headingDeg"), json.number("speedMps"));
            case REEFER -> new ReeferReading(h.machineId(), h.sequence(), h.timestamp(),
                    json.parsed("container", ContainerNumber::new), json.parsed("slot", YardSlot::parse),
                    json.number("setPointC"), json.number("supplyTempC"), json.number("returnTempC"),
                    json.bool("powerOn"), json.list("alarms", ReeferAlarm::valueOf));
        };
    }

    private StateReading state(Envelope h, JsonFields json) {
        Spreader spreader = null;
        if (json.present("spreader")) {
            JsonFields s = json.object("spreader");
            spreader = new Spreader(s.bool("locked"), s.bool("twin"));
        }
        return new StateReading(h.machineId(), h.sequence(), h.timestamp(), json.enumValue("kind", EquipmentKind.class),
                json.position("position"), geo(json), json.number("headingDeg"), json.number("speedMps"),
                json.enumValue("status", EquipmentStatus.class), spreader,
                json.optionalParsed("load", ContainerNumber::new), json.smallInteger("loadWeightKg"),
                json.optionalNumber("hoistHeightM"), json.optionalNumber("trolleyPositionM"),
                json.number("motorTempC"), json.number("vibrationRmsMmS"), json.optionalNumber("energyPct"),
                json.list("faultCodes", code -> code));
    }

    private static GeoPosition geo(JsonFields json) {
        JsonFields geo = json.object("geo");
        return new GeoPosition(geo.number("lat"), geo.number("lon"));
    }

    private EquipmentEvent event(JsonFields json) {
        String type = json.text("type");
        return switch (type) {
            case "spreaderLocked" -> new SpreaderLocked(json.parsed("container", ContainerNumber::new),
                    json.position("position"), json.parsed("location", Location::parse));
            case "spreaderUnlocked" -> new SpreaderUnlocked(json.parsed("container", ContainerNumber::new),
                    json.position("position"), json.parsed("location", Location::parse));
            case "faultRaised" -> new FaultRaised(json.text("code"), json.text("text"));
            case "faultCleared" -> new FaultCleared(json.text("code"));
            case "instructionAccepted" -> new InstructionAccepted(json.parsed("instruction", WorkInstructionId::new));
            case "instructionRejected" -> new InstructionRejected(json.parsed("instruction", WorkInstructionId::new),
                    json.text("reason"));
            case "instructionProgress" -> new InstructionProgress(json.parsed("instruction", WorkInstructionId::new),
                    json.text("step"));
            case "instructionCompleted" -> new InstructionCompleted(
                    json.parsed("instruction", WorkInstructionId::new));
            case "reeferAlarmRaised" -> new ReeferAlarmRaised(json.parsed("container", ContainerNumber::new),
                    json.enumValue("alarm", ReeferAlarm.class), json.text("text"));
            default -> throw new TelemetryFormatException("type", "must be one of spreaderLocked, spreaderUnlocked, "
                    + "faultRaised, faultCleared, instructionAccepted, instructionRejected, instructionProgress, "
                    + "instructionCompleted, reeferAlarmRaised, was '" + type + "'");
        };
    }
}
