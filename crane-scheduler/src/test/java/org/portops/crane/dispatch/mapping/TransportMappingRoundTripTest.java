package org.portops.crane.dispatch.mapping;

import org.junit.jupiter.api.Test;
import org.portops.crane.dispatch.DispatchPlan;
import org.portops.crane.dispatch.DispatchSettings;
import org.portops.crane.dispatch.HandoverPoint;
import org.portops.crane.dispatch.TransportDispatcher;
import org.portops.crane.dispatch.TransportJob;
import org.portops.crane.dispatch.TransportJobId;
import org.portops.crane.dispatch.Vehicle;
import org.portops.crane.dispatch.VehicleRoute;
import org.portops.crane.dispatch.mapping.CraneWorkQueue.QueuedMove;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.Position;
import org.portops.model.layout.Inventory;
import org.portops.model.layout.SampleInventory;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.quay.Berth;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.GateLocation;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;
import org.portops.model.work.YardLocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mapping on the real sample terminal and its generated inventory, in plain Java: live state → request → plan →
 * instruction updates → live state again, with the updates applied as the publisher would.
 */
class TransportMappingRoundTripTest {

    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    private static final Duration CYCLE = Duration.ofSeconds(110);

    private final TerminalLayout layout = TerminalLayoutLoader.sample();
    private final Inventory inventory = SampleInventory.generate(layout, 20261124L, NOW);
    private final VesselCall call = inventory.vesselCalls().stream().filter(c -> c.berth() != null).findFirst()
            .orElseThrow();
    private final Map<ContainerNumber, Location> containers = containers();
    private final List<EquipmentId> cranes = ids(EquipmentKind.QUAY_CRANE).subList(0, 3);
    private final List<CraneWorkQueue> queues = CraneWork.queues(layout, call, cranes, 8, NOW, NOW.plusSeconds(30),
            CYCLE, containers::get);
    private final TransportRequestMapper mapper = new TransportRequestMapper(layout, MappingSettings.DEFAULTS);
    private final TransportDispatcher dispatcher = new TransportDispatcher(layout, DispatchSettings.DEFAULTS
            .withTimeLimit(Duration.ofMillis(300), Duration.ofMillis(100)), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void everyQueuedMoveBecomesAJobWithItsEndsAndDueTime() {
        Map<String, WorkInstruction> live = new HashMap<>();
        queues.forEach(q -> q.moves().forEach(m -> live.put(m.instruction().id().value(), m.instruction())));

        MappedRequest mapped = mapper.map(snapshot(NOW, live), null);

        assertThat(mapped.skipped()).isEmpty();
        assertThat(mapped.request().jobs()).hasSize(24);
        assertThat(mapped.request().vehicles()).hasSize(72).allMatch(v -> v.committed().isEmpty());
        Berth berth = layout.quay().berth(call.berth()).orElseThrow();
        int maxBay = call.bayPlan().entries().stream().mapToInt(e -> e.slot().bay().number()).max().orElseThrow();
        double length = call.vessel().lengthOverallMeters();
        for (CraneWorkQueue queue : queues) {
            for (QueuedMove move : queue.moves()) {
                WorkInstruction instruction = move.instruction();
                TransportJob job = job(mapped, instruction.id());
                boolean discharge = instruction.kind() == MoveKind.DISCHARGE;
                VesselLocation vessel = (VesselLocation) (discharge ? instruction.from() : instruction.to());
                YardLocation yard = (YardLocation) (discharge ? instruction.to() : containers.get(instruction.container()));
                double quayMetre = berth.startMeter() + 10 + 20
                        + (vessel.slot().bay().number() - 1) * (length - 50) / (maxBay - 1);
                HandoverPoint quay = new HandoverPoint.UnderCrane(queue.crane(), quayMetre);
                HandoverPoint block = new HandoverPoint.BlockBay(yard.slot().block(), yard.slot().bay().number());
                assertThat(job.pickup()).as(instruction.id().value()).isEqualTo(discharge ? quay : block);
                assertThat(job.drop()).as(instruction.id().value()).isEqualTo(discharge ? block : quay);
                assertThat(job.due()).as(instruction.id().value())
                        .isEqualTo(discharge ? move.plannedEnd() : move.plannedStart());
                assertThat(job.craneMove().crane()).isEqualTo(queue.crane());
                assertThat(job.carriers()).containsExactlyInAnyOrder(EquipmentKind.TERMINAL_TRACTOR,
                        EquipmentKind.STRADDLE_CARRIER);
            }
        }
    }

    @Test
    void planPublishedAndReadBackKeepsDispatchedWorkPinnedAndRoutesTheSame() {
        Map<String, WorkInstruction> live = new HashMap<>();
        queues.forEach(q -> q.moves().forEach(m -> live.put(m.instruction().id().value(), m.instruction())));
        // the crane planner's last two moves of crane 3 are not in live state yet: the plan creates them
        List<QueuedMove> last = queues.get(2).moves();
        live.remove(last.get(6).instruction().id().value());
        live.remove(last.get(7).instruction().id().value());

        MappedRequest mapped = mapper.map(snapshot(NOW, live), null);
        DispatchPlan plan = dispatcher.plan(mapped.request());
        DispatchChanges changes = PlanInstructions.changes(mapped, plan, NOW);
        apply(live, changes);

        assertThat(mapped.created()).containsExactlyInAnyOrder(job(last.get(6)), job(last.get(7)));
        assertThat(changes.updates()).filteredOn(u -> u instanceof InstructionUpdate.Create)
                .extracting(InstructionUpdate::id)
                .containsExactlyInAnyOrder(last.get(6).instruction().id(), last.get(7).instruction().id());
        assertThat(live).hasSize(24);

        Instant later = NOW.plusSeconds(20);
        MappedRequest again = mapper.map(snapshot(later, live), null);
        for (VehicleRoute route : plan.routes()) {
            if (route.trips().isEmpty()) {
                assertThat(again.request().published().route(route.vehicle())).isEmpty();
                continue;
            }
            assertThat(vehicle(again, route.vehicle()).committed()).containsExactly(route.jobIds().getFirst());
            assertThat(again.request().published().route(route.vehicle()))
                    .containsExactlyInAnyOrderElementsOf(route.jobIds());
        }

        DispatchPlan replanned = dispatcher.plan(again.request());
        DispatchChanges second = PlanInstructions.changes(again, replanned, later);
        for (VehicleRoute route : plan.routes()) {
            if (!route.trips().isEmpty()) {
                assertThat(replanned.vehicleOf(route.jobIds().getFirst())).contains(route.vehicle());
                assertThat(replanned.trip(route.jobIds().getFirst()).orElseThrow().pinned()).isTrue();
            }
        }
        assertThat(second.updates()).allMatch(u -> u instanceof InstructionUpdate.Change change
                && change.expected().state() == WorkInstructionState.PLANNED);
        apply(live, second);
        Map<EquipmentId, Long> dispatchedPerVehicle = new HashMap<>();
        live.values().stream().filter(i -> i.state() == WorkInstructionState.DISPATCHED)
                .forEach(i -> dispatchedPerVehicle.merge(i.assigned().getLast(), 1L, Long::sum));
        assertThat(dispatchedPerVehicle.values()).allMatch(count -> count == 1);
    }

    @Test
    void movesThatCannotBecomeJobsAreNamedAndTheRestIsMapped() {
        Map<String, WorkInstruction> live = new HashMap<>();
        queues.forEach(q -> q.moves().forEach(m -> live.put(m.instruction().id().value(), m.instruction())));
        QueuedMove load = queues.getFirst().moves().get(1);
        WorkInstruction fromGate = new WorkInstruction(load.instruction().id(), load.instruction().container(),
                MoveKind.LOAD, new GateLocation("IN-1"), load.instruction().to(), load.instruction().assigned(),
                load.instruction().sequence(), WorkInstructionState.PLANNED, null, NOW);
        live.put(fromGate.id().value(), fromGate);
        Map<ContainerNumber, Location> atGate = new HashMap<>(containers);
        atGate.remove(fromGate.container());

        MappedRequest mapped = mapper.map(new TransportSnapshot(NOW, equipment(NOW), List.copyOf(live.values()),
                atGate, inventory.vesselCalls(), queues), null);

        assertThat(mapped.skipped()).containsExactly("move " + fromGate.id() + " (LOAD): its yard end gate:IN-1 is not "
                + "a yard slot");
        assertThat(mapped.request().jobs()).hasSize(23);
    }

    @Test
    void aQueueOutOfOrderIsRefusedNamingTheMove() {
        List<QueuedMove> moves = queues.getFirst().moves();
        assertThatThrownBy(() -> new CraneWorkQueue(cranes.getFirst(), List.of(moves.get(1), moves.get(0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("work queue of " + cranes.getFirst() + ": move " + moves.get(0).instruction().id()
                        + " starts at " + moves.get(0).plannedStart() + ", before the move queued ahead of it ("
                        + moves.get(1).plannedStart() + ")");
    }

    /** Applies updates as the publisher does, each checked against the version it was made from. */
    private static void apply(Map<String, WorkInstruction> live, DispatchChanges changes) {
        for (InstructionUpdate update : changes.updates()) {
            assertThat(InstructionPublisher.stale(update, Optional.ofNullable(live.get(update.id().value()))))
                    .as(update.describe()).isEmpty();
            live.put(update.id().value(), update.next());
        }
    }

    private TransportSnapshot snapshot(Instant at, Map<String, WorkInstruction> live) {
        return new TransportSnapshot(at, equipment(at), List.copyOf(live.values()), containers,
                inventory.vesselCalls(), queues);
    }

    /** Every machine idle and just heard from: quay cranes along berth B1, tractors in the apron's parking row. */
    private List<EquipmentState> equipment(Instant at) {
        List<EquipmentState> states = new ArrayList<>();
        int transport = 0;
        int crane = 0;
        for (Equipment e : layout.allEquipment()) {
            Position position = e.kind().isQuayCrane() ? new Position(60 + 90 * crane++, 20)
                    : new Position(10 + 6 * transport++, 60);
            states.add(EquipmentState.idleAt(e, position, at));
        }
        return states;
    }

    private Map<ContainerNumber, Location> containers() {
        Map<ContainerNumber, Location> where = new HashMap<>();
        inventory.containers().forEach(p -> where.put(p.container().number(), new YardLocation(p.slot())));
        for (BayPlanEntry entry : call.bayPlan().entries()) {
            if (entry.action().onBoardOnArrival()) {
                where.put(entry.container().number(), new VesselLocation(call.id(), entry.slot()));
            }
        }
        return where;
    }

    private List<EquipmentId> ids(EquipmentKind kind) {
        return layout.allEquipment().stream().filter(e -> e.kind() == kind).map(Equipment::id).toList();
    }

    private static TransportJob job(MappedRequest mapped, WorkInstructionId id) {
        return mapped.request().jobs().stream().filter(j -> j.id().value().equals(id.value())).findFirst().orElseThrow();
    }

    private static TransportJobId job(QueuedMove move) {
        return new TransportJobId(move.instruction().id().value());
    }

    private static Vehicle vehicle(MappedRequest mapped, EquipmentId id) {
        return mapped.request().vehicles().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }
}
