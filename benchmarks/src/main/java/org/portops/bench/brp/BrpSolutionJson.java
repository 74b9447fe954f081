package org.portops.bench.brp;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.portops.yard.relocation.BlocksInstance;
import org.portops.yard.relocation.RelocationOp;
import org.portops.yard.relocation.RelocationPlan;

import java.util.ArrayList;
import java.util.List;

/** The solution file: {@code {"instance", "relocations", "max_height", "ops": [...]}}, stacks numbered from 1. */
final class BrpSolutionJson {

    private BrpSolutionJson() {
    }

    static String write(BlocksInstance instance, RelocationPlan plan) {
        JsonArray ops = new JsonArray();
        for (RelocationOp op : plan.ops()) {
            ops.add(switch (op) {
                case RelocationOp.Retrieve r -> new JsonObject().put("op", "retrieve").put("stack", r.stack());
                case RelocationOp.Relocate r -> new JsonObject().put("op", "relocate").put("from", r.from()).put("to", r.to());
            });
        }
        return new JsonObject().put("instance", instance.name()).put("relocations", plan.relocations())
                .put("max_height", instance.maxHeight()).put("ops", ops).encode();
    }

    static RelocationPlan read(String json) {
        JsonArray ops = new JsonObject(json).getJsonArray("ops");
        List<RelocationOp> plan = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            JsonObject op = ops.getJsonObject(i);
            plan.add(switch (op.getString("op")) {
                case "retrieve" -> new RelocationOp.Retrieve(op.getInteger("stack"));
                case "relocate" -> new RelocationOp.Relocate(op.getInteger("from"), op.getInteger("to"));
                default -> throw new IllegalArgumentException("op " + (i + 1) + ": unknown kind \"" + op.getString("op") + "\"");
            });
        }
        return new RelocationPlan(plan);
    }
}
