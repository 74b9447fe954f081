package org.portops.state.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.StackId;
import org.portops.model.yard.Tier;
import org.portops.model.yard.YardSlot;
import org.portops.state.ContainerView;
import org.portops.state.StackView;
import org.portops.state.YardMaps;
import org.portops.state.YardStateReader;
import org.portops.state.YardSummary;
import org.portops.state.block.BlockCounts;
import org.portops.state.block.BlockState;
import org.portops.state.block.ReadBlockCounts;
import org.portops.state.block.ReadStack;
import org.portops.state.block.StackCells;
import org.portops.state.custody.TrackedContainer;
import org.portops.state.query.BayPlanOf;
import org.portops.state.query.ContainerAttributes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/**
 * Reads the live yard from Hazelcast, asynchronously: single entries through {@code getAsync} and read-only entry
 * processors, whole-map listings on a worker thread. Stack contents are resolved against the containers map: a
 * cell shows a container only if that container's entry says it stands there, so a container mid-move shows in
 * exactly one place.
 */
public final class HazelcastYardReader implements YardStateReader {

    private static final Comparator<VesselCall> BY_ETA =
            Comparator.comparing(VesselCall::eta).thenComparing(c -> c.id().value());
    private static final Comparator<WorkInstruction> BY_SEQUENCE =
            Comparator.comparingLong(WorkInstruction::sequence).thenComparing(w -> w.id().value());

    private final Vertx vertx;
    private final YardMaps maps;
    private final TerminalLayout layout;
    private final Clock clock;
    private final Set<String> blockIds = new LinkedHashSet<>();

    public HazelcastYardReader(Vertx vertx, YardMaps maps, TerminalLayout layout, Clock clock) {
        this.vertx = vertx;
        this.maps = maps;
        this.layout = layout;
        this.clock = clock;
        layout.blocks().forEach(block -> blockIds.add(block.id().value()));
    }

    @Override
    public Future<YardSummary> summary() {
        Future<Map<String, BlockCounts>> counts = hz(maps.blocks().submitToKeys(blockIds, new ReadBlockCounts()));
        Future<List<EquipmentState>> equipment = equipment();
        Future<List<VesselCall>> calls = vesselCalls();
        return Future.all(counts, equipment, calls).map(all -> summary(counts.result(), equipment.result(),
                calls.result()));
    }

    private YardSummary summary(Map<String, BlockCounts> counts, List<EquipmentState> equipment,
                                List<VesselCall> calls) {
        List<YardSummary.BlockSummary> blocks = new ArrayList<>();
        int containers = 0;
        int capacity = 0;
        int occupied = 0;
        for (String id : blockIds) {
            BlockCounts c = counts.get(id);
            if (c == null) {
                continue;
            }
            blocks.add(new YardSummary.BlockSummary(id, c.capacitySlots(), c.occupiedSlots(), c.containers(),
                    c.reservedSlots(), c.closedSlots(), c.reefers()));
            containers += c.containers();
            capacity += c.capacitySlots();
            occupied += c.occupiedSlots();
        }
        Map<String, Integer> byKind = new TreeMap<>();
        Map<String, Integer> byStatus = new TreeMap<>();
        for (EquipmentState state : equipment) {
            byKind.merge(state.kind().name(), 1, Integer::sum);
            byStatus.merge(state.status().name(), 1, Integer::sum);
        }
        List<YardSummary.VesselCallSummary> callSummaries = calls.stream().map(call -> {
            int discharge = 0;
            int load = 0;
            for (BayPlanEntry entry : call.bayPlan().entries()) {
                if (entry.action() == BayPlanAction.DISCHARGE) {
                    discharge++;
                } else if (entry.action() == BayPlanAction.LOAD) {
                    load++;
                }
            }
            return new YardSummary.VesselCallSummary(call.id().value(), call.vessel().name(), call.voyage().value(),
                    call.line().code(), call.berth() == null ? null : call.berth().value(), call.eta(), call.etb(),
                    call.etd(), discharge, load);
        }).toList();
        return new YardSummary(clock.instant(), containers, capacity, occupied, blocks, byKind, byStatus,
                callSummaries);
    }

    @Override
    public Future<Optional<ContainerView>> container(ContainerNumber number) {
        return hz(maps.containers().getAsync(number.value())).map(tracked -> tracked == null || !tracked.inTerminal()
                ? Optional.empty()
                : Optional.of(new ContainerView(tracked.container(), tracked.location(), tracked.sequence())));
    }

    @Override
    public Future<List<ContainerView>> containers() {
        return vertx.executeBlocking(() -> maps.containers().values().stream()
                .filter(TrackedContainer::inTerminal)
                .map(tracked -> new ContainerView(tracked.container(), tracked.location(), tracked.sequence()))
                .toList(), false);
    }

    @Override
    public Future<StackView> stack(StackId stack) {
        Optional<BlockLayout> block = layout.block(stack.block());
        if (block.isEmpty() || stack.bay().number() > block.get().bays() || stack.row().number() > block.get().rows()) {
            return Future.failedFuture(new IllegalArgumentException("stack " + stack + " is not in the yard"));
        }
        return hz(maps.blocks().submitToKey(stack.block().value(),
                new ReadStack(stack.bay().number(), stack.row().number())))
                .compose(cells -> cells == null
                        ? Future.failedFuture(new IllegalStateException("block " + stack.block() + " is not loaded"))
                        : resolve(stack, cells));
    }

    private Future<StackView> resolve(StackId stack, StackCells cells) {
        Set<String> named = new LinkedHashSet<>();
        for (String container : cells.containers()) {
            if (container != null) {
                named.add(container);
            }
        }
        List<Future<TrackedContainer>> lookups = new ArrayList<>();
        List<String> order = new ArrayList<>(named);
        for (String container : order) {
            lookups.add(hz(maps.containers().getAsync(container)));
        }
        return Future.all(lookups).map(all -> {
            Map<String, TrackedContainer> tracked = new HashMap<>();
            for (int i = 0; i < order.size(); i++) {
                tracked.put(order.get(i), lookups.get(i).result());
            }
            return view(stack, cells, tracked);
        });
    }

    static StackView view(StackId stack, StackCells cells, Map<String, TrackedContainer> tracked) {
        List<StackView.TierView> tiers = new ArrayList<>(cells.maxTiers());
        for (int t = 1; t <= cells.maxTiers(); t++) {
            int i = t - 1;
            String container = cells.containers()[i];
            boolean longContainer = cells.spans()[i] != BlockState.SINGLE;
            StackView.SlotStatus status = StackView.SlotStatus.EMPTY;
            if (container != null) {
                int headBay = cells.spans()[i] == BlockState.TAIL ? cells.bay() - 1 : cells.bay();
                YardSlot standsAt = YardSlot.of(cells.block(), headBay, cells.row(), t);
                TrackedContainer entry = tracked.get(container);
                boolean here = entry != null && entry.location() instanceof YardLocation yard
                        && yard.slot().equals(standsAt);
                if (here) {
                    status = StackView.SlotStatus.OCCUPIED;
                } else if (cells.states()[i] == BlockState.INBOUND) {
                    status = StackView.SlotStatus.RESERVED;
                }
            }
            tiers.add(new StackView.TierView(new Tier(t), status,
                    status == StackView.SlotStatus.EMPTY ? null : ContainerNumber.of(container),
                    status != StackView.SlotStatus.EMPTY && longContainer, cells.closed()[i]));
        }
        return new StackView(stack, cells.maxTiers(), cells.plugged(), tiers);
    }

    @Override
    public Future<Optional<EquipmentState>> equipment(EquipmentId id) {
        return hz(maps.equipment().getAsync(id.value())).map(Optional::ofNullable);
    }

    @Override
    public Future<List<EquipmentState>> equipment() {
        return vertx.executeBlocking(() -> maps.equipment().values().stream()
                .sorted(Comparator.comparing(s -> s.id().value())).toList(), false);
    }

    @Override
    public Future<Optional<VesselCall>> vesselCall(VesselCallId id) {
        return hz(maps.vesselCalls().getAsync(id.value())).map(Optional::ofNullable);
    }

    @Override
    public Future<List<VesselCall>> vesselCalls() {
        return vertx.executeBlocking(() -> maps.vesselCalls().values().stream()
                .sorted(BY_ETA).toList(), false);
    }

    @Override
    public Future<List<VesselCall>> vesselCallsCarrying(ContainerNumber container) {
        String number = container.value();
        return vertx.executeBlocking(() -> maps.vesselCalls().project(new BayPlanOf(number),
                        ContainerAttributes.callsCarrying(container))
                .stream().sorted(BY_ETA).toList(), false);
    }

    @Override
    public Future<Optional<WorkInstruction>> workInstruction(WorkInstructionId id) {
        return hz(maps.workInstructions().getAsync(id.value())).map(Optional::ofNullable);
    }

    @Override
    public Future<List<WorkInstruction>> workInstructions() {
        return vertx.executeBlocking(() -> maps.workInstructions().values().stream()
                .sorted(BY_SEQUENCE).toList(), false);
    }

    @Override
    public Future<List<WorkInstruction>> workInstructions(ContainerNumber container) {
        return vertx.executeBlocking(() -> maps.workInstructions()
                .values(ContainerAttributes.instructionsOf(container))
                .stream().sorted(BY_SEQUENCE).toList(), false);
    }

    /** Hazelcast completes on its own threads; results are handed back on the caller's Vert.x context. */
    private <T> Future<T> hz(CompletionStage<T> stage) {
        return HazelcastFutures.on(vertx.getOrCreateContext(), stage);
    }
}
