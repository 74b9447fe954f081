package org.portops.crane.live;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.crane.dispatch.DispatchSettings;
import org.portops.crane.dispatch.TransportDispatcher;
import org.portops.crane.dispatch.mapping.MappingSettings;
import org.portops.crane.dispatch.mapping.TransportRequestMapper;
import org.portops.crane.dispatch.mapping.TransportRound;
import org.portops.crane.dispatch.mapping.YardCranes;
import org.portops.crane.journal.DecisionJournal;
import org.portops.crane.journal.DispatchEntry;
import org.portops.crane.journal.TimeRange;
import org.portops.crane.live.CallWork.WorkTask;
import org.portops.crane.live.ReplanOutcome.Published;
import org.portops.crane.solver.CraneReplanning;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.event.Addresses;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;
import org.portops.model.work.YardLocation;
import org.portops.state.LiveYard;
import org.portops.state.StackView;
import org.portops.state.testsupport.LiveYardFixture;
import org.portops.state.testsupport.TestLayouts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

/** The sample terminal's vessel calls, read from a real live yard, become crane work the loop plans and publishes. */
class BayPlanWorkSourceTest {
    private static final CraneReplanning.Limits FAST =
            new CraneReplanning.Limits(Duration.ofMillis(300), Duration.ofMillis(100), 3);

    private final TerminalLayout layout = TestLayouts.sample();
    private LiveYardFixture live;
    private Vertx vertx;
    private Pool pool;
    private LiveYard yard;
    private BayPlanWorkSource source;

    @BeforeEach
    void setUp() {
        live = LiveYardFixture.open("crane-bayplan", layout);
        vertx = live.vertx;
        pool = live.pool;
        yard = live.yard;
        source = new BayPlanWorkSource(yard.reader(), layout, new YardRoom(yard.reader(), layout),
                BayPlanWorkSource.Settings.DEFAULTS, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        live.close();
    }

    @Test
    void everyMoveOfTheBayPlanBecomesOneTaskMoveFromWhereLiveStateHasItToAFreeSlot() {
        VesselCall call = berthedCall();
        CallWork work = await(source.workOf(call));

        Map<String, WorkInstruction> moves = work.tasks().stream().flatMap(task -> task.moves().stream())
                .collect(Collectors.toMap(move -> move.container() + "/" + move.kind(), Function.identity()));
        long discharges = call.bayPlan().entries().stream()
                .filter(e -> e.action() == BayPlanAction.DISCHARGE || e.action() == BayPlanAction.RESTOW).count();
        long loads = call.bayPlan().entries().stream()
                .filter(e -> e.action() == BayPlanAction.LOAD || e.action() == BayPlanAction.RESTOW).count();
        assertThat(discharges + loads).as("the sample call has work").isGreaterThan(100);
        assertThat(moves).hasSize((int) (discharges + loads));
        Set<String> discharged = new HashSet<>();
        for (BayPlanEntry entry : call.bayPlan().entries()) {
            VesselLocation onBoard = new VesselLocation(call.id(), entry.slot());
            ContainerNumber number = entry.container().number();
            Location live = await(yard.reader().container(number)).orElseThrow().location();
            switch (entry.action()) {
                case DISCHARGE, RESTOW -> {
                    WorkInstruction off = moves.get(number + "/" + MoveKind.DISCHARGE);
                    assertThat(off.from()).isEqualTo(onBoard).isEqualTo(live);
                    YardLocation to = (YardLocation) off.to();
                    assertThat(discharged.add(to.slot().toString())).as("slot %s given twice", to.slot()).isTrue();
                    StackView stack = await(yard.reader().stack(to.slot().stack()));
                    assertThat(stack.tiers().get(to.slot().tier().level() - 1).status())
                            .as("%s goes to a free slot", number).isEqualTo(StackView.SlotStatus.EMPTY);
                    assertThat(stack.plugged()).isEqualTo(entry.container().isReefer());
                    if (entry.action() == BayPlanAction.RESTOW) {
                        assertThat(moves.get(number + "/" + MoveKind.LOAD).to()).isEqualTo(onBoard);
                    }
                }
                case LOAD -> {
                    WorkInstruction on = moves.get(number + "/" + MoveKind.LOAD);
                    assertThat(on.from()).isEqualTo(live).isInstanceOf(YardLocation.class);
                    assertThat(on.to()).isEqualTo(onBoard);
                }
                case REMAIN_ON_BOARD -> assertThat(moves).doesNotContainKeys(number + "/" + MoveKind.DISCHARGE,
                        number + "/" + MoveKind.LOAD);
            }
        }
        // per bay: discharge before load, deck before hold on discharge: the order rules chain each bay's tasks
        Map<CallWork.TaskId, WorkTask> tasks = work.tasks().stream()
                .collect(Collectors.toMap(WorkTask::id, Function.identity()));
        assertThat(work.orders()).isNotEmpty().allSatisfy(order -> {
            assertThat(tasks.get(order.before()).bay()).isEqualTo(tasks.get(order.after()).bay());
            assertThat(order.before().value()).isLessThan(order.after().value().replace("LOAD", "~"));
        });
        assertThat(work.cranes()).hasSizeBetween(1, BayPlanWorkSource.Settings.DEFAULTS.maxCranes());
        twinLiftsNameEachOther(work);
    }

    /** Two 20' boxes of one row and tier in neighbouring bays, lifted in one task, each naming the other. */
    private static void twinLiftsNameEachOther(CallWork work) {
        Map<WorkInstructionId, WorkTask> taskOf = new HashMap<>();
        Map<WorkInstructionId, WorkInstruction> byId = new HashMap<>();
        work.tasks().forEach(task -> task.moves().forEach(move -> {
            taskOf.put(move.id(), task);
            byId.put(move.id(), move);
        }));
        List<WorkInstruction> twins = byId.values().stream().filter(move -> move.twinWith() != null).toList();
        assertThat(twins).as("the sample call has twin lifts").isNotEmpty();
        for (WorkInstruction twin : twins) {
            WorkInstruction partner = byId.get(twin.twinWith());
            assertThat(partner).as("%s's twin", twin.id()).isNotNull();
            assertThat(partner.twinWith()).isEqualTo(twin.id());
            assertThat(taskOf.get(partner.id())).isSameAs(taskOf.get(twin.id()));
            assertThat(partner.kind()).isEqualTo(twin.kind());
            StowageSlot one = onBoard(twin);
            StowageSlot other = onBoard(partner);
            assertThat(List.of(one.row(), one.tier())).isEqualTo(List.of(other.row(), other.tier()));
            assertThat(Math.abs(one.bay().number() - other.bay().number())).isEqualTo(2);
        }
    }

    private static StowageSlot onBoard(WorkInstruction move) {
        return ((VesselLocation) (move.kind() == MoveKind.DISCHARGE ? move.from() : move.to())).slot();
    }

    @Test
    void aVesselCallChangedInLiveStateGetsAPlanPublishedFromItsBayPlan() {
        CraneSchedulerVerticle verticle = new CraneSchedulerVerticle(yard, new DecisionJournal(vertx, pool), source,
                new CraneScheduler.Settings(FAST, 300, 2, FAST), Clock.systemUTC(), new SimpleMeterRegistry());
        await(vertx.deployVerticle(verticle));
        List<JsonObject> published = new CopyOnWriteArrayList<>();
        vertx.eventBus().<JsonObject>consumer(Addresses.CRANE_PLAN_PUBLISHED, message -> published.add(message.body()));
        VesselCall call = berthedCall();
        CallWork work = await(source.workOf(call));

        await(yard.updateVesselCall(call));

        LivePlan plan = awaitPlan(verticle, call, published);
        assertThat(published.getFirst().getString("call")).isEqualTo(call.id().value());
        Map<String, WorkInstruction> live = new HashMap<>();
        await(yard.reader().workInstructions()).forEach(move -> live.put(move.id().value(), move));
        int moves = work.tasks().stream().mapToInt(task -> task.moves().size()).sum();
        assertThat(plan.instructions()).hasSize(moves)
                .allSatisfy(move -> assertThat(live.get(move.id().value())).isEqualTo(move));
        assertThat(plan.instructions()).filteredOn(move -> move.state() == WorkInstructionState.DISPATCHED)
                .isNotEmpty();
        assertThat(plan.instructions()).as("twin lifts reach live state with their partner")
                .filteredOn(move -> move.twinWith() != null).isNotEmpty();
        assertThat(plan.cranes()).extracting(LivePlan.CraneQueue::crane)
                .containsExactlyElementsOf(work.cranes().stream().map(CallWork.CraneAtBay::crane).toList());
    }

    @Test
    void withTransportInTheLoopEveryDispatchedMoveNamesItsCraneVehicleAndYardCraneAndPlanningKeepsThem() {
        TransportRound round = new TransportRound(vertx, yard, new TransportRequestMapper(layout, MappingSettings.DEFAULTS),
                new TransportDispatcher(layout, DispatchSettings.DEFAULTS.withTimeLimit(Duration.ofMillis(300),
                        Duration.ofMillis(100)), Clock.systemUTC()), YardCranes.of(layout), Clock.systemUTC());
        CraneSchedulerVerticle verticle = new CraneSchedulerVerticle(yard, new DecisionJournal(vertx, pool), source,
                round, new CraneScheduler.Settings(FAST, 300, 2, FAST), Clock.systemUTC(), new SimpleMeterRegistry());
        await(vertx.deployVerticle(verticle));
        List<JsonObject> published = new CopyOnWriteArrayList<>();
        vertx.eventBus().<JsonObject>consumer(Addresses.CRANE_PLAN_PUBLISHED, message -> published.add(message.body()));
        VesselCall call = berthedCall();
        CallWork work = await(source.workOf(call));
        Set<EquipmentId> quayCranes = work.cranes().stream().map(CallWork.CraneAtBay::crane).collect(Collectors.toSet());
        Set<EquipmentId> vehicles = layout.allEquipment().stream().filter(e -> e.kind().isHorizontalTransport())
                .map(Equipment::id).collect(Collectors.toSet());
        YardCranes yardCranes = YardCranes.of(layout);

        LivePlan first = ((Published) await(verticle.startCall(work))).plan();

        List<WorkInstruction> dispatched = await(yard.reader().workInstructions()).stream()
                .filter(move -> move.state() == WorkInstructionState.DISPATCHED).toList();
        assertThat(dispatched).isNotEmpty().allSatisfy(move -> {
            assertThat(quayCranes).contains(move.assigned().getFirst());
            assertThat(move.assigned()).as(move.id().value()).hasSize(3);
            assertThat(vehicles).contains(move.assigned().get(1));
            assertThat(move.assigned().get(2)).isEqualTo(yardCranes.craneFor(move).orElseThrow());
        });
        assertThat(dispatched).extracting(move -> move.assigned().get(1)).doesNotHaveDuplicates();

        // the next crane re-plan keeps the vehicles and yard cranes transport named
        WorkInstruction going = dispatched.getFirst();
        await(yard.updateInstruction(going.start(Instant.now())));
        Instant deadline = Instant.now().plusSeconds(30);
        while (published.stream().noneMatch(fact -> fact.getLong("version") > first.version())) {
            assertThat(Instant.now()).as("a plan after the move started, within 30 s").isBefore(deadline);
            sleep();
        }
        Map<String, WorkInstruction> live = new HashMap<>();
        await(yard.reader().workInstructions()).forEach(move -> live.put(move.id().value(), move));
        for (WorkInstruction move : dispatched) {
            WorkInstruction now = live.get(move.id().value());
            assertThat(now.assigned()).as(move.id().value()).containsAll(move.assigned().subList(1, 3));
        }
    }

    @Test
    void everyTransportDecisionIsJournaledAndAStalledVehiclesUnstartedMoveGoesToAnotherVehicle() {
        TransportRound round = new TransportRound(vertx, yard, new TransportRequestMapper(layout, MappingSettings.DEFAULTS),
                new TransportDispatcher(layout, DispatchSettings.DEFAULTS.withTimeLimit(Duration.ofMillis(300),
                        Duration.ofMillis(100)), Clock.systemUTC()), YardCranes.of(layout), Clock.systemUTC());
        DecisionJournal journal = new DecisionJournal(vertx, pool);
        CraneSchedulerVerticle verticle = new CraneSchedulerVerticle(yard, journal, source, round,
                new CraneScheduler.Settings(FAST, 300, 2, FAST), Clock.systemUTC(), new SimpleMeterRegistry());
        await(vertx.deployVerticle(verticle));
        VesselCall call = berthedCall();
        Instant from = Instant.now().minusSeconds(1);
        await(verticle.startCall(await(source.workOf(call))));
        TimeRange all = new TimeRange(from, Instant.now().plusSeconds(3600));
        Set<EquipmentId> vehicles = layout.allEquipment().stream().filter(e -> e.kind().isHorizontalTransport())
                .map(Equipment::id).collect(Collectors.toSet());

        // the round after the first crane plan: one decision per instruction it changed, with reasons and alternatives
        List<WorkInstruction> named = await(yard.reader().workInstructions()).stream()
                .filter(move -> move.assigned().stream().anyMatch(vehicles::contains)).toList();
        List<DispatchEntry> decided = awaitEntries(() -> await(journal.dispatchesByVesselCall(call.id(), all, 10_000)),
                entries -> entries.size() >= named.size());
        assertThat(named).isNotEmpty();
        assertThat(decided).extracting(entry -> entry.instruction().id())
                .containsExactlyInAnyOrderElementsOf(named.stream().map(WorkInstruction::id).toList());
        assertThat(decided).allSatisfy(entry -> {
            assertThat(entry.trigger().kind()).isEqualTo("CRANE_PLAN");
            assertThat(entry.call()).isEqualTo(call.id());
            assertThat(vehicles).contains(entry.vehicle());
            assertThat(entry.instruction().assigned()).contains(entry.vehicle());
            assertThat(entry.previousVehicle()).isNull();
            assertThat(entry.alternatives()).hasSizeLessThanOrEqualTo(TransportDispatcher.ALTERNATIVES)
                    .noneMatch(alternative -> alternative.machine().equals(entry.vehicle()));
        });
        assertThat(decided).anySatisfy(entry -> assertThat(entry.justifications())
                .anySatisfy(j -> assertThat(j.text()).contains(entry.vehicle().value())));
        assertThat(decided).anySatisfy(entry -> assertThat(entry.alternatives()).hasSize(TransportDispatcher.ALTERNATIVES));

        // a vehicle with a dispatched move it has not started faults: the move is dispatched to another one
        WorkInstruction going = named.stream().filter(move -> move.state() == WorkInstructionState.DISPATCHED)
                .findFirst().orElseThrow();
        EquipmentId stalled = going.assigned().get(1);
        EquipmentState state = await(yard.reader().equipment(stalled)).orElseThrow();
        await(yard.updateEquipment(new EquipmentState(stalled, state.kind(), state.position(), 0, 0,
                EquipmentStatus.FAULT, state.spreader(), null, List.of("ENGINE-3"), Instant.now())));

        List<DispatchEntry> taken = awaitEntries(() -> await(journal.dispatchesByMachine(stalled, all, 10_000)),
                entries -> entries.stream().anyMatch(entry -> stalled.equals(entry.previousVehicle())));
        DispatchEntry moved = taken.stream().filter(entry -> stalled.equals(entry.previousVehicle())).findFirst()
                .orElseThrow();
        assertThat(moved.trigger().kind()).isEqualTo("VEHICLE_STALLED");
        assertThat(moved.trigger().description()).isEqualTo("vehicle " + stalled + " stalled: FAULT");
        assertThat(moved.instruction().id()).isEqualTo(going.id());
        assertThat(moved.instruction().assigned()).doesNotContain(stalled);
        WorkInstruction now = await(yard.reader().workInstruction(going.id())).orElseThrow();
        assertThat(now.state()).isEqualTo(WorkInstructionState.DISPATCHED);
        assertThat(now.assigned()).doesNotContain(stalled).startsWith(going.assigned().getFirst());
        assertThat(await(yard.reader().workInstructions())).filteredOn(move -> !move.state().isTerminal())
                .noneMatch(move -> move.assigned().contains(stalled));
    }

    private static List<DispatchEntry> awaitEntries(Supplier<List<DispatchEntry>> query,
                                                    Predicate<List<DispatchEntry>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<DispatchEntry> entries = query.get();
        while (!done.test(entries) && System.nanoTime() < deadline) {
            sleep();
            entries = query.get();
        }
        return entries;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private VesselCall berthedCall() {
        List<VesselCall> calls = await(yard.reader().vesselCalls());
        return calls.stream().filter(c -> c.berth() != null).findFirst()
                .orElseThrow(() -> new AssertionError("the sample terminal has no berthed call: " + calls));
    }

    private LivePlan awaitPlan(CraneSchedulerVerticle verticle, VesselCall call, List<JsonObject> published) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Promise<LivePlan> plan = Promise.promise();
            vertx.runOnContext(v -> plan.complete(verticle.currentPlan(call.id())));
            LivePlan current = await(plan.future());
            if (current != null && !published.isEmpty()) {
                return current;
            }
            sleep();
        }
        throw new AssertionError("no plan of " + call.id() + " within 60 s");
    }
}
