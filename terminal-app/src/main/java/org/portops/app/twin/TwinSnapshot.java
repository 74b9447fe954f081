package org.portops.app.twin;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.portops.model.layout.Inventory;
import org.portops.model.layout.PlacedContainer;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;
import org.portops.state.ContainerView;
import org.portops.state.json.ModelJson;

/**
 * A what-if's starting state kept for later: the boxes in the yard where they stood and the vessel calls (alongside,
 * or due with their ETA/ETB) of one terminal at one moment. Saved as versioned JSON, so a what-if can be run again
 * from exactly the same start (a run from the file equals a run from the state it was taken of, with the same seed),
 * and a file from a newer PortOps, another terminal or another program is refused with the reason instead of being
 * half-read.
 */
public record TwinSnapshot(String terminal, Instant takenAt, Inventory inventory) {
    static final String FORMAT = "portops-twin-snapshot";
    /** Raised when the file's meaning changes; a reader refuses versions it does not know. */
    static final int VERSION = 1;

    public TwinSnapshot {
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(takenAt, "taken at");
        Objects.requireNonNull(inventory, "inventory");
    }

    /** Live state as a starting state: the containers in the yard where they stand (others are not in the yard). */
    public static TwinSnapshot ofLive(String terminal, Instant takenAt, List<ContainerView> containers,
                                      List<VesselCall> calls) {
        List<PlacedContainer> placed = new ArrayList<>();
        for (ContainerView view : containers) {
            if (view.location() instanceof YardLocation yardLocation) {
                placed.add(new PlacedContainer(view.container(), yardLocation.slot()));
            }
        }
        return new TwinSnapshot(terminal, takenAt, new Inventory(placed, calls));
    }

    public JsonObject toJson() {
        JsonArray containers = new JsonArray();
        for (PlacedContainer placed : inventory.containers()) {
            containers.add(new JsonObject().put("slot", placed.slot().toString())
                    .put("container", ModelJson.container(placed.container())));
        }
        return new JsonObject().put("format", FORMAT).put("version", VERSION).put("terminal", terminal)
                .put("takenAt", takenAt.toString()).put("containers", containers)
                .put("vesselCalls", new JsonArray(inventory.vesselCalls().stream().map(ModelJson::vesselCall).toList()));
    }

    /**
     * @param source where the JSON came from, for the messages
     * @throws IllegalArgumentException naming the source and what is wrong: another format, an unknown version, a
     *                                  missing field or an entry the model refuses (with its index)
     */
    public static TwinSnapshot fromJson(JsonObject json, String source) {
        if (!FORMAT.equals(json.getValue("format"))) {
            throw new IllegalArgumentException(source + ": not a twin snapshot (format '" + json.getValue("format")
                    + "', expected '" + FORMAT + "')");
        }
        if (!Integer.valueOf(VERSION).equals(json.getValue("version"))) {
            throw new IllegalArgumentException(source + ": twin snapshot version " + json.getValue("version")
                    + " is not one this PortOps reads (it reads version " + VERSION + ")");
        }
        String terminal = text(json, "terminal", source);
        Instant takenAt;
        try {
            takenAt = Instant.parse(text(json, "takenAt", source));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(source + ": takenAt is not an ISO-8601 instant: " + e.getMessage(), e);
        }
        List<PlacedContainer> placed = new ArrayList<>();
        JsonArray containers = array(json, "containers", source);
        for (int i = 0; i < containers.size(); i++) {
            try {
                JsonObject entry = containers.getJsonObject(i);
                placed.add(new PlacedContainer(ModelJson.container(entry.getJsonObject("container")),
                        YardSlot.parse(entry.getString("slot"))));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(source + ": containers[" + i + "]: " + e.getMessage(), e);
            }
        }
        List<VesselCall> calls = new ArrayList<>();
        JsonArray vesselCalls = array(json, "vesselCalls", source);
        for (int i = 0; i < vesselCalls.size(); i++) {
            try {
                calls.add(ModelJson.vesselCall(vesselCalls.getJsonObject(i)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(source + ": vesselCalls[" + i + "]: " + e.getMessage(), e);
            }
        }
        return new TwinSnapshot(terminal, takenAt, new Inventory(placed, calls));
    }

    /** Writes the snapshot to {@code file} whole or not at all (a temporary file moved into place). */
    public void write(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".part");
        try {
            Files.writeString(temporary, toJson().encode(), StandardCharsets.UTF_8);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** @throws IllegalArgumentException when the file is not JSON or not a snapshot this PortOps reads */
    public static TwinSnapshot read(Path file) throws IOException {
        JsonObject json;
        try {
            json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (DecodeException e) {
            throw new IllegalArgumentException(file + ": not a JSON object: " + e.getMessage(), e);
        }
        return fromJson(json, file.toString());
    }

    private static String text(JsonObject json, String field, String source) {
        if (!(json.getValue(field) instanceof String value)) {
            throw new IllegalArgumentException(source + ": " + field + " is missing or not text");
        }
        return value;
    }

    private static JsonArray array(JsonObject json, String field, String source) {
        if (!(json.getValue(field) instanceof JsonArray value)) {
            throw new IllegalArgumentException(source + ": " + field + " is missing or not an array");
        }
        return value;
    }
}
