package org.portops.state.json;

import io.vertx.core.json.JsonObject;
import org.portops.model.container.ContainerNumber;
import org.portops.model.event.ContainerMoved;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstructionId;
import org.portops.state.ChangeResult;
import org.portops.state.MoveRefusal;
import org.portops.state.MoveRequest;
import org.portops.state.MoveResult;
import org.portops.state.hazelcast.RefusalSerializer;

/**
 * Moves, their results and slot changes as JSON, for a move made on one node and applied by the yard writer on
 * another (over the clustered event bus). Locations travel as their text, master data as {@link ModelJson}, a
 * refusal as its case name and fields, so the caller gets back the same {@link MoveRefusal} it would get locally.
 */
public final class MoveJson {

    private MoveJson() {
    }

    public static JsonObject request(MoveRequest r) {
        return new JsonObject()
                .put("container", r.container().value())
                .put("kind", r.kind().name())
                .put("from", ModelJson.location(r.from()))
                .put("to", ModelJson.location(r.to()))
                .put("instruction", r.instruction() == null ? null : r.instruction().value())
                .put("masterData", r.masterData() == null ? null : ModelJson.container(r.masterData()));
    }

    public static MoveRequest request(JsonObject json) {
        String instruction = json.getString("instruction");
        JsonObject master = json.getJsonObject("masterData");
        return new MoveRequest(ContainerNumber.of(json.getString("container")), MoveKind.valueOf(json.getString("kind")),
                ModelJson.location(json.getString("from")), ModelJson.location(json.getString("to")),
                instruction == null ? null : new WorkInstructionId(instruction),
                master == null ? null : ModelJson.container(master));
    }

    public static JsonObject result(MoveResult result) {
        return switch (result) {
            case MoveResult.Accepted accepted -> new JsonObject().put("accepted", YardEventJson.encode(accepted.event()));
            case MoveResult.Refused refused -> {
                RefusalSerializer.Fields f = RefusalSerializer.fields(refused.refusal());
                yield new JsonObject()
                        .put("request", request(refused.request()))
                        .put("refusal", new JsonObject().put("case", refused.refusal().getClass().getSimpleName())
                                .put("a", f.a()).put("b", f.b()).put("c", f.c()).put("n", f.n()));
            }
        };
    }

    public static MoveResult result(JsonObject json) {
        JsonObject accepted = json.getJsonObject("accepted");
        if (accepted != null) {
            return new MoveResult.Accepted((ContainerMoved) YardEventJson.decode(accepted));
        }
        JsonObject r = json.getJsonObject("refusal");
        return new MoveResult.Refused(request(json.getJsonObject("request")), RefusalSerializer.refusal(
                r.getString("case"), new RefusalSerializer.Fields(r.getString("a"), r.getString("b"),
                        r.getString("c"), r.getLong("n"))));
    }

    public static JsonObject change(ChangeResult result) {
        return switch (result) {
            case ChangeResult.Applied applied -> new JsonObject().put("applied", true);
            case ChangeResult.Refused refused -> new JsonObject().put("applied", false).put("reason", refused.reason());
        };
    }

    public static ChangeResult change(JsonObject json) {
        return json.getBoolean("applied") ? ChangeResult.APPLIED : new ChangeResult.Refused(json.getString("reason"));
    }
}
