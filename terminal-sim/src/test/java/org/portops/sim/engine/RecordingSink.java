package org.portops.sim.engine;

import java.util.ArrayList;
import java.util.List;
import org.portops.model.telemetry.EventMessage;
import org.portops.model.telemetry.StateReading;

/** Keeps what the engine publishes, in order, for assertions. */
final class RecordingSink implements TelemetrySink {

    final List<Outbound> all = new ArrayList<>();

    @Override
    public void publish(Outbound message) {
        all.add(message);
    }

    List<StateReading> readings() {
        return all.stream().filter(o -> o instanceof Outbound.Message m && m.message() instanceof StateReading)
                .map(o -> (StateReading) ((Outbound.Message) o).message()).toList();
    }

    List<EventMessage> events() {
        return all.stream().filter(o -> o instanceof Outbound.Message m && m.message() instanceof EventMessage)
                .map(o -> (EventMessage) ((Outbound.Message) o).message()).toList();
    }
}
