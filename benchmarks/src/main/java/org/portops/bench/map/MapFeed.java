package org.portops.bench.map;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.equipment.Position;
import org.portops.model.equipment.Spreader;
import org.portops.model.event.Addresses;
import org.portops.model.event.EquipmentUpdated;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.TerminalBounds;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.work.MoveKind;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.StackId;
import org.portops.model.yard.Tier;
import org.portops.model.yard.YardSlot;
import org.portops.state.ContainerView;
import org.portops.state.LiveYard;
import org.portops.state.MoveRequest;
import org.portops.state.MoveResult;
import org.portops.state.json.YardEventJson;

/**
 * The benchmark's recorded stream, the same for a given seed on every run: every machine of the layout reports
 * its position at {@code hz} (quay cranes along the quay, yard cranes along their block, tractors round the truck
 * lanes), published on the event bus as the live yard publishes its {@code EquipmentUpdated} facts, each reading
 * stamped with the wall-clock time it was published; and container moves made through the real {@link LiveYard}
 * (20' boxes from a stack's top to another stack with room), so the map's stacks change too.
 */
final class MapFeed {

    private static final int MOVE_ATTEMPTS = 200;

    private final Vertx vertx;
    private final LiveYard yard;
    private final Clock wall;
    private final List<Equipment> machines;
    private final Map<String, double[]> tracks = new HashMap<>();
    private final TerminalLayout layout;
    private final Random random;
    private final Map<StackId, List<ContainerView>> stacks = new HashMap<>();
    private final List<StackId> stackIds = new ArrayList<>();
    final AtomicLong readings = new AtomicLong();
    final AtomicLong movesAccepted = new AtomicLong();
    final AtomicLong movesRefused = new AtomicLong();
    private long tick;

    MapFeed(Vertx vertx, LiveYard yard, TerminalLayout layout, List<ContainerView> containers, long seed, Clock wall) {
        this.vertx = vertx;
        this.yard = yard;
        this.layout = layout;
        this.wall = wall;
        this.random = new Random(seed);
        this.machines = layout.allEquipment();
        for (Equipment machine : machines) {
            tracks.put(machine.id().value(), track(machine.kind()));
        }
        for (BlockLayout block : layout.blocks()) {
            for (int bay = 1; bay <= block.bays(); bay++) {
                for (int row = 1; row <= block.rows(); row++) {
                    StackId stack = StackId.of(block.id().value(), bay, row);
                    stacks.put(stack, new ArrayList<>());
                    stackIds.add(stack);
                }
            }
        }
        List<ContainerView> byTier = containers.stream().filter(view -> view.location() instanceof YardLocation)
                .sorted(Comparator.comparingInt(view -> ((YardLocation) view.location()).slot().tier().level()))
                .toList();
        for (ContainerView view : byTier) {
            if (view.location() instanceof YardLocation at) {
                stacks.get(at.slot().stack()).add(view);
                if (view.container().length().yardBays() == 2) {
                    StackId next = StackId.of(at.slot().block().value(), at.slot().bay().number() + 1,
                            at.slot().row().number());
                    stacks.computeIfAbsent(next, k -> new ArrayList<>()).add(view);
                }
            }
        }
    }

    /** Track of a machine: [x0, x1, y, speed factor, phase]. */
    private double[] track(EquipmentKind kind) {
        double phase = random.nextDouble();
        return switch (kind) {
            case QUAY_CRANE -> new double[] {20, layout.quay().lengthMeters() - 20, 18, 0.02, phase};
            case RTG, RMG, ASC -> {
                BlockLayout block = layout.blocks().get(random.nextInt(layout.blocks().size()));
                double x0 = block.origin().x();
                yield new double[] {x0, x0 + block.bays() * BlockLayout.BAY_PITCH_METRES,
                        block.origin().y() + block.rows() * BlockLayout.ROW_PITCH_METRES / 2, 0.03, phase};
            }
            case TERMINAL_TRACTOR, AGV, STRADDLE_CARRIER, REACH_STACKER -> {
                BlockLayout block = layout.blocks().get(random.nextInt(layout.blocks().size()));
                yield new double[] {0, layout.quay().lengthMeters(), TerminalBounds.truckLaneY(block), 0.1, phase};
            }
        };
    }

    /** One tick: every machine's reading (the tick period is 1/hz), and {@code moves} container moves. */
    void tick(double seconds, int moves) {
        Instant now = wall.instant();
        for (Equipment machine : machines) {
            double[] t = tracks.get(machine.id().value());
            double s = (t[4] + seconds * t[3] / 10) % 2;
            double along = s < 1 ? s : 2 - s;
            Position at = new Position(t[0] + (t[1] - t[0]) * along, t[2]);
            EquipmentState state = new EquipmentState(machine.id(), machine.kind(), at, s < 1 ? 90 : 270,
                    t[3] * 20, EquipmentStatus.WORKING, Spreader.UNLOCKED, null, List.of(), now);
            vertx.eventBus().publish(Addresses.EQUIPMENT_UPDATED,
                    YardEventJson.encode(new EquipmentUpdated(0, now, state)));
            readings.incrementAndGet();
        }
        for (int i = 0; i < moves; i++) {
            for (int attempt = 0; attempt < MOVE_ATTEMPTS && !move(); attempt++) {
                // a random pick that cannot move (empty stack, a 40' on top, a full target) is drawn again
            }
        }
        tick++;
    }

    /**
     * One move of a 20' dry box from a stack's top onto a stack of 20' boxes with room (reefers stay on their
     * plugs); false when the pick cannot.
     */
    private boolean move() {
        StackId from = stackIds.get(random.nextInt(stackIds.size()));
        List<ContainerView> source = stacks.get(from);
        if (source.isEmpty()) {
            return false;
        }
        ContainerView top = source.getLast();
        if (top.container().length().yardBays() != 1 || top.container().reeferSetPoint() != null
                || !(top.location() instanceof YardLocation at)
                || !at.slot().stack().equals(from)) {
            return false;
        }
        StackId to = stackIds.get(random.nextInt(stackIds.size()));
        List<ContainerView> target = stacks.get(to);
        int maxTiers = layout.block(to.block()).orElseThrow().maxTiers();
        if (to.equals(from) || target.size() >= maxTiers
                || target.stream().anyMatch(box -> box.container().length().yardBays() != 1)) {
            return false;
        }
        YardSlot slot = to.at(new Tier(target.size() + 1));
        // the mirror moves at once, so the next moves of this tick see the stacks as they will be
        source.removeLast();
        ContainerView moved = new ContainerView(top.container(), new YardLocation(slot), top.sequence());
        target.add(moved);
        yard.move(MoveRequest.of(top.container().number(), MoveKind.YARD_SHIFT, top.location(), new YardLocation(slot)))
                .onSuccess(result -> {
                    if (result instanceof MoveResult.Refused refused) {
                        if (movesRefused.incrementAndGet() <= 3) {
                            System.err.println("bench map: move refused: " + refused.refusal());
                        }
                    } else {
                        movesAccepted.incrementAndGet();
                    }
                });
        return true;
    }

    long ticks() {
        return tick;
    }
}
