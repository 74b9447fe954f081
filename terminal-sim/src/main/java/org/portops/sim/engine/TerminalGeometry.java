package org.portops.sim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.portops.model.equipment.Position;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.TerminalBounds;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.yard.StackId;

/**
 * Where things are on the ground, derived from the layout: the apron lanes under and behind the quay cranes, the
 * truck lane beside each block, the cross lanes between blocks, the gate road, and the outer bounds no machine
 * leaves. Vehicles drive lanes only: along a lane, across on the nearest cross lane, along the destination lane.
 */
public final class TerminalGeometry {

    /** y of the quay cranes' waterside rail; the trolley position is measured seawards from it. */
    public static final double QC_WATERSIDE_RAIL_Y = TerminalBounds.QC_WATERSIDE_RAIL_Y;
    /** y of the quay crane portal's centre, reported as the crane's position. */
    public static final double QC_PORTAL_Y = 18.0;
    /** y of the lane under the cranes where tractors are loaded and unloaded. */
    public static final double APRON_HANDOVER_Y = 20.0;
    /** y of the apron lane behind the cranes where tractors queue. */
    public static final double APRON_QUEUE_Y = TerminalBounds.APRON_QUEUE_Y;
    /** Apron points closer to the quay than this are reached directly, without lanes. */
    static final double APRON_DEPTH = 60.0;
    /** Trolley distance from row 1's outer edge to a yard block's truck lane, beyond its last row. */
    static final double TRUCK_LANE_OFFSET = TerminalBounds.TRUCK_LANE_OFFSET;
    /** Gap between queued vehicles, bumper to bumper plus a box length. */
    static final double QUEUE_SPACING = 18.0;

    private final TerminalLayout layout;
    private final TerminalBounds bounds;
    private final List<Double> crossLanes;

    public TerminalGeometry(TerminalLayout layout) {
        this.layout = layout;
        this.bounds = TerminalBounds.of(layout);
        TreeSet<Double> lanes = new TreeSet<>();
        List<double[]> spans = new ArrayList<>();
        for (BlockLayout block : layout.blocks()) {
            spans.add(new double[] {block.origin().x(), block.origin().x() + block.bays() * BlockLayout.BAY_PITCH_METRES});
        }
        spans.sort((a, b) -> Double.compare(a[0], b[0]));
        double lastEnd = 0;
        double left = spans.isEmpty() ? 0 : spans.getFirst()[0];
        lanes.add(Math.max(2, left / 2));
        for (double[] span : spans) {
            if (span[0] > lastEnd && lastEnd > 0) {
                lanes.add((lastEnd + span[0]) / 2);
            }
            lastEnd = Math.max(lastEnd, span[1]);
        }
        lanes.add(Math.min(bounds.maxX() - 2, lastEnd + 7.5));
        this.crossLanes = List.copyOf(lanes);
    }

    public TerminalLayout layout() {
        return layout;
    }

    /** The terminal's outer bounds, which no machine leaves. */
    public TerminalBounds bounds() {
        return bounds;
    }

    /** Whether a position lies inside the terminal (seaside including the quay cranes' outreach). */
    public boolean inside(Position p) {
        return bounds.inside(p);
    }

    public double minX() {
        return bounds.minX();
    }

    public double maxX() {
        return bounds.maxX();
    }

    public double minY() {
        return bounds.minY();
    }

    public double maxY() {
        return bounds.maxY();
    }

    static double truckLaneY(BlockLayout block) {
        return TerminalBounds.truckLaneY(block);
    }

    /** The x of the centre of a yard bay, or of a bay pair for a 40'/45'. */
    static double bayX(BlockLayout block, int bay, int yardBays) {
        return block.stackCentre(StackId.of(block.id().value(), bay, 1)).x()
                + (yardBays - 1) * BlockLayout.BAY_PITCH_METRES / 2;
    }

    /** The centre line of a block (where its yard cranes run). */
    static double blockCentreY(BlockLayout block) {
        return block.origin().y() + block.rows() * BlockLayout.ROW_PITCH_METRES / 2;
    }

    /** Where a truck or tractor stands to be served at a block's bay. */
    static Position truckLanePoint(BlockLayout block, double x) {
        return new Position(x, truckLaneY(block));
    }

    Position gatePoint(int laneIndex, boolean inbound) {
        double x = layout.quay().lengthMeters() / 2 + (inbound ? -60 : 20) + laneIndex * 6;
        return new Position(Math.max(bounds.minX(), Math.min(bounds.maxX(), x)), bounds.gateRoadY());
    }

    /** The lane path from {@code from} to {@code to}. */
    List<Position> route(Position from, Position to) {
        if (Math.abs(from.y() - to.y()) < 0.5 || from.y() < APRON_DEPTH && to.y() < APRON_DEPTH) {
            return List.of(to);
        }
        double best = crossLanes.getFirst();
        for (double lane : crossLanes) {
            if (Math.abs(from.x() - lane) + Math.abs(to.x() - lane) < Math.abs(from.x() - best)
                    + Math.abs(to.x() - best)) {
                best = lane;
            }
        }
        return List.of(new Position(best, from.y()), new Position(best, to.y()), to);
    }
}
