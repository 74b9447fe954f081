package org.portops.map.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.portops.model.event.Alert;
import org.portops.model.event.ContainerMoved;
import org.portops.model.event.EquipmentUpdated;
import org.portops.model.event.VesselCallChanged;
import org.portops.model.event.WorkInstructionChanged;
import org.portops.model.event.YardEvent;
import org.portops.model.work.Location;
import org.portops.state.ContainerView;
import org.portops.state.alert.ActiveAlert;
import org.portops.state.json.ModelJson;

/**
 * Folds the live yard's change events into one delta per flush period: the last word on each container, machine,
 * work instruction, vessel call and alert, so the browser gets at most one update per thing per period however
 * fast the telemetry comes (a crane at 10 Hz is two updates a second at a 200 ms period, not ten). A move never
 * overwrites a newer one: moves are kept by their move-log sequence. Not thread-safe: one Vert.x context owns it.
 */
public final class DeltaCoalescer {

    private final Map<String, JsonArray> containers = new LinkedHashMap<>();
    private final Map<String, Long> containerSequences = new LinkedHashMap<>();
    private final Map<String, JsonObject> machines = new LinkedHashMap<>();
    private final Map<String, JsonObject> instructions = new LinkedHashMap<>();
    private final Map<String, JsonObject> calls = new LinkedHashMap<>();
    private final Map<String, JsonObject> alerts = new LinkedHashMap<>();
    private long serial;
    private long eventsFolded;

    /** Folds one live-yard event in. */
    public void take(YardEvent event) {
        eventsFolded++;
        switch (event) {
            case ContainerMoved moved -> move(moved.container().value(), moved.to(), moved.sequence(),
                    MapJson.move(moved.container().value(), location(moved.to()), moved.sequence()));
            case EquipmentUpdated updated -> machines.put(updated.state().id().value(),
                    MapJson.machine(updated.state()));
            case WorkInstructionChanged changed -> instructions.put(changed.instruction().id().value(),
                    ModelJson.workInstruction(changed.instruction()));
            case VesselCallChanged changed -> calls.put(changed.call().id().value(), MapJson.call(changed.call()));
        }
    }

    /** A container that arrived, with its master data, so the browser can colour it by line, port or weight. */
    public void takeArrival(ContainerView view) {
        eventsFolded++;
        move(view.container().number().value(), view.location(), view.sequence(), MapJson.container(view));
    }

    public void takeAlert(Alert alert, boolean cleared) {
        eventsFolded++;
        JsonObject json = new JsonObject(alert.toMap())
                .put("key", ActiveAlert.key(alert.kind(), alert.subject(), alert.aspect()))
                .put("cleared", cleared);
        alerts.put(json.getString("key"), json);
    }

    /**
     * The delta of everything folded in since the last drain, numbered; empty when nothing changed. Resets.
     *
     * @param sentAt wall-clock time the browser measures the delta's latency against
     */
    public Optional<JsonObject> drain(Instant sentAt) {
        if (containers.isEmpty() && machines.isEmpty() && instructions.isEmpty() && calls.isEmpty()
                && alerts.isEmpty()) {
            return Optional.empty();
        }
        JsonObject delta = new JsonObject()
                .put("serial", ++serial)
                .put("sentAt", sentAt.toEpochMilli())
                .put("events", eventsFolded)
                .put("containers", new JsonArray(List.copyOf(containers.values())))
                .put("machines", new JsonArray(List.copyOf(machines.values())))
                .put("instructions", new JsonArray(List.copyOf(instructions.values())))
                .put("calls", new JsonArray(List.copyOf(calls.values())))
                .put("alerts", new JsonArray(List.copyOf(alerts.values())));
        containers.clear();
        containerSequences.clear();
        machines.clear();
        instructions.clear();
        calls.clear();
        alerts.clear();
        eventsFolded = 0;
        return Optional.of(delta);
    }

    private void move(String container, Location to, long sequence, JsonArray json) {
        Long held = containerSequences.get(container);
        // a move's arrival view can come back from its lookup after a later move of the same box
        if (held != null && sequence != 0 && held > sequence) {
            return;
        }
        JsonArray previous = containers.get(container);
        if (previous != null && previous.size() > json.size() && held != null && held == sequence) {
            return;
        }
        containers.put(container, json);
        containerSequences.put(container, sequence);
    }

    private static String location(Location location) {
        return location == null ? null : location.toString();
    }
}
