package org.portops.crane.berth.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.portops.crane.berth.quay.QuayConflict;
import org.portops.crane.berth.quay.QuayLayout;
import org.portops.crane.berth.quay.QuayPlacement;
import org.portops.model.vessel.VesselCallId;

/**
 * The berth-time chart as JSON, for the event bus and HTTP: {@code quay} (name, length, sections with depths, cranes),
 * {@code time} (the window from the earliest berthing to the latest departure), {@code vessels} (one box each:
 * {@code call}, {@code vessel}, {@code fromMeter}, {@code toMeter}, {@code start}, {@code end}, {@code eta},
 * {@code requestedBerthing}, {@code cranes}, {@code alongside}, {@code explanation}), {@code conflicts} and the score.
 */
public final class BerthChartJson {

    private BerthChartJson() {
    }

    public static JsonObject encode(BerthChart chart) {
        JsonArray vessels = new JsonArray();
        chart.vessels().forEach(box -> vessels.add(box(box)));
        JsonArray conflicts = new JsonArray();
        chart.conflicts().forEach(conflict -> conflicts.add(conflict(conflict)));
        JsonArray totals = new JsonArray();
        chart.totals().forEach(total -> totals.add(new JsonObject().put("constraint", total.constraint())
                .put("score", total.score()).put("matches", total.matches())));
        JsonObject time = new JsonObject();
        chart.vessels().stream().map(box -> box.placement().berthing()).min(Comparable::compareTo)
                .ifPresent(from -> time.put("from", from.toString()));
        chart.vessels().stream().map(box -> box.placement().departure()).max(Comparable::compareTo)
                .ifPresent(to -> time.put("to", to.toString()));
        return new JsonObject()
                .put("version", chart.version())
                .put("trigger", chart.trigger())
                .put("plannedAt", chart.plannedAt().toString())
                .put("replanMillis", chart.replanTime().toMillis())
                .put("quay", quay(chart.quay()))
                .put("time", time)
                .put("vessels", vessels)
                .put("conflicts", conflicts)
                .put("score", chart.score())
                .put("constraints", totals);
    }

    private static JsonObject quay(QuayLayout quay) {
        JsonArray sections = new JsonArray();
        quay.sections().forEach(section -> sections.add(new JsonObject().put("berth", section.berth())
                .put("fromMeter", section.fromMeter()).put("toMeter", section.toMeter())
                .put("depthMeters", section.depthMeters())));
        return new JsonObject().put("name", quay.name()).put("lengthMeters", quay.lengthMeters())
                .put("sections", sections).put("quayCranes", quay.quayCranes())
                .put("clearanceMeters", quay.clearanceMeters());
    }

    private static JsonObject box(BerthChart.Box box) {
        QuayPlacement p = box.placement();
        return new JsonObject()
                .put("call", p.call().value())
                .put("vessel", p.vesselName())
                .put("fromMeter", p.fromMeter())
                .put("toMeter", p.toMeter())
                .put("start", p.berthing().toString())
                .put("end", p.departure().toString())
                .put("eta", box.eta().toString())
                .put("requestedBerthing", box.requestedBerthing().toString())
                .put("cranes", p.cranes())
                .put("alongside", p.alongside())
                .put("explanation", new JsonArray(p.explanation()));
    }

    private static JsonObject conflict(QuayConflict conflict) {
        return new JsonObject().put("kind", conflict.kind().name())
                .put("calls", new JsonArray(conflict.calls().stream().map(VesselCallId::value).toList()))
                .put("reason", conflict.reason());
    }
}
