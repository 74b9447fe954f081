package org.portops.crane.qcsp;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The schedule file: {@code {"instance", "makespan", "cranes": [{"crane": k, "tasks": [{"task": i, "start": t0,
 * "end": t1}, …]}]}}, crane and task numbers 1-based as in the instance, times in the instance's units.
 */
public final class ScheduleJson {

    private ScheduleJson() {
    }

    public static String write(QcspSchedule schedule) {
        JsonArray cranes = new JsonArray();
        for (CraneSchedule crane : schedule.cranes()) {
            JsonArray tasks = new JsonArray();
            crane.tasks().forEach(task -> tasks.add(new JsonObject()
                    .put("task", task.task()).put("start", task.start()).put("end", task.end())));
            cranes.add(new JsonObject().put("crane", crane.crane()).put("tasks", tasks));
        }
        return new JsonObject()
                .put("instance", schedule.instance())
                .put("makespan", schedule.makespan())
                .put("cranes", cranes)
                .encode();
    }

    /** Reads a schedule file; a declared makespan that differs from the tasks' last end is refused. */
    public static QcspSchedule read(String json) {
        try {
            JsonObject root = new JsonObject(json);
            List<CraneSchedule> cranes = new ArrayList<>();
            JsonArray craneArray = required(root.getJsonArray("cranes"), "cranes");
            for (int c = 0; c < craneArray.size(); c++) {
                JsonObject crane = craneArray.getJsonObject(c);
                List<ScheduledTask> tasks = new ArrayList<>();
                JsonArray taskArray = required(crane.getJsonArray("tasks"), "cranes[" + c + "].tasks");
                for (int i = 0; i < taskArray.size(); i++) {
                    JsonObject task = taskArray.getJsonObject(i);
                    String path = "cranes[" + c + "].tasks[" + i + "]";
                    tasks.add(new ScheduledTask(required(task.getInteger("task"), path + ".task"),
                            required(task.getInteger("start"), path + ".start"),
                            required(task.getInteger("end"), path + ".end")));
                }
                cranes.add(new CraneSchedule(required(crane.getInteger("crane"), "cranes[" + c + "].crane"), tasks));
            }
            QcspSchedule schedule = new QcspSchedule(required(root.getString("instance"), "instance"), cranes);
            int declared = required(root.getInteger("makespan"), "makespan");
            if (declared != schedule.makespan()) {
                throw new IllegalArgumentException("schedule file: makespan says " + declared
                        + " but the last task ends at " + schedule.makespan());
            }
            return schedule;
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalArgumentException("schedule file is not the expected JSON: " + e.getMessage(), e);
        }
    }

    private static <T> T required(T value, String path) {
        if (value == null) {
            throw new IllegalArgumentException("schedule file: " + path + " is missing");
        }
        return value;
    }
}
