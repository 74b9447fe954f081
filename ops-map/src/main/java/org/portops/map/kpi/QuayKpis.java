package org.portops.map.kpi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The quay's figures for the map's KPI panel at one moment, over a trailing window: each quay crane's gross moves
 * per hour and whether it stands idle with work (waiting for transport), and each vessel call's rate, progress and
 * completion forecast against its departure.
 */
public record QuayKpis(Instant at, Duration window, List<CraneKpi> cranes, List<VesselKpi> vessels) {

    public QuayKpis {
        cranes = List.copyOf(cranes);
        vessels = List.copyOf(vessels);
    }

    /**
     * @param moves              moves the crane completed in the window
     * @param waitingForTransport idle while its current move is dispatched or under way: the crane waits for a
     *                           vehicle to bring or take the box
     * @param current            the move it holds, if any
     */
    public record CraneKpi(String crane, int moves, double movesPerHour, boolean waitingForTransport, String current) {
    }

    /**
     * @param forecastFinish when the remaining moves end at the window's rate; null while the call has no rate yet
     */
    public record VesselKpi(String call, String vessel, int moves, double movesPerHour, int done, int total,
                            Instant forecastFinish, Instant etd) {

        /** Forecast to finish after its departure time. */
        public boolean late() {
            return forecastFinish != null && forecastFinish.isAfter(etd);
        }
    }

    public JsonObject toJson() {
        return new JsonObject().put("at", at.toString()).put("windowMinutes", window.toMinutes())
                .put("cranes", new JsonArray(cranes.stream().map(c -> new JsonObject().put("crane", c.crane())
                        .put("moves", c.moves()).put("movesPerHour", c.movesPerHour())
                        .put("waitingForTransport", c.waitingForTransport()).put("current", c.current())).toList()))
                .put("vessels", new JsonArray(vessels.stream().map(v -> new JsonObject().put("call", v.call())
                        .put("vessel", v.vessel()).put("moves", v.moves()).put("movesPerHour", v.movesPerHour())
                        .put("done", v.done()).put("total", v.total())
                        .put("forecastFinish", v.forecastFinish() == null ? null : v.forecastFinish().toString())
                        .put("etd", v.etd().toString()).put("late", v.late())).toList()));
    }
}
