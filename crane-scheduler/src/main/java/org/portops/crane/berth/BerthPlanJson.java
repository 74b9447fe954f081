package org.portops.crane.berth;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The berth plan file: {@code {"instance", "objective", "assignments": [{"vessel": i, "berth": b, "start": t}, …]}},
 * vessel and berth numbers 1-based as in the instance, times in the instance's units, objective the total service
 * time. Reading does not check the plan against an instance: {@link BerthPlanChecker} does.
 */
public final class BerthPlanJson {

    private BerthPlanJson() {
    }

    public static String write(BerthPlan plan) {
        JsonArray assignments = new JsonArray();
        plan.assignments().forEach(a -> assignments.add(new JsonObject()
                .put("vessel", a.vessel()).put("berth", a.berth()).put("start", a.start())));
        return new JsonObject()
                .put("instance", plan.instance())
                .put("objective", plan.objective())
                .put("assignments", assignments)
                .encode();
    }

    public static BerthPlan read(String json) {
        try {
            JsonObject root = new JsonObject(json);
            JsonArray array = required(root.getJsonArray("assignments"), "assignments");
            List<BerthAssignment> assignments = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                JsonObject assignment = required(array.getJsonObject(i), "assignments[" + i + "]");
                String path = "assignments[" + i + "]";
                assignments.add(new BerthAssignment(required(assignment.getInteger("vessel"), path + ".vessel"),
                        required(assignment.getInteger("berth"), path + ".berth"),
                        required(assignment.getInteger("start"), path + ".start")));
            }
            return new BerthPlan(required(root.getString("instance"), "instance"),
                    required(root.getLong("objective"), "objective"), assignments);
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalArgumentException("berth plan file is not the expected JSON: " + e.getMessage(), e);
        }
    }

    private static <T> T required(T value, String path) {
        if (value == null) {
            throw new IllegalArgumentException("berth plan file: " + path + " is missing");
        }
        return value;
    }
}
