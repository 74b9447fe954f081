package org.portops.map.layout;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.portops.model.equipment.Equipment;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.GateLane;
import org.portops.model.layout.TerminalBounds;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.quay.Berth;

/**
 * The terminal's plan for {@code GET /api/layout}, in the layout's metres (x along the quay wall, y inland from
 * it): the quay and its berths, every yard block with its stack grid, the truck lanes beside the blocks, the gate
 * lanes on the gate road and the machines by id and kind. The browser draws the plan view from this alone.
 */
public final class LayoutJson {

    static final double GATE_LANE_PITCH_METRES = 6.0;

    private LayoutJson() {
    }

    public static JsonObject of(TerminalLayout layout) {
        TerminalBounds bounds = TerminalBounds.of(layout);
        return new JsonObject()
                .put("terminalCode", layout.terminalCode())
                .put("name", layout.name())
                .put("port", layout.port().value())
                .put("bounds", new JsonObject().put("minX", bounds.minX()).put("maxX", bounds.maxX())
                        .put("minY", bounds.minY()).put("maxY", bounds.maxY()).put("gateRoadY", bounds.gateRoadY()))
                .put("bayPitchMetres", BlockLayout.BAY_PITCH_METRES)
                .put("rowPitchMetres", BlockLayout.ROW_PITCH_METRES)
                .put("quay", quay(layout))
                .put("blocks", new JsonArray(layout.blocks().stream().map(LayoutJson::block).toList()))
                .put("lanes", lanes(layout, bounds))
                .put("gates", gates(layout, bounds))
                .put("machines", new JsonArray(layout.allEquipment().stream().map(LayoutJson::machine).toList()));
    }

    private static JsonObject quay(TerminalLayout layout) {
        return new JsonObject()
                .put("name", layout.quay().name())
                .put("lengthMeters", layout.quay().lengthMeters())
                .put("craneRailY", TerminalBounds.QC_WATERSIDE_RAIL_Y)
                .put("apronQueueY", TerminalBounds.APRON_QUEUE_Y)
                .put("berths", new JsonArray(layout.quay().berths().stream().map(LayoutJson::berth).toList()));
    }

    private static JsonObject berth(Berth berth) {
        return new JsonObject().put("id", berth.id().value()).put("startMeter", berth.startMeter())
                .put("endMeter", berth.endMeter()).put("waterDepthMeters", berth.waterDepthMeters());
    }

    private static JsonObject block(BlockLayout block) {
        return new JsonObject()
                .put("id", block.id().value())
                .put("x", block.origin().x())
                .put("y", block.origin().y())
                .put("bays", block.bays())
                .put("rows", block.rows())
                .put("maxTiers", block.maxTiers())
                .put("reeferRows", new JsonArray(new ArrayList<>(block.reeferRows())))
                .put("craneKind", block.craneKind().name());
    }

    /** The truck lane along each block's landside edge, plus the apron's queue lane under the cranes. */
    private static JsonArray lanes(TerminalLayout layout, TerminalBounds bounds) {
        List<JsonObject> lanes = new ArrayList<>();
        lanes.add(new JsonObject().put("id", "APRON").put("x0", 0.0).put("x1", layout.quay().lengthMeters())
                .put("y", TerminalBounds.APRON_QUEUE_Y));
        for (BlockLayout block : layout.blocks()) {
            lanes.add(new JsonObject().put("id", "TL-" + block.id().value())
                    .put("x0", block.origin().x())
                    .put("x1", block.origin().x() + block.bays() * BlockLayout.BAY_PITCH_METRES)
                    .put("y", TerminalBounds.truckLaneY(block)));
        }
        lanes.add(new JsonObject().put("id", "GATE-ROAD").put("x0", bounds.minX()).put("x1", bounds.maxX())
                .put("y", bounds.gateRoadY()));
        return new JsonArray(lanes);
    }

    /**
     * The layout names the gate lanes but not where they are: they stand on the gate road about the quay's middle,
     * inbound lanes west of outbound ones, a lane every {@value #GATE_LANE_PITCH_METRES} m (where the simulated
     * trucks queue, too).
     */
    private static JsonArray gates(TerminalLayout layout, TerminalBounds bounds) {
        List<JsonObject> gates = new ArrayList<>();
        int inbound = 0;
        int outbound = 0;
        for (GateLane lane : layout.gateLanes()) {
            int index = lane.inbound() ? inbound++ : outbound++;
            double x = layout.quay().lengthMeters() / 2 + (lane.inbound() ? -60 : 20) + index * GATE_LANE_PITCH_METRES;
            gates.add(new JsonObject().put("id", lane.id()).put("inbound", lane.inbound())
                    .put("x", Math.max(bounds.minX(), Math.min(bounds.maxX(), x))).put("y", bounds.gateRoadY())
                    .put("width", GATE_LANE_PITCH_METRES - 1));
        }
        return new JsonArray(gates);
    }

    private static JsonObject machine(Equipment machine) {
        return new JsonObject().put("id", machine.id().value()).put("kind", machine.kind().name())
                .put("model", machine.model());
    }
}
