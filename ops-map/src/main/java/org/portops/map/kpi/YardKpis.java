package org.portops.map.kpi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The yard's and the gate's figures for the map's KPI panel at one moment: each block's fill and rehandles, and the
 * trucks' turn times over a trailing window.
 */
public record YardKpis(Instant at, Duration window, List<BlockKpi> blocks, TruckTurns trucks) {

    public YardKpis {
        blocks = List.copyOf(blocks);
    }

    /**
     * @param capacityTeu     ground positions times the block's tiers, in 20' units
     * @param teu             what stands in the block now, a 40' or 45' box counting two
     * @param boxes           boxes in the block now
     * @param rehandlesDone   rehandles (move kind REHANDLE) out of the block completed in the window
     * @param rehandlesAhead  boxes standing on top of a box an open move is to take out of the block: each must be
     *                        lifted off before that move can start
     */
    public record BlockKpi(String block, double x, double y, double length, double width, int capacityTeu,
                           int teu, int boxes, int rehandlesDone, int rehandlesAhead) {

        public double fill() {
            return capacityTeu == 0 ? 0 : (double) teu / capacityTeu;
        }
    }

    /**
     * Trucks' turn times (gate in to gate out of one truck's visit) that ended in the window.
     *
     * @param minutes each turn, in minutes, in the order the trucks left
     */
    public record TruckTurns(List<Double> minutes) {

        public TruckTurns {
            minutes = List.copyOf(minutes);
        }

        public double meanMinutes() {
            return minutes.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        /** The turn 95 % of trucks stayed within (nearest rank); 0 without trucks. */
        public double p95Minutes() {
            if (minutes.isEmpty()) {
                return 0;
            }
            List<Double> sorted = minutes.stream().sorted().toList();
            return sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
        }
    }

    public int capacityTeu() {
        return blocks.stream().mapToInt(BlockKpi::capacityTeu).sum();
    }

    public int teu() {
        return blocks.stream().mapToInt(BlockKpi::teu).sum();
    }

    public JsonObject toJson() {
        return new JsonObject().put("at", at.toString()).put("windowMinutes", window.toMinutes())
                .put("capacityTeu", capacityTeu()).put("teu", teu())
                .put("blocks", new JsonArray(blocks.stream().map(b -> new JsonObject().put("block", b.block())
                        .put("x", b.x()).put("y", b.y()).put("length", b.length()).put("width", b.width())
                        .put("capacityTeu", b.capacityTeu()).put("teu", b.teu()).put("boxes", b.boxes())
                        .put("fill", b.fill()).put("rehandlesDone", b.rehandlesDone())
                        .put("rehandlesAhead", b.rehandlesAhead())).toList()))
                .put("trucks", new JsonObject().put("turns", trucks.minutes().size())
                        .put("meanMinutes", trucks.meanMinutes()).put("p95Minutes", trucks.p95Minutes())
                        .put("minutes", new JsonArray(trucks.minutes())));
    }
}
