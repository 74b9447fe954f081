package org.portops.crane.dispatch.mapping;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.crane.dispatch.DispatchPlan;
import org.portops.crane.dispatch.DispatchSettings;
import org.portops.crane.dispatch.PlannedTrip;
import org.portops.crane.dispatch.TransportDispatcher;
import org.portops.crane.dispatch.TransportJob;
import org.portops.crane.dispatch.TransportJobId;
import org.portops.crane.dispatch.Vehicle;
import org.portops.crane.dispatch.VehicleRoute;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.ExceptionReason;
import org.portops.model.work.Location;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;
import org.portops.state.ChangeResult;
import org.portops.state.ContainerView;
import org.portops.state.LiveYard;
import org.portops.state.YardStateReader;
import org.portops.state.testsupport.TestDatabase;
import org.portops.state.testsupport.TestHazelcast;
import org.portops.state.testsupport.TestLayouts;
import org.portops.state.testsupport.TestPostgres;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

/**
 * The mapping and the publisher against a real live yard (Hazelcast + PostgreSQL) on the small test terminal: two
 * quay cranes work the berthed call CALL1, four tractors carry the boxes.
 */
class TransportMappingLiveTest {

    private static final Duration CYCLE = Duration.ofSeconds(120);
    private static final int MOVES_PER_CRANE = 6;

    private final TerminalLayout layout = TestLayouts.small();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));
    private Vertx vertx;
    private TestDatabase database;
    private Pool pool;
    private HazelcastInstance member;
    private LiveYard yard;
    private List<EquipmentId> cranes;
    private List<EquipmentId> tractors;
    private List<CraneWorkQueue> queues;
    private final TransportRequestMapper mapper = new TransportRequestMapper(layout, MappingSettings.DEFAULTS);
    private TransportDispatcher dispatcher;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        database = TestPostgres.newDatabase(TestPostgres.any());
        pool = database.pool(vertx);
        member = TestHazelcast.member(TestHazelcast.uniqueClusterName("transport-mapping"));
        yard = await(LiveYard.open(vertx, member, pool, layout, clock));
        cranes = ids(EquipmentKind.QUAY_CRANE).subList(0, 2);
        tractors = ids(EquipmentKind.TERMINAL_TRACTOR);
        dispatcher = new TransportDispatcher(layout, DispatchSettings.DEFAULTS
                .withTimeLimit(Duration.ofMillis(300), Duration.ofMillis(100)), clock);
        VesselCall call = await(reader().vesselCalls()).stream().filter(c -> c.berth() != null).findFirst()
                .orElseThrow(() -> new AssertionError("the small terminal's inventory has no berthed call"));
        queues = CraneWork.queues(layout, call, cranes, MOVES_PER_CRANE, clock.instant(), clock.instant().plusSeconds(60),
                CYCLE,
                this::whereIs);
        for (CraneWorkQueue queue : queues) {
            queue.moves().forEach(move -> assertThat(await(yard.updateInstruction(move.instruction())).applied()).isTrue());
        }
        // every tractor reports in now, so none counts as silent
        for (EquipmentId tractor : tractors) {
            report(tractor, EquipmentStatus.IDLE, clock.instant());
        }
    }

    @AfterEach
    void stop() {
        await(yard.close());
        member.shutdown();
        await(pool.close());
        await(vertx.close());
        database.drop();
    }

    @Test
    void stalledTractorIsGivenNoJobs() {
        EquipmentId stalled = tractors.get(1);
        clock.advance(Duration.ofMinutes(5));
        tractors.stream().filter(t -> !t.equals(stalled)).forEach(t -> report(t, EquipmentStatus.IDLE, clock.instant()));

        MappedRequest mapped = map();
        DispatchPlan plan = dispatcher.plan(mapped.request());

        assertThat(mapped.request().vehicles()).extracting(Vehicle::id).doesNotContain(stalled)
                .containsAll(tractors.stream().filter(t -> !t.equals(stalled)).toList());
        assertThat(mapped.unavailable()).containsKey(stalled);
        assertThat(mapped.unavailable().get(stalled)).contains("stalled: not heard from for 300 s");
        assertThat(plan.routes()).extracting(VehicleRoute::vehicle).doesNotContain(stalled);
        assertThat(plan.routes().stream().mapToInt(route -> route.trips().size()).sum())
                .isEqualTo(mapped.request().jobs().size() - plan.deferred().size());
    }

    @Test
    void stalledTractorsDispatchedJobThatItHasNotStartedIsDispatchedToAnotherTractor() {
        EquipmentId stalled = tractors.get(1);
        WorkInstruction first = instruction(queues.getFirst().moves().getFirst().instruction().id());
        apply(first.dispatch(List.of(cranes.getFirst(), stalled), clock.instant()));
        report(stalled, EquipmentStatus.FAULT, clock.instant());

        MappedRequest mapped = map();
        DispatchPlan plan = dispatcher.plan(mapped.request());
        DispatchChanges changes = PlanInstructions.changes(mapped, plan, clock.instant());
        InstructionPublisher.Report report = await(new InstructionPublisher(yard).publish(changes.updates()));

        assertThat(mapped.unavailable().get(stalled)).isEqualTo(stalled + " is FAULT");
        assertThat(mapped.request().vehicles()).extracting(Vehicle::id).doesNotContain(stalled);
        EquipmentId taker = plan.vehicleOf(job(first)).orElseThrow();
        assertThat(taker).isNotEqualTo(stalled);
        assertThat(report.refused()).isEmpty();
        WorkInstruction now = instruction(first.id());
        assertThat(now.state()).isEqualTo(WorkInstructionState.DISPATCHED);
        assertThat(now.assigned()).doesNotContain(stalled).startsWith(cranes.getFirst());
        if (route(plan, taker).getFirst().equals(job(first))) {
            assertThat(now.assigned()).containsExactly(cranes.getFirst(), taker);
        } else {
            assertThat(now.assigned()).as("back with its crane until it is %s's next job", taker)
                    .containsExactly(cranes.getFirst());
        }
        assertThat(changes.moves()).filteredOn(move -> move.job().equals(job(first)))
                .containsExactly(new JobMove(job(first), stalled, taker, now.assigned().contains(taker)));
        assertThat(live(WorkInstructionState.DISPATCHED)).extracting(i -> i.assigned().getLast())
                .as("no tractor holds two dispatched jobs").doesNotHaveDuplicates();
    }

    @Test
    void stalledTractorKeepsItsJobInProgressButTakesNoOther() {
        EquipmentId stalled = tractors.get(1);
        WorkInstruction first = instruction(queues.getFirst().moves().getFirst().instruction().id());
        apply(first.dispatch(List.of(cranes.getFirst(), stalled), clock.instant()));
        apply(instruction(first.id()).start(clock.instant()));
        report(stalled, EquipmentStatus.FAULT, clock.instant());

        MappedRequest mapped = map();
        DispatchPlan plan = dispatcher.plan(mapped.request());

        Vehicle vehicle = mapped.request().vehicles().stream().filter(v -> v.id().equals(stalled)).findFirst()
                .orElseThrow();
        assertThat(vehicle.committed()).containsExactly(job(first));
        assertThat(vehicle.availableFrom()).isEqualTo(clock.instant().plus(MappingSettings.DEFAULTS.unavailableFor()));
        assertThat(route(plan, stalled)).containsExactly(job(first));
    }

    @Test
    void committedJobsArePinnedAndLeftAlone() {
        EquipmentId tractor = tractors.getFirst();
        WorkInstruction started = instruction(queues.getFirst().moves().getFirst().instruction().id());
        apply(started.dispatch(List.of(cranes.getFirst(), tractor), clock.instant()));
        clock.advance(Duration.ofSeconds(5));
        apply(instruction(started.id()).start(clock.instant()));
        WorkInstruction waiting = instruction(queues.get(1).moves().getFirst().instruction().id());
        apply(waiting.dispatch(List.of(cranes.get(1), tractor), clock.instant()));

        MappedRequest mapped = map();
        DispatchPlan plan = dispatcher.plan(mapped.request());
        DispatchChanges changes = PlanInstructions.changes(mapped, plan, clock.instant());

        Vehicle vehicle = vehicle(mapped, tractor);
        assertThat(vehicle.committed()).containsExactly(job(started), job(waiting));
        // in progress: it set off from the pickup when it took the box over
        assertThat(vehicle.availableFrom()).isEqualTo(instruction(started.id()).updatedAt());
        assertThat(vehicle.position()).isEqualTo(mapped.request().jobs().stream()
                .filter(j -> j.id().equals(job(started))).findFirst().orElseThrow().pickup());
        List<PlannedTrip> trips = plan.routes().stream().filter(r -> r.vehicle().equals(tractor)).findFirst()
                .orElseThrow().trips();
        assertThat(trips.subList(0, 2)).extracting(PlannedTrip::id).containsExactly(job(started), job(waiting));
        assertThat(trips.subList(0, 2)).allMatch(PlannedTrip::pinned);
        assertThat(changes.updates()).extracting(InstructionUpdate::id).doesNotContain(started.id(), waiting.id());
        // a dispatched job is waiting on the tractor: nothing more is dispatched to it
        assertThat(changes.updates()).filteredOn(u -> u.next().assigned().contains(tractor))
                .allMatch(u -> u.next().state() == WorkInstructionState.PLANNED);
    }

    @Test
    void craneTwoMinutesBehindShiftsItsLaterDueTimesByTwoMinutes() {
        CraneWorkQueue late = queues.getFirst();
        CraneWorkQueue onTime = queues.get(1);
        MappedRequest before = map();
        // QC 1's first move is done two minutes after its planned end; QC 2's on the dot
        finish(late.moves().getFirst(), late.moves().getFirst().plannedEnd().plus(Duration.ofMinutes(2)));
        finish(onTime.moves().getFirst(), onTime.moves().getFirst().plannedEnd());

        MappedRequest after = map();

        assertThat(after.delays().get(late.crane()).delay()).isEqualTo(Duration.ofMinutes(2));
        assertThat(after.delays().get(late.crane()).measuredOn()).isEqualTo(late.moves().getFirst().instruction().id());
        assertThat(after.delays().get(onTime.crane()).delay()).isZero();
        Map<TransportJobId, Instant> dueBefore = dues(before);
        Map<TransportJobId, Instant> dueAfter = dues(after);
        for (CraneWorkQueue.QueuedMove move : late.moves().subList(1, late.moves().size())) {
            TransportJobId id = new TransportJobId(move.instruction().id().value());
            assertThat(dueAfter.get(id)).as(id.value()).isEqualTo(dueBefore.get(id).plus(Duration.ofMinutes(2)));
        }
        for (CraneWorkQueue.QueuedMove move : onTime.moves().subList(1, onTime.moves().size())) {
            TransportJobId id = new TransportJobId(move.instruction().id().value());
            assertThat(dueAfter.get(id)).as(id.value()).isEqualTo(dueBefore.get(id));
        }
        assertThat(dueAfter).doesNotContainKey(new TransportJobId(late.moves().getFirst().instruction().id().value()));
    }

    @Test
    void publishingDispatchesExactlyOneJobPerVehicleAndLeavesTheRestPlanned() {
        MappedRequest mapped = map();
        DispatchPlan plan = dispatcher.plan(mapped.request());
        DispatchChanges changes = PlanInstructions.changes(mapped, plan, clock.instant());

        InstructionPublisher.Report report = await(new InstructionPublisher(yard).publish(changes.updates()));

        assertThat(report.refused()).isEmpty();
        Map<String, WorkInstruction> live = CraneWork.byId(await(reader().workInstructions()));
        for (VehicleRoute route : plan.routes()) {
            if (route.trips().isEmpty()) {
                continue;
            }
            List<WorkInstruction> versions = route.jobIds().stream().map(id -> live.get(id.value())).toList();
            assertThat(versions.getFirst().state()).as("first job of " + route.vehicle())
                    .isEqualTo(WorkInstructionState.DISPATCHED);
            assertThat(versions.subList(1, versions.size())).as("later jobs of " + route.vehicle())
                    .allMatch(v -> v.state() == WorkInstructionState.PLANNED);
            // the crane stays first on the move, the vehicle joins it
            assertThat(versions).allMatch(v -> v.assigned().size() == 2 && cranes.contains(v.assigned().getFirst())
                    && v.assigned().get(1).equals(route.vehicle()));
        }
        long vehiclesWithWork = plan.routes().stream().filter(r -> !r.trips().isEmpty()).count();
        assertThat(live.values().stream().filter(i -> i.state() == WorkInstructionState.DISPATCHED)).hasSize((int) vehiclesWithWork);
        assertThat(changes.moves()).hasSize(plan.routes().stream().mapToInt(r -> r.trips().size()).sum());
        assertThat(changes.moves()).noneMatch(JobMove::isReassignment);

        // read back from live state, the published plan is the plan's (after a restart nothing is lost)
        MappedRequest again = mapper.map(await(TransportSnapshot.read(reader(), queues, clock)), null);
        for (VehicleRoute route : plan.routes()) {
            assertThat(again.request().published().route(route.vehicle())).containsExactlyInAnyOrderElementsOf(route.jobIds());
            if (!route.trips().isEmpty()) {
                assertThat(vehicle(again, route.vehicle()).committed()).containsExactly(route.jobIds().getFirst());
            }
        }
    }

    @Test
    void republishingAfterAMoveWentInProgressNeverChangesIt() {
        MappedRequest mapped = map();
        DispatchPlan plan = dispatcher.plan(mapped.request());
        await(new InstructionPublisher(yard).publish(PlanInstructions.changes(mapped, plan, clock.instant()).updates()));
        VehicleRoute busy = plan.routes().stream().filter(r -> !r.trips().isEmpty()).findFirst().orElseThrow();
        clock.advance(Duration.ofSeconds(30));
        apply(instruction(new WorkInstructionId(busy.jobIds().getFirst().value())).start(clock.instant()));
        WorkInstruction inProgress = instruction(new WorkInstructionId(busy.jobIds().getFirst().value()));
        // the vehicle breaks down: its other jobs go elsewhere, its job in progress must stay
        report(busy.vehicle(), EquipmentStatus.FAULT, clock.instant());
        clock.advance(Duration.ofSeconds(10));

        MappedRequest next = map(plan);
        DispatchPlan replanned = dispatcher.plan(next.request());
        DispatchChanges changes = PlanInstructions.changes(next, replanned, clock.instant());
        InstructionPublisher.Report report = await(new InstructionPublisher(yard).publish(changes.updates()));

        assertThat(report.refused()).isEmpty();
        assertThat(changes.updates()).extracting(InstructionUpdate::id).doesNotContain(inProgress.id());
        assertThat(instruction(inProgress.id())).isEqualTo(inProgress);
        assertThat(route(replanned, busy.vehicle())).containsExactly(busy.jobIds().getFirst());
        List<TransportJobId> others = busy.jobIds().subList(1, busy.jobIds().size());
        assertThat(others).as("planned jobs of " + busy.vehicle() + " after the one it started").isNotEmpty();
        for (TransportJobId other : others) {
            assertThat(instruction(new WorkInstructionId(other.value())).assigned()).doesNotContain(busy.vehicle());
        }
        assertThat(changes.moves()).filteredOn(m -> others.contains(m.job()))
                .allMatch(m -> busy.vehicle().equals(m.from()) && !m.to().equals(busy.vehicle()))
                .hasSize(others.size());
    }

    @Test
    void staleUpdateIsRefusedWithItsReasonAndTheOthersApply() {
        MappedRequest mapped = map();
        DispatchPlan plan = dispatcher.plan(mapped.request());
        DispatchChanges changes = PlanInstructions.changes(mapped, plan, clock.instant());
        InstructionUpdate target = changes.updates().stream()
                .filter(u -> u.next().state() == WorkInstructionState.PLANNED).findFirst().orElseThrow();
        // between planning and publishing, the operator cancels that move
        clock.advance(Duration.ofSeconds(1));
        apply(instruction(target.id()).cancel(ExceptionReason.of("OPERATOR"), clock.instant()));
        WorkInstruction cancelled = instruction(target.id());

        InstructionPublisher.Report report = await(new InstructionPublisher(yard).publish(changes.updates()));

        assertThat(report.refused()).singleElement().satisfies(outcome -> {
            assertThat(outcome.update()).isEqualTo(target);
            assertThat(outcome.reason()).isEqualTo("work instruction " + target.id()
                    + " moved on since the plan was made: it was PLANNED on [" + target.next().assigned().getFirst()
                    + "] at " + ((InstructionUpdate.Change) target).expected().updatedAt() + ", it is CANCELLED on ["
                    + target.next().assigned().getFirst() + "] at " + cancelled.updatedAt());
        });
        assertThat(report.applied()).isEqualTo(changes.updates().size() - 1);
        assertThat(instruction(target.id())).isEqualTo(cancelled);
    }

    @Test
    void liveYardRefusesAWriteFromAVersionThatMovedOnAndKeepsTheNewerOne() {
        WorkInstruction read = instruction(queues.getFirst().moves().getFirst().instruction().id());
        clock.advance(Duration.ofSeconds(1));
        apply(read.dispatch(List.of(cranes.getFirst(), tractors.get(2)), clock.instant()));
        WorkInstruction held = instruction(read.id());
        WorkInstruction fromOldVersion = read.dispatch(List.of(cranes.getFirst(), tractors.getFirst()),
                clock.instant().plusSeconds(1));

        ChangeResult result = await(yard.replaceInstruction(read, fromOldVersion));

        assertThat(result).isEqualTo(new ChangeResult.Refused("work instruction " + read.id() + " is no longer the "
                + "version this change was made from: it is DISPATCHED on [" + cranes.getFirst() + ", " + tractors.get(2)
                + "] at " + held.updatedAt()));
        assertThat(instruction(read.id())).isEqualTo(held);
        assertThat(await(yard.replaceInstruction(held, held.recall(clock.instant().plusSeconds(2)))).applied()).isTrue();
    }

    @Test
    void creatingAnInstructionLiveStateAlreadyHasIsRefused() {
        WorkInstruction existing = instruction(queues.getFirst().moves().getFirst().instruction().id());
        InstructionUpdate create = new InstructionUpdate.Create(existing.dispatch(
                List.of(cranes.getFirst(), tractors.getFirst()), clock.instant()));

        InstructionPublisher.Report report = await(new InstructionPublisher(yard).publish(List.of(create)));

        assertThat(report.refused()).singleElement().extracting(InstructionPublisher.Outcome::reason)
                .isEqualTo("work instruction " + existing.id() + " was to be created, but live state already has it "
                        + "(PLANNED on [" + cranes.getFirst() + "] at " + existing.updatedAt() + ")");
        assertThat(instruction(existing.id())).isEqualTo(existing);
    }

    @Test
    void aRoundReadsPlansAndPublishesAndTheNextOneChangesNothingCommitted() {
        YardCranes yardCranes = YardCranes.of(layout);
        TransportRound round = new TransportRound(vertx, yard, mapper, dispatcher, yardCranes, clock);

        TransportRound.Outcome first = await(round.run(queues, null));
        clock.advance(Duration.ofSeconds(10));
        TransportRound.Outcome second = await(round.run(queues, first.published()));

        assertThat(first.report().refused()).isEmpty();
        assertThat(first.report().applied()).isEqualTo(first.changes().updates().size()).isPositive();
        List<WorkInstruction> dispatched = await(reader().workInstructions()).stream()
                .filter(i -> i.state() == WorkInstructionState.DISPATCHED).toList();
        // dispatched with all its machines at once: quay crane, vehicle, the yard crane of its yard end
        assertThat(dispatched).allSatisfy(i -> assertThat(i.assigned())
                .containsExactly(i.assigned().getFirst(), i.assigned().get(1), yardCranes.craneFor(i).orElseThrow()));
        assertThat(dispatched).extracting(i -> i.assigned().get(1)).doesNotHaveDuplicates()
                .hasSize((int) first.plan().routes().stream().filter(r -> !r.trips().isEmpty()).count());
        assertThat(second.report().refused()).isEmpty();
        assertThat(second.changes().updates()).extracting(InstructionUpdate::id)
                .doesNotContainAnyElementsOf(dispatched.stream().map(WorkInstruction::id).toList());
        assertThat(second.mapped().request().vehicles()).filteredOn(v -> !v.committed().isEmpty())
                .hasSize(dispatched.size());
    }

    private MappedRequest map() {
        return map(null);
    }

    private MappedRequest map(DispatchPlan published) {
        TransportSnapshot snapshot = await(TransportSnapshot.read(reader(), queues, clock));
        return mapper.map(snapshot, published == null ? null : published.toPublished());
    }

    private YardStateReader reader() {
        return yard.reader();
    }

    private List<EquipmentId> ids(EquipmentKind kind) {
        return layout.allEquipment().stream().filter(e -> e.kind() == kind).map(Equipment::id).toList();
    }

    private Location whereIs(ContainerNumber number) {
        return await(reader().container(number)).map(ContainerView::location).orElse(null);
    }

    private void report(EquipmentId id, EquipmentStatus status, Instant lastSeen) {
        EquipmentState current = await(reader().equipment(id)).orElseThrow();
        assertThat(await(yard.updateEquipment(new EquipmentState(id, current.kind(), current.position(), 0, 0, status,
                current.spreader(), null, List.of(), lastSeen))).applied()).isTrue();
    }

    private List<WorkInstruction> live(WorkInstructionState state) {
        return await(reader().workInstructions()).stream().filter(i -> i.state() == state).toList();
    }

    private WorkInstruction instruction(WorkInstructionId id) {
        return await(reader().workInstruction(id)).orElseThrow();
    }

    private void apply(WorkInstruction next) {
        ChangeResult result = await(yard.updateInstruction(next));
        assertThat(result).isEqualTo(ChangeResult.APPLIED);
    }

    /** The move goes through its life on a tractor and is done at {@code at}. */
    private void finish(CraneWorkQueue.QueuedMove move, Instant at) {
        WorkInstruction current = instruction(move.instruction().id());
        List<EquipmentId> assigned = new ArrayList<>(current.assigned());
        assigned.add(tractors.getLast());
        apply(current.dispatch(assigned, at.minusSeconds(60)));
        apply(instruction(current.id()).start(at.minusSeconds(30)));
        apply(instruction(current.id()).complete(at));
        if (clock.instant().isBefore(at)) {
            clock.advance(Duration.between(clock.instant(), at));
        }
        report(tractors.getLast(), EquipmentStatus.IDLE, clock.instant());
        tractors.stream().filter(t -> !t.equals(tractors.getLast())).forEach(t -> report(t, EquipmentStatus.IDLE,
                clock.instant()));
    }

    private static Map<TransportJobId, Instant> dues(MappedRequest mapped) {
        return mapped.request().jobs().stream().collect(Collectors.toMap(TransportJob::id, TransportJob::due));
    }

    private static TransportJobId job(WorkInstruction instruction) {
        return new TransportJobId(instruction.id().value());
    }

    private static Vehicle vehicle(MappedRequest mapped, EquipmentId id) {
        return mapped.request().vehicles().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<TransportJobId> route(DispatchPlan plan, EquipmentId vehicle) {
        return plan.routes().stream().filter(r -> r.vehicle().equals(vehicle)).findFirst()
                .map(VehicleRoute::jobIds).orElse(List.of());
    }
}
