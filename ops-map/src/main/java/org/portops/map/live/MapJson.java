package org.portops.map.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import org.portops.model.container.Container;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselCall;
import org.portops.state.ContainerView;

/**
 * The compact JSON the browser gets. A container is an array, as the first view carries every container in the
 * terminal (16,000 in the sample) and keys would double its size: {@code [number, location, sequence]} for a move,
 * followed by {@code line, portOfDischarge, weightKg, category, sizeType, reeferSetPointC, imdgClass} when the
 * container's master data comes along (first view, arrival). A location is its canonical text, null once the
 * container left the terminal.
 */
public final class MapJson {

    private MapJson() {
    }

    public static JsonArray container(ContainerView view) {
        Container c = view.container();
        return new JsonArray()
                .add(c.number().value())
                .add(view.location() == null ? null : view.location().toString())
                .add(view.sequence())
                .add(c.line().code())
                .add(c.portOfDischarge().value())
                .add(c.weight().kilograms())
                .add(c.category().name())
                .add(c.sizeType().code())
                .add(c.reeferSetPoint() == null ? null : c.reeferSetPoint().celsius())
                .add(c.imdgClass() == null ? null : c.imdgClass().value());
    }

    public static JsonArray move(String container, String location, long sequence) {
        return new JsonArray().add(container).add(location).add(sequence);
    }

    public static JsonObject machine(EquipmentState s) {
        return new JsonObject()
                .put("id", s.id().value())
                .put("kind", s.kind().name())
                .put("x", round(s.position().x()))
                .put("y", round(s.position().y()))
                .put("heading", round(s.headingDegrees()))
                .put("speed", round(s.speedMetresPerSecond()))
                .put("status", s.status().name())
                .put("spreaderLocked", s.spreader().locked())
                .put("twin", s.spreader().twin())
                .put("load", s.load() == null ? null : s.load().value())
                .put("faults", new JsonArray(new ArrayList<>(s.faultCodes())))
                .put("lastSeen", s.lastSeen().toString());
    }

    /** A vessel call without its bay plan (the map shows the ship alongside and its counts, not every slot). */
    public static JsonObject call(VesselCall call) {
        int discharge = 0;
        int load = 0;
        for (BayPlanEntry entry : call.bayPlan().entries()) {
            if (entry.action() == BayPlanAction.DISCHARGE) {
                discharge++;
            } else if (entry.action() == BayPlanAction.LOAD) {
                load++;
            }
        }
        return new JsonObject()
                .put("id", call.id().value())
                .put("vessel", call.vessel().name())
                .put("lengthOverallMeters", call.vessel().lengthOverallMeters())
                .put("beamMeters", call.vessel().beamMeters())
                .put("voyage", call.voyage().value())
                .put("line", call.line().code())
                .put("berth", call.berth() == null ? null : call.berth().value())
                .put("quayFromMeter", call.quayFromMeter())
                .put("eta", call.eta().toString())
                .put("etb", call.etb() == null ? null : call.etb().toString())
                .put("etd", call.etd().toString())
                .put("discharge", discharge)
                .put("load", load);
    }

    /** Centimetres are plenty for a plan view and keep the stream small. */
    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
