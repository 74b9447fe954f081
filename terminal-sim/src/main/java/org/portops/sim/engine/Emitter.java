package org.portops.sim.engine;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.Position;
import org.portops.model.telemetry.ConnectionMessage;
import org.portops.model.telemetry.ConnectionState;
import org.portops.model.telemetry.EquipmentEvent;
import org.portops.model.telemetry.EventMessage;
import org.portops.model.telemetry.GeoReference;
import org.portops.model.telemetry.StateReading;
import org.portops.model.telemetry.TelemetryMessage;
import org.portops.model.telemetry.Visualization;
import org.portops.model.telemetry.Topic;

/** Wraps what machines say into contract messages with their sequence and the sim time, and hands them on. */
final class Emitter {

    private final String terminal;
    private final GeoReference geo;
    private final TelemetrySink sink;
    private final Supplier<Instant> now;
    private final Map<EquipmentId, StateReading> lastReadings = new HashMap<>();

    Emitter(String terminal, GeoReference geo, TelemetrySink sink, Supplier<Instant> now) {
        this.terminal = terminal;
        this.geo = geo;
        this.sink = sink;
        this.now = now;
    }

    GeoReference geo() {
        return geo;
    }

    String terminal() {
        return terminal;
    }

    void event(SimMachine machine, EquipmentEvent event) {
        send(machine.id(), new EventMessage(machine.id(), machine.nextSequence(), now.get(), event));
    }

    void connection(SimMachine machine, ConnectionState state) {
        send(machine.id(), new ConnectionMessage(machine.id(), machine.nextSequence(), now.get(), state));
    }

    /** A periodic reading, unless the machine's sensors are silenced. */
    void reading(SimMachine machine) {
        if (machine.silent(now.get())) {
            return;
        }
        StateReading reading = machine.reading(now.get(), geo);
        lastReadings.put(machine.id(), reading);
        send(machine.id(), reading);
    }

    /** A position for maps, unless the machine's sensors are silenced. */
    void position(SimMachine machine) {
        if (machine.silent(now.get())) {
            return;
        }
        Position position = machine.position();
        send(machine.id(), new Visualization(machine.id(), machine.nextSequence(), now.get(), position,
                geo.toWgs84(position), machine.heading(), machine.speed()));
    }

    StateReading lastReading(EquipmentId machine) {
        return lastReadings.get(machine);
    }

    /** Sends {@code message} on the topic of machine {@code topicOwner} (which may differ from its payload id). */
    void send(EquipmentId topicOwner, TelemetryMessage message) {
        sink.publish(new Outbound.Message(Topic.of(terminal, topicOwner, message.topic()), message));
    }

    void raw(Outbound.Raw raw) {
        sink.publish(raw);
    }
}
