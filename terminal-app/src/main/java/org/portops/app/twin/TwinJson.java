package org.portops.app.twin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.portops.sim.twin.TwinKpis;

/** A what-if run's figures as JSON, the same for the command line and the HTTP API; NaN (no truck left) as null. */
public final class TwinJson {

    private TwinJson() {
    }

    public static JsonObject of(TwinKpis run) {
        JsonObject cranes = new JsonObject();
        run.craneMoves().entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> a.value().compareTo(b.value())))
                .forEach(e -> cranes.put(e.getKey().value(), e.getValue()));
        return new JsonObject().put("scenario", run.scenario()).put("events", run.events())
                .put("vesselMoves", run.vesselMoves()).put("grossMovesPerCraneHour", number(run.grossMovesPerCraneHour()))
                .put("craneWaitingHours", number(run.craneWaitingHours()))
                .put("craneWaitingShare", number(run.craneWaitingShare())).put("trucksServed", run.trucksServed())
                .put("truckTurnMeanMinutes", number(run.truckTurnMeanMinutes()))
                .put("truckTurnP95Minutes", number(run.truckTurnP95Minutes())).put("yardFill", number(run.yardFill()))
                .put("vessels", new JsonArray(run.vessels().stream().map(v -> new JsonObject()
                        .put("call", v.call().value()).put("berthedHour", v.berthedHour())
                        .put("sailedHour", v.sailedHour())).toList()))
                .put("craneMoves", cranes);
    }

    private static Double number(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
