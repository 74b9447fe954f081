package org.portops.state.json;

import io.vertx.core.json.JsonObject;
import org.portops.model.container.ContainerNumber;
import org.portops.model.event.ContainerMoved;
import org.portops.model.event.EquipmentUpdated;
import org.portops.model.event.VesselCallChanged;
import org.portops.model.event.WorkInstructionChanged;
import org.portops.model.event.YardEvent;
import org.portops.model.work.MoveKind;

import java.time.Instant;

/**
 * The event-bus body of a {@link YardEvent}: a {@link JsonObject}, so events need no codec registration, cross a
 * clustered event bus as they are and are readable by anything that speaks JSON. Every body carries {@code type}
 * (the record's simple name), {@code sequence} and {@code at}, plus:
 * <ul>
 *   <li>ContainerMoved: {@code container}, {@code kind}, {@code from}, {@code to} (location text, null when arriving or
 *       leaving);</li>
 *   <li>EquipmentUpdated: {@code state};</li>
 *   <li>WorkInstructionChanged: {@code instruction};</li>
 *   <li>VesselCallChanged: {@code call}</li>
 * </ul>
 * with the nested records as {@link ModelJson} writes them. {@link #decode(JsonObject)} gives the record back.
 */
public final class YardEventJson {

    private YardEventJson() {
    }

    public static JsonObject encode(YardEvent event) {
        JsonObject json = new JsonObject()
                .put("type", event.getClass().getSimpleName())
                .put("sequence", event.sequence())
                .put("at", event.at().toString());
        return switch (event) {
            case ContainerMoved moved -> json
                    .put("container", moved.container().value())
                    .put("kind", moved.kind().name())
                    .put("from", ModelJson.location(moved.from()))
                    .put("to", ModelJson.location(moved.to()));
            case EquipmentUpdated updated -> json.put("state", ModelJson.equipmentState(updated.state()));
            case WorkInstructionChanged changed -> json.put("instruction", ModelJson.workInstruction(changed.instruction()));
            case VesselCallChanged changed -> json.put("call", ModelJson.vesselCall(changed.call()));
        };
    }

    public static YardEvent decode(JsonObject json) {
        long sequence = json.getLong("sequence");
        Instant at = Instant.parse(json.getString("at"));
        String type = json.getString("type");
        return switch (type) {
            case "ContainerMoved" -> new ContainerMoved(sequence, at, ContainerNumber.of(json.getString("container")),
                    MoveKind.valueOf(json.getString("kind")), ModelJson.location(json.getString("from")),
                    ModelJson.location(json.getString("to")));
            case "EquipmentUpdated" -> new EquipmentUpdated(sequence, at,
                    ModelJson.equipmentState(json.getJsonObject("state")));
            case "WorkInstructionChanged" -> new WorkInstructionChanged(sequence, at,
                    ModelJson.workInstruction(json.getJsonObject("instruction")));
            case "VesselCallChanged" -> new VesselCallChanged(sequence, at,
                    ModelJson.vesselCall(json.getJsonObject("call")));
            default -> throw new IllegalArgumentException("not a yard event type: " + type);
        };
    }
}
