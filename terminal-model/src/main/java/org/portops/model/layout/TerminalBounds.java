package org.portops.model.layout;

import org.portops.model.equipment.Position;

/**
 * The ground a terminal's machines stay on, derived from its layout, in terminal coordinates (metres, x along the
 * quay, y inland): from the quay's northern end to beyond the last block and the quay's end, from the quay cranes'
 * outreach over the water to the gate road behind the landside-most truck lane. The simulator keeps every machine
 * inside; the ingest refuses a reading placed outside.
 *
 * @param gateRoadY the y of the gate road, where trucks enter and leave
 */
public record TerminalBounds(double minX, double maxX, double minY, double maxY, double gateRoadY) {

    /** y of the quay cranes' waterside rail; the trolley position is measured seawards from it. */
    public static final double QC_WATERSIDE_RAIL_Y = 3.0;
    /** y of the apron lane behind the quay cranes where tractors queue. */
    public static final double APRON_QUEUE_Y = 42.0;
    /** Distance from a yard block's last row to its truck lane. */
    public static final double TRUCK_LANE_OFFSET = 3.5;
    /** How far quay cranes reach seawards of the waterside rail. */
    private static final double QC_OUTREACH = 70.0;
    /** Room beyond the last block's end for the landside cross lane. */
    private static final double END_MARGIN = 15.0;
    /** Gate road distance behind the landside-most truck lane. */
    private static final double GATE_ROAD_SETBACK = 40.0;
    /** Depth of the gate area behind the gate road. */
    private static final double GATE_AREA_DEPTH = 20.0;

    public static TerminalBounds of(TerminalLayout layout) {
        double landside = APRON_QUEUE_Y;
        double lastEnd = 0;
        for (BlockLayout block : layout.blocks()) {
            landside = Math.max(landside, truckLaneY(block));
            lastEnd = Math.max(lastEnd, block.origin().x() + block.bays() * BlockLayout.BAY_PITCH_METRES);
        }
        double maxX = Math.max(layout.quay().lengthMeters(), lastEnd + END_MARGIN);
        double gateRoadY = landside + GATE_ROAD_SETBACK;
        return new TerminalBounds(0, maxX, QC_WATERSIDE_RAIL_Y - QC_OUTREACH, gateRoadY + GATE_AREA_DEPTH, gateRoadY);
    }

    /** The y of the truck lane beside a block, beyond its last row. */
    public static double truckLaneY(BlockLayout block) {
        return block.origin().y() + block.rows() * BlockLayout.ROW_PITCH_METRES + TRUCK_LANE_OFFSET;
    }

    /** Whether a position lies inside the terminal (seaside including the quay cranes' outreach). */
    public boolean inside(Position p) {
        return p.x() >= minX && p.x() <= maxX && p.y() >= minY && p.y() <= maxY;
    }
}
