package org.portops.state;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The live yard at a glance. Slots are counted in 20' ground positions times tiers: a 40' occupies two.
 *
 * @param containerCount containers standing in the yard blocks (not those on vessels or machines)
 */
public record YardSummary(Instant at, int containerCount, int capacitySlots, int occupiedSlots,
                          List<BlockSummary> blocks, Map<String, Integer> equipmentByKind,
                          Map<String, Integer> equipmentByStatus, List<VesselCallSummary> vesselCalls) {

    public YardSummary {
        blocks = List.copyOf(blocks);
        equipmentByKind = Map.copyOf(equipmentByKind);
        equipmentByStatus = Map.copyOf(equipmentByStatus);
        vesselCalls = List.copyOf(vesselCalls);
    }

    /** Occupied share of the yard's slots, 0..1. */
    public double occupancy() {
        return capacitySlots == 0 ? 0 : (double) occupiedSlots / capacitySlots;
    }

    /** One block's occupancy. */
    public record BlockSummary(String block, int capacitySlots, int occupiedSlots, int containerCount,
                               int reservedSlots, int closedSlots, int reeferCount) {
        public JsonObject toJson() {
            return new JsonObject()
                    .put("block", block)
                    .put("capacitySlots", capacitySlots)
                    .put("occupiedSlots", occupiedSlots)
                    .put("containerCount", containerCount)
                    .put("reservedSlots", reservedSlots)
                    .put("closedSlots", closedSlots)
                    .put("reeferCount", reeferCount);
        }
    }

    /** One vessel call: schedule and the size of its bay plan. */
    public record VesselCallSummary(String id, String vessel, String voyage, String line, String berth, Instant eta,
                                    Instant etb, Instant etd, int dischargeCount, int loadCount) {
        public JsonObject toJson() {
            return new JsonObject()
                    .put("id", id)
                    .put("vessel", vessel)
                    .put("voyage", voyage)
                    .put("line", line)
                    .put("berth", berth)
                    .put("eta", eta.toString())
                    .put("etb", etb == null ? null : etb.toString())
                    .put("etd", etd.toString())
                    .put("dischargeCount", dischargeCount)
                    .put("loadCount", loadCount);
        }
    }

    /** The JSON the HTTP endpoint serves; keys as the record components, times ISO-8601. */
    public JsonObject toJson() {
        JsonArray blockArray = new JsonArray();
        blocks.forEach(b -> blockArray.add(b.toJson()));
        JsonArray callArray = new JsonArray();
        vesselCalls.forEach(c -> callArray.add(c.toJson()));
        return new JsonObject()
                .put("at", at.toString())
                .put("containerCount", containerCount)
                .put("capacitySlots", capacitySlots)
                .put("occupiedSlots", occupiedSlots)
                .put("occupancy", Math.round(occupancy() * 10_000) / 10_000.0)
                .put("blocks", blockArray)
                .put("equipmentByKind", new JsonObject(new TreeMap<String, Object>(equipmentByKind)))
                .put("equipmentByStatus", new JsonObject(new TreeMap<String, Object>(equipmentByStatus)))
                .put("vesselCalls", callArray);
    }
}
