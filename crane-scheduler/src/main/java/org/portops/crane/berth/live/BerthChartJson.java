package org.portops.crane.berth.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.portops.crane.berth.quay.QuayConflict;
import org.portops.crane.berth.quay.QuayLayout;
import org.portops.crane.berth.quay.QuayPlacement;
import org.portops.model.quay.BerthId;
import org.portops.model.quay.Bollard;
import org.portops.model.vessel.VesselCallId;

/**
 * The berth-time chart as JSON, for the event bus and HTTP: {@code quay} (name, length, sections with depths, cranes),
 * {@code time} (the window from the earliest berthing to the latest departure), {@code vessels} (one box each:
 * {@code call}, {@code vessel}, {@code fromMeter}, {@code toMeter}, {@code start}, {@code end}, {@code eta},
 * {@code requestedBerthing}, {@code cranes}, {@code alongside} (moored), {@code fixed} (held where an operator put it),
 * {@code berth} (the layout's berth it lies at in live state), {@code bollards} ({@code fore} and {@code aft}, each
 * {@code id} and {@code meter}; null on a quay without bollards), {@code explanation}), {@code conflicts} and the
 * score. The quay lists its {@code bollards} too.
 */
public final class BerthChartJson {

    private BerthChartJson() {
    }

    public static JsonObject encode(BerthChart chart) {
        JsonArray vessels = new JsonArray();
        chart.vessels().forEach(box -> vessels.add(box(box, chart.quay())));
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
        JsonArray bollards = new JsonArray();
        quay.bollards().forEach(bollard -> bollards.add(bollard(bollard)));
        return new JsonObject().put("name", quay.name()).put("lengthMeters", quay.lengthMeters())
                .put("sections", sections).put("quayCranes", quay.quayCranes())
                .put("clearanceMeters", quay.clearanceMeters()).put("bollards", bollards);
    }

    private static JsonObject bollard(Bollard bollard) {
        return new JsonObject().put("id", bollard.id()).put("meter", bollard.meter());
    }

    private static JsonObject box(BerthChart.Box box, QuayLayout quay) {
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
                .put("alongside", p.alongside() && !box.fixed())
                .put("fixed", box.fixed())
                .put("berth", BerthPlanWriteBack.berthOf(quay, p.fromMeter(), p.toMeter()).map(BerthId::value)
                        .orElse(null))
                .put("bollards", quay.mooring(p.fromMeter(), p.toMeter())
                        .map(mooring -> new JsonObject().put("fore", bollard(mooring.fore()))
                                .put("aft", bollard(mooring.aft())))
                        .orElse(null))
                .put("explanation", new JsonArray(p.explanation()));
    }

    private static JsonObject conflict(QuayConflict conflict) {
        return new JsonObject().put("kind", conflict.kind().name())
                .put("calls", new JsonArray(conflict.calls().stream().map(VesselCallId::value).toList()))
                .put("reason", conflict.reason());
    }
}
