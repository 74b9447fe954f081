package org.portops.ingest;

import java.time.Instant;
import java.util.List;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.equipment.Position;
import org.portops.model.equipment.Spreader;
import org.portops.model.telemetry.ConnectionMessage;
import org.portops.model.telemetry.ConnectionState;
import org.portops.model.telemetry.EquipmentEvent;
import org.portops.model.telemetry.EventMessage;
import org.portops.model.telemetry.GeoReference;
import org.portops.model.telemetry.StateReading;
import org.portops.model.telemetry.TelemetryCodec;
import org.portops.model.telemetry.TelemetryMessage;
import org.portops.model.telemetry.TelemetryTopic;
import org.portops.model.telemetry.Topic;
import org.portops.model.work.Location;
import org.portops.model.work.WorkInstructionId;

/** Contract messages for tests, encoded as a machine would send them. */
final class Messages {

    static final TelemetryCodec CODEC = new TelemetryCodec();

    private Messages() {
    }

    static String topic(String terminal, String machine, TelemetryTopic topic) {
        return Topic.of(terminal, new EquipmentId(machine), topic).toString();
    }

    static byte[] encode(TelemetryMessage message) {
        return CODEC.encode(message);
    }

    static StateReading reading(String machine, EquipmentKind kind, long sequence, Instant at, Position position,
                                double speed) {
        return new StateReading(new EquipmentId(machine), sequence, at, kind, position,
                GeoReference.SAMPLE.toWgs84(position), 90.0, speed, EquipmentStatus.WORKING,
                kind == EquipmentKind.TERMINAL_TRACTOR ? null : Spreader.UNLOCKED, null, 0, null, null, 55.0, 2.0,
                kind == EquipmentKind.QUAY_CRANE ? null : 80.0, List.of());
    }

    static EventMessage event(String machine, long sequence, Instant at, EquipmentEvent event) {
        return new EventMessage(new EquipmentId(machine), sequence, at, event);
    }

    static EventMessage lock(String machine, long sequence, Instant at, String container, String location) {
        return event(machine, sequence, at, new EquipmentEvent.SpreaderLocked(ContainerNumber.of(container),
                new Position(100, 100), Location.parse(location)));
    }

    static EventMessage unlock(String machine, long sequence, Instant at, String container, String location) {
        return event(machine, sequence, at, new EquipmentEvent.SpreaderUnlocked(ContainerNumber.of(container),
                new Position(100, 100), Location.parse(location)));
    }

    static EventMessage fault(String machine, long sequence, Instant at, String code) {
        return event(machine, sequence, at, new EquipmentEvent.FaultRaised(code, "fault " + code));
    }

    static EventMessage accepted(String machine, long sequence, Instant at, String instruction) {
        return event(machine, sequence, at, new EquipmentEvent.InstructionAccepted(new WorkInstructionId(instruction)));
    }

    static EventMessage completed(String machine, long sequence, Instant at, String instruction) {
        return event(machine, sequence, at, new EquipmentEvent.InstructionCompleted(new WorkInstructionId(instruction)));
    }

    static ConnectionMessage connection(String machine, long sequence, Instant at, ConnectionState state) {
        return new ConnectionMessage(new EquipmentId(machine), sequence, at, state);
    }
}
