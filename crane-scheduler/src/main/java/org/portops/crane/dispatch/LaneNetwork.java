package org.portops.crane.dispatch;

import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.KindLimits;
import org.portops.model.equipment.Position;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.TerminalBounds;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.StackId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Driving distances and times on a terminal's lanes, derived from its layout. Vehicles drive lanes, not straight
 * lines, by the same rules the simulator's machines follow: along the lane they are on, across on the cross lane
 * that makes the trip shortest, along the destination lane. The lanes are the handover lane under the quay cranes
 * and the apron behind it (open ground: driven along and across), the truck lane beside each block, and the cross
 * lanes before the first block, in every gap between blocks and beyond the last.
 *
 * <p>A trip's time is a trapezoidal speed profile over its length for the vehicle kind's top speed and
 * acceleration ({@link KindLimits}): accelerate, cruise, brake.
 */
public final class LaneNetwork {

    /** y of the lane under the quay cranes' portals where vehicles take and hand over boxes (the simulator's). */
    public static final double UNDER_CRANE_Y = 20.0;
    /** Points nearer the quay than this are on the open apron, reached directly. */
    static final double APRON_DEPTH = 60.0;
    /** Positions within this of a lane's y are on it. */
    private static final double SAME_LANE = 0.5;

    private final TerminalLayout layout;
    private final TerminalBounds bounds;
    private final Map<BlockId, BlockLayout> blocks;
    private final double[] crossLanes;

    public LaneNetwork(TerminalLayout layout) {
        this.layout = layout;
        this.bounds = TerminalBounds.of(layout);
        this.blocks = layout.blocks().stream().collect(Collectors.toUnmodifiableMap(BlockLayout::id, Function.identity()));
        this.crossLanes = crossLanes(layout);
    }

    public TerminalLayout layout() {
        return layout;
    }

    /** What is wrong with a point on this terminal (unknown block, bay beyond the block, off the quay), if anything. */
    public Optional<String> problem(HandoverPoint point) {
        return switch (point) {
            case HandoverPoint.UnderCrane crane -> crane.quayMetre() > layout.quay().lengthMeters()
                    ? Optional.of(crane.label() + " is beyond the " + layout.quay().lengthMeters() + " m quay")
                    : Optional.empty();
            case HandoverPoint.BlockBay bay -> {
                BlockLayout block = blocks.get(bay.block());
                if (block == null) {
                    yield Optional.of("block " + bay.block() + " is not on terminal " + layout.terminalCode());
                }
                yield bay.bay() > block.bays()
                        ? Optional.of(bay.label() + ": block " + bay.block() + " has " + block.bays() + " bays")
                        : Optional.empty();
            }
            case HandoverPoint.Spot spot -> bounds.inside(spot.position()) ? Optional.empty()
                    : Optional.of(spot.label() + " is outside terminal " + layout.terminalCode());
        };
    }

    /** Where a point lies in terminal coordinates; the point must be valid ({@link #problem}). */
    public Position position(HandoverPoint point) {
        return switch (point) {
            case HandoverPoint.UnderCrane crane -> new Position(crane.quayMetre(), UNDER_CRANE_Y);
            case HandoverPoint.BlockBay bay -> {
                BlockLayout block = blocks.get(bay.block());
                if (block == null) {
                    throw new IllegalArgumentException(problem(point).orElseThrow());
                }
                double x = block.stackCentre(StackId.of(block.id().value(), bay.bay(), 1)).x();
                yield new Position(x, TerminalBounds.truckLaneY(block));
            }
            case HandoverPoint.Spot spot -> spot.position();
        };
    }

    /** The yard block of a point, if it is in a block's truck lane. */
    public Optional<BlockLayout> block(HandoverPoint point) {
        return point instanceof HandoverPoint.BlockBay bay ? Optional.ofNullable(blocks.get(bay.block()))
                : Optional.empty();
    }

    /** Length of the shortest lane route between two points, in metres. */
    public double metres(HandoverPoint from, HandoverPoint to) {
        return metres(position(from), position(to));
    }

    double metres(Position from, Position to) {
        double dy = Math.abs(from.y() - to.y());
        if (dy < SAME_LANE) {
            return Math.abs(from.x() - to.x());
        }
        if (from.y() < APRON_DEPTH && to.y() < APRON_DEPTH) {
            return Math.abs(from.x() - to.x()) + dy;
        }
        double best = Double.MAX_VALUE;
        for (double lane : crossLanes) {
            best = Math.min(best, Math.abs(from.x() - lane) + Math.abs(to.x() - lane));
        }
        return best + dy;
    }

    /** Driving time in whole seconds (rounded up) over {@code metres} for a vehicle of {@code kind}. */
    public static int seconds(EquipmentKind kind, double metres) {
        if (metres <= 0) {
            return 0;
        }
        KindLimits limits = KindLimits.of(kind);
        double v = limits.maxSpeedMetresPerSecond();
        double a = limits.maxAccelerationMetresPerSecond2();
        // accelerating to v and braking from it take v/a each and cover v²/a together
        double seconds = metres >= v * v / a ? metres / v + v / a : 2 * Math.sqrt(metres / a);
        return (int) Math.ceil(seconds - 1e-9);
    }

    /** The x of every cross lane, in order: the simulator's rule, so plans and simulated drives agree. */
    private static double[] crossLanes(TerminalLayout layout) {
        List<double[]> spans = new ArrayList<>();
        for (BlockLayout block : layout.blocks()) {
            spans.add(new double[] {block.origin().x(), block.origin().x() + block.bays() * BlockLayout.BAY_PITCH_METRES});
        }
        spans.sort(Comparator.comparingDouble(span -> span[0]));
        TreeSet<Double> lanes = new TreeSet<>();
        double lastEnd = 0;
        lanes.add(Math.max(2, spans.isEmpty() ? 0 : spans.getFirst()[0] / 2));
        for (double[] span : spans) {
            if (span[0] > lastEnd && lastEnd > 0) {
                lanes.add((lastEnd + span[0]) / 2);
            }
            lastEnd = Math.max(lastEnd, span[1]);
        }
        lanes.add(Math.min(TerminalBounds.of(layout).maxX() - 2, lastEnd + 7.5));
        return lanes.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
