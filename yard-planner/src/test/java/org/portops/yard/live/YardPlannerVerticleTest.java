package org.portops.yard.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portops.state.testsupport.Await.await;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerLength;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.LineOperator;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.event.Addresses;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;
import org.portops.state.ContainerView;
import org.portops.state.LiveYard;
import org.portops.state.MoveRequest;
import org.portops.state.MoveResult;
import org.portops.state.StackView;
import org.portops.state.json.ModelJson;
import org.portops.state.store.LogEntry;
import org.portops.state.store.MoveLog;
import org.portops.state.testsupport.TestDatabase;
import org.portops.state.testsupport.TestHazelcast;
import org.portops.state.testsupport.TestLayouts;
import org.portops.state.testsupport.TestPostgres;
import org.portops.yard.slot.Departure;
import org.portops.yard.slot.Housekeeping;
import org.portops.yard.slot.LoadingHousekeeping;

/**
 * The yard planner in a live yard (embedded PostgreSQL, Hazelcast, the small test terminal seeded with its sample
 * inventory and vessel calls): announcements on the event bus become planned instructions to slots the live yard
 * then accepts, explained; housekeeping becomes yard shifts the live yard accepts too.
 */
class YardPlannerVerticleTest {
    private static final int DEFAULT_BUDGET = Housekeeping.Settings.DEFAULTS.moveBudget();
    private final TerminalLayout layout = TestLayouts.small();
    private final List<JsonObject> decided = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private HazelcastInstance hazelcast;
    private TestDatabase database;
    private Pool pool;
    private LiveYard live;
    private YardPlannerVerticle verticle;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        hazelcast = TestHazelcast.member(TestHazelcast.uniqueClusterName("yard-planner-live"));
        database = TestPostgres.newDatabase(TestPostgres.any());
        pool = database.pool(vertx);
        live = await(LiveYard.open(vertx, hazelcast, pool, layout, Clock.systemUTC()));
        vertx.eventBus().<JsonObject>consumer(Addresses.YARD_SLOT_DECIDED, m -> decided.add(m.body()));
        verticle = new YardPlannerVerticle(live, layout, LiveYardPlanner.Settings.DEFAULTS, Duration.ZERO,
                Clock.systemUTC());
        await(vertx.deployVerticle(verticle));
    }

    @AfterEach
    void tearDown() {
        await(live.close());
        await(pool.close());
        await(vertx.close());
        hazelcast.shutdown();
        database.drop();
    }

    @Test
    void aDischargeListGetsExplainedSlotsAsPlannedInstructionsThatTheLiveYardAccepts() throws Exception {
        VesselCall call = callWithDischarges();
        List<BayPlanEntry> onBoard = onBoard(call);
        assertThat(onBoard).as("the sample call discharges containers still on board").isNotEmpty();

        await(live.updateVesselCall(call));

        List<WorkInstruction> planned = new ArrayList<>();
        for (BayPlanEntry entry : onBoard) {
            planned.add(instruction(new WorkInstructionId("WI-" + call.id() + "-" + entry.container().number()
                    + "-DIS")));
        }
        Set<YardSlot> slots = new HashSet<>();
        for (int i = 0; i < planned.size(); i++) {
            WorkInstruction w = planned.get(i);
            assertThat(w.state()).isEqualTo(WorkInstructionState.PLANNED);
            assertThat(w.kind()).isEqualTo(MoveKind.DISCHARGE);
            assertThat(w.from()).isEqualTo(new VesselLocation(call.id(), onBoard.get(i).slot()));
            YardSlot slot = ((YardLocation) w.to()).slot();
            assertThat(slots.add(slot)).as("every container its own slot: " + slot).isTrue();
            assertThat(layout.block(slot.block()).orElseThrow().fits(slot, onBoard.get(i).container().length()))
                    .isTrue();
            if (onBoard.get(i).container().isReefer()) {
                assertThat(layout.block(slot.block()).orElseThrow().hasPlug(slot.stack())).as(w.id() + " reefer")
                        .isTrue();
            }
            StackView stack = await(live.reader().stack(slot.stack()));
            assertThat(stack.tiers().get(slot.tier().level() - 1).status()).as(slot + " is free")
                    .isEqualTo(StackView.SlotStatus.EMPTY);
        }
        awaitDecisions(onBoard.size());
        for (JsonObject fact : decided) {
            assertThat(fact.getString("kind")).isEqualTo("DISCHARGE");
            assertThat(fact.getString("score")).contains("hard").contains("soft");
            assertThat(fact.getJsonArray("reasons")).isNotNull();
        }
        assertThat(decided.stream().flatMap(f -> f.getJsonArray("reasons").stream()).map(Object::toString).toList())
                .as("the travel from the berth is explained").anyMatch(r -> r.contains("Travel"));

        // the discharges are carried out as planned, lowest tier first: the live yard accepts each one
        List<WorkInstruction> byTier = new ArrayList<>(planned);
        byTier.sort(java.util.Comparator.comparingInt(w -> ((YardLocation) w.to()).slot().tier().level()));
        for (WorkInstruction w : byTier) {
            MoveResult result = await(live.move(MoveRequest.of(w.container(), MoveKind.DISCHARGE, w.from(), w.to())
                    .forInstruction(w.id())));
            assertThat(result).as(w.id() + " to " + w.to()).isInstanceOf(MoveResult.Accepted.class);
        }

        // announced again (the call changes), nothing is planned twice
        int before = decided.size();
        await(live.updateVesselCall(call));
        Thread.sleep(500);
        assertThat(decided).hasSize(before);
    }

    @Test
    void aGateInAnnouncementGetsASlotNoReservedDischargeHoldsAndFailsClearlyWhenRepeated() {
        VesselCall call = callWithDischarges();
        List<BayPlanEntry> onBoard = onBoard(call);
        await(live.updateVesselCall(call));
        Set<YardSlot> reserved = new HashSet<>();
        for (BayPlanEntry entry : onBoard) {
            reserved.add(((YardLocation) instruction(new WorkInstructionId("WI-" + call.id() + "-"
                    + entry.container().number() + "-DIS")).to()).slot());
        }
        // one discharge is carried out: the planner's picture is read again, the other reservations must survive
        WorkInstruction first = instruction(new WorkInstructionId("WI-" + call.id() + "-"
                + onBoard.getFirst().container().number() + "-DIS"));
        YardSlot firstSlot = ((YardLocation) first.to()).slot();
        if (firstSlot.tier().level() == 1) {
            assertThat(await(live.move(MoveRequest.of(first.container(), MoveKind.DISCHARGE, first.from(),
                    first.to())))).isInstanceOf(MoveResult.Accepted.class);
        }

        Container box = empty(123);
        JsonObject request = new JsonObject().put("container", ModelJson.container(box)).put("lane", "IN-1");
        JsonObject reply = await(vertx.eventBus().<JsonObject>request(Addresses.YARD_SLOT_REQUEST, request)).body();

        YardSlot slot = YardSlot.parse(reply.getString("slot"));
        assertThat(reserved).as("a slot reserved for a discharge is not given again").doesNotContain(slot);
        WorkInstruction gateIn = instruction(new WorkInstructionId(reply.getString("instruction")));
        assertThat(gateIn.kind()).isEqualTo(MoveKind.GATE_IN);
        assertThat(gateIn.from().toString()).isEqualTo("gate:IN-1");
        assertThat(gateIn.to()).isEqualTo(new YardLocation(slot));
        assertThat(reply.getJsonArray("reasons")).isInstanceOf(JsonArray.class);
        assertThat(await(live.move(MoveRequest.arrival(box, MoveKind.GATE_IN, gateIn.from(), gateIn.to()))))
                .isInstanceOf(MoveResult.Accepted.class);

        reserved.add(slot);
        // a container the planner did not plan is set down on a free slot; the next decisions must see it
        Container unplanned = empty(124);
        YardSlot above = freeSlotNoneReserved(reserved);
        assertThat(await(live.move(MoveRequest.arrival(unplanned, MoveKind.GATE_IN,
                new org.portops.model.work.GateLocation("IN-2"), new YardLocation(above)))))
                .isInstanceOf(MoveResult.Accepted.class);
        for (int serial = 125; serial < 130; serial++) {
            YardSlot next = YardSlot.parse(await(vertx.eventBus().<JsonObject>request(Addresses.YARD_SLOT_REQUEST,
                    new JsonObject().put("container", ModelJson.container(empty(serial))).put("lane", "IN-1")))
                    .body().getString("slot"));
            StackView stack = await(live.reader().stack(next.stack()));
            assertThat(stack.tiers().get(next.tier().level() - 1).status()).as(next + " is free").isEqualTo(
                    StackView.SlotStatus.EMPTY);
            assertThat(next.tier().level() == 1 || stack.tiers().get(next.tier().level() - 2).status()
                    == StackView.SlotStatus.OCCUPIED || reserved.contains(new YardSlot(next.stack(),
                    new org.portops.model.yard.Tier(next.tier().level() - 1)))).as(next + " is supported").isTrue();
            assertThat(reserved.add(next)).as(next + " given once").isTrue();
        }
        assertThat(verticle.planner().yardReads()).as("moves followed one by one: the yard was read once").isOne();

        assertThatThrownBy(() -> await(vertx.eventBus().request(Addresses.YARD_SLOT_REQUEST, request)))
                .isInstanceOf(ReplyException.class).hasMessageContaining("is in the terminal already");
        assertThatThrownBy(() -> await(vertx.eventBus().request(Addresses.YARD_SLOT_REQUEST,
                new JsonObject().put("lane", "IN-1"))))
                .isInstanceOf(ReplyException.class).hasMessageContaining("needs container, lane");
    }

    @Test
    void housekeepingInAQuietBlockLowersItsExpectedRehandlesWithShiftsTheLiveYardAccepts() {
        String block = layout.blocks().getFirst().id().value();
        JsonObject reply = await(vertx.eventBus().<JsonObject>request(Addresses.YARD_HOUSEKEEPING_REQUEST,
                new JsonObject().put("block", block)), 120).body();

        JsonArray rounds = reply.getJsonArray("rounds");
        assertThat(rounds).hasSize(1);
        JsonObject round = rounds.getJsonObject(0);
        assertThat(round.getString("block")).isEqualTo(block);
        assertThat(round.getDouble("expectedAfter")).isLessThan(round.getDouble("expectedBefore"));
        JsonArray moves = round.getJsonArray("moves");
        assertThat(moves.size()).isBetween(1, DEFAULT_BUDGET);
        for (int i = 0; i < moves.size(); i++) {
            JsonObject move = moves.getJsonObject(i);
            WorkInstruction w = instruction(new WorkInstructionId(move.getString("instruction")));
            assertThat(w.kind()).isEqualTo(MoveKind.YARD_SHIFT);
            assertThat(w.state()).isEqualTo(WorkInstructionState.PLANNED);
            assertThat(w.from().toString()).isEqualTo("yard:" + move.getString("from"));
            assertThat(move.getString("reason")).contains(w.container().value());
            MoveResult result = await(live.move(MoveRequest.of(w.container(), MoveKind.YARD_SHIFT, w.from(),
                    w.to()).forInstruction(w.id())));
            assertThat(result).as("move " + (i + 1) + ": " + move).isInstanceOf(MoveResult.Accepted.class);
        }
        JsonObject again = await(vertx.eventBus().<JsonObject>request(Addresses.YARD_HOUSEKEEPING_REQUEST,
                new JsonObject().put("block", block)), 120).body();
        assertThat(again.getJsonArray("rounds")).as("its shifts are still open: the block is not quiet").isEmpty();
    }

    @Test
    void loadingHousekeepingMovesACallsContainersTowardsItsBerthWithShiftsTheLiveYardAccepts() {
        // 30 of the 20' containers in the yard become one call's load list (bay 01, three tiers of ten rows)
        List<ContainerView> inYard = await(live.reader().containers()).stream()
                .filter(v -> v.location() instanceof YardLocation && v.container().length() == ContainerLength.TWENTY)
                .sorted(Comparator.comparing(v -> v.container().number().value())).limit(30).toList();
        List<BayPlanEntry> loads = new ArrayList<>();
        for (int i = 0; i < inYard.size(); i++) {
            loads.add(new BayPlanEntry(StowageSlot.of(1, i % 10 + 1, 2 + 2 * (i / 10)), inYard.get(i).container(),
                    BayPlanAction.LOAD));
        }
        VesselCall call = await(live.reader().vesselCalls()).getFirst().withBayPlan(new BayPlan(loads));
        WorkerExecutor worker = vertx.createSharedWorkerExecutor("loading-housekeeping-test", 1);
        LiveYardPlanner planner = new LiveYardPlanner(live, layout, LiveYardPlanner.Settings.DEFAULTS,
                Clock.systemUTC(), worker, PickupAppointments.over(vertx.eventBus()));

        LiveYardPlanner.LoadingRound round = await(planner.loadingHousekeeping(List.of(call),
                new LoadingHousekeeping.Settings(10, 200, 0.25)), 120);

        assertThat(round.round().after().total(200)).isLessThan(round.round().before().total(200));
        assertThat(round.instructions()).hasSize(round.round().moves().size()).hasSizeBetween(1, 10);
        for (int i = 0; i < round.instructions().size(); i++) {
            LoadingHousekeeping.Move move = round.round().moves().get(i);
            WorkInstruction w = instruction(round.instructions().get(i));
            assertThat(w.kind()).isEqualTo(MoveKind.YARD_SHIFT);
            assertThat(w.state()).isEqualTo(WorkInstructionState.PLANNED);
            assertThat(w.from()).isEqualTo(new YardLocation(move.from()));
            assertThat(w.to()).isEqualTo(new YardLocation(move.to()));
            assertThat(move.reason()).contains(w.container().value());
            MoveResult result = await(live.move(MoveRequest.of(w.container(), MoveKind.YARD_SHIFT, w.from(),
                    w.to()).forInstruction(w.id())));
            assertThat(result).as("move " + (i + 1) + ": " + move).isInstanceOf(MoveResult.Accepted.class);
        }
        worker.close();
    }

    @Test
    void aLoadingHousekeepingRequestWritesExplainedShiftsAndPlansNothingNewWhileTheyAreOpen() {
        // containers on no sample call's load list, as other calls may be due too
        Set<ContainerNumber> loaded = new HashSet<>();
        await(live.reader().vesselCalls()).forEach(c -> c.bayPlan().entries().stream()
                .filter(e -> e.action() == BayPlanAction.LOAD).forEach(e -> loaded.add(e.container().number())));
        List<ContainerView> inYard = await(live.reader().containers()).stream()
                .filter(v -> v.location() instanceof YardLocation && v.container().length() == ContainerLength.TWENTY)
                .filter(v -> !loaded.contains(v.container().number()))
                .sorted(Comparator.comparing(v -> v.container().number().value())).limit(30).toList();
        List<BayPlanEntry> loads = new ArrayList<>();
        for (int i = 0; i < inYard.size(); i++) {
            loads.add(new BayPlanEntry(StowageSlot.of(1, i % 10 + 1, 2 + 2 * (i / 10)), inYard.get(i).container(),
                    BayPlanAction.LOAD));
        }
        Instant now = Instant.now();
        // due: it arrives within the 24 h horizon
        VesselCall call = await(live.reader().vesselCalls()).getFirst().withBayPlan(new BayPlan(loads))
                .withTimes(now.plus(Duration.ofHours(6)), null, now.plus(Duration.ofHours(20)));
        await(live.updateVesselCall(call));

        JsonObject first = loadingHousekeeping();

        assertThat(first.getJsonArray("calls")).contains(call.id().value());
        assertThat(first.containsKey("open")).isFalse();
        assertThat(first.getJsonObject("after").getDouble("total"))
                .isLessThan(first.getJsonObject("before").getDouble("total"));
        JsonArray moves = first.getJsonArray("moves");
        assertThat(moves.size()).isBetween(1, LoadingHousekeeping.Settings.DEFAULTS.moveBudget());
        for (int i = 0; i < moves.size(); i++) {
            JsonObject move = moves.getJsonObject(i);
            WorkInstruction w = instruction(new WorkInstructionId(move.getString("instruction")));
            assertThat(w.kind()).isEqualTo(MoveKind.YARD_SHIFT);
            assertThat(w.state()).isEqualTo(WorkInstructionState.PLANNED);
            assertThat(w.container().value()).isEqualTo(move.getString("container"));
            assertThat(w.from().toString()).contains(move.getString("from"));
            assertThat(w.to().toString()).contains(move.getString("to"));
            assertThat(move.getString("reason")).as("move " + (i + 1)).contains(w.container().value());
        }
        long shifts = loadingShifts();
        assertThat(shifts).isEqualTo(moves.size());

        JsonObject second = loadingHousekeeping();

        assertThat(second.getJsonArray("moves")).as("no pile-up while the first round's shifts are open").isEmpty();
        assertThat(second.getLong("open")).isEqualTo(moves.size());
        assertThat(loadingShifts()).isEqualTo(shifts);

    }

    private JsonObject loadingHousekeeping() {
        return await(vertx.eventBus().<JsonObject>request(Addresses.YARD_LOADING_HOUSEKEEPING_REQUEST,
                new JsonObject(), new DeliveryOptions().setSendTimeout(120_000)), 120).body();
    }

    private long loadingShifts() {
        return await(live.reader().workInstructions()).stream()
                .filter(w -> w.id().value().startsWith(LiveYardPlanner.LOADING_SHIFT)).count();
    }

    @Test
    void aPickupAppointmentIsItsContainersExpectedDepartureFromTheGatesAnswerAndItsFacts() {
        Container box = importBox(321);
        YardSlot slot = freeSlotNoneReserved(Set.of());
        assertThat(await(live.move(MoveRequest.arrival(box, MoveKind.GATE_IN,
                new org.portops.model.work.GateLocation("IN-1"), new YardLocation(slot)))))
                .isInstanceOf(MoveResult.Accepted.class);
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(2));
        JsonObject booked = pickup(box, start, "BOOKED");
        // the gate's answer when the planner reads the yard; a drop-off in it is no departure
        vertx.eventBus().<JsonObject>consumer(Addresses.GATE_APPOINTMENTS_OPEN, m -> m.reply(new JsonObject()
                .put("appointments", new JsonArray().add(booked)
                        .add(pickup(importBox(322), start, "BOOKED").put("kind", "DROP_OFF")))));
        LiveYardPlanner planner = verticle.planner();
        Departure window = new Departure(start, start.plus(Duration.ofHours(1)));

        assertThat(await(planner.expectedDeparture(box.number()))).contains(window);

        vertx.eventBus().publish(Addresses.GATE_APPOINTMENT_CHANGED, pickup(box, start, "CANCELLED"));
        Departure forecast = awaitDeparture(planner, box.number(), d -> !d.equals(window));
        assertThat(Duration.between(forecast.earliest(), forecast.latest())).as("the import forecast's window")
                .isEqualTo(Duration.ofDays(5));

        Instant later = start.plus(Duration.ofHours(5));
        vertx.eventBus().publish(Addresses.GATE_APPOINTMENT_CHANGED, new JsonObject().put("not", "an appointment"));
        vertx.eventBus().publish(Addresses.GATE_APPOINTMENT_CHANGED, pickup(box, later, "BOOKED"));
        assertThat(awaitDeparture(planner, box.number(), d -> !d.equals(forecast)))
                .isEqualTo(new Departure(later, later.plus(Duration.ofHours(1))));
        vertx.eventBus().publish(Addresses.GATE_APPOINTMENT_CHANGED, pickup(box, later, "USED"));
        assertThat(awaitDeparture(planner, box.number(), d -> d.latest().isAfter(later.plus(Duration.ofDays(1)))))
                .as("used: the forecast again").isNotNull();
    }

    @Test
    void theDwellModelLearntFromTheMoveLogBeatsTheDefaultsAndGivesAnAnnouncedEmptyItsWindow() {
        long seed = 20261124L;
        MoveLog log = new MoveLog(pool);
        long epoch = await(log.currentEpoch());
        List<LogEntry> history = SimulatedStays.entries(new Random(seed), 600, 5_000, Instant.now());
        await(pool.withTransaction(connection -> MoveLog.appendNumbered(connection, epoch, history)));
        LiveYardPlanner planner = verticle.planner();

        DwellLearning.Report report = await(planner.learnDwell(log));

        assertThat(report.stays()).as("seed " + seed + ": " + report).isEqualTo(600);
        assertThat(report.adopted()).as("seed " + seed + ": " + report).isTrue();
        assertThat(report.modelMaeHours()).as("seed " + seed + ": " + report)
                .isLessThan(0.75 * report.currentMaeHours());
        assertThat(await(planner.learnDwell(log)).stays()).as("read again: nothing new in the log").isEqualTo(600);

        Container box = SimulatedStays.container(77, "CMA", ContainerCategory.EMPTY);
        Instant announced = Instant.now();
        JsonObject request = new JsonObject().put("container", ModelJson.container(box)).put("lane", "IN-1");
        await(vertx.eventBus().<JsonObject>request(Addresses.YARD_SLOT_REQUEST, request));
        Departure expected = await(planner.expectedDeparture(box.number())).orElseThrow();
        double middleDays = (Duration.between(announced, expected.earliest()).toHours()
                + Duration.between(announced, expected.latest()).toHours()) / 48.0;
        assertThat(middleDays).as("seed " + seed + ": the slow line's empties stay about 20 days, the default "
                + "window's middle is 8: " + expected).isBetween(16.0, 26.0);
    }

    private static JsonObject pickup(Container box, Instant start, String status) {
        return new JsonObject().put("appointment", "a-" + box.number()).put("kind", "PICK_UP")
                .put("container", box.number().value()).put("windowStart", start.toString())
                .put("windowEnd", start.plus(Duration.ofHours(1)).toString()).put("status", status);
    }

    private static Departure awaitDeparture(LiveYardPlanner planner, ContainerNumber number,
                                            java.util.function.Predicate<Departure> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Departure last = null;
        while (System.nanoTime() < deadline) {
            last = await(planner.expectedDeparture(number)).orElseThrow();
            if (until.test(last)) {
                return last;
            }
            sleep();
        }
        throw new AssertionError("the planner still expects " + number + " to leave " + last);
    }

    private static Container importBox(int serial) {
        return new Container(ContainerNumber.fromParts("GTE", 'U', serial), new SizeTypeCode("22G1"),
                new VgmWeight(21_000), new LineOperator("MSK"), new UnLocode("CNSHA"), new UnLocode("NLRTM"),
                ContainerCategory.IMPORT, null, null);
    }

    /** The first seeded call with containers to discharge, its bay plan cut to 12 of them (and nothing else). */
    private VesselCall callWithDischarges() {
        List<VesselCall> calls = await(live.reader().vesselCalls());
        VesselCall call = calls.stream().filter(c -> !onBoard(c).isEmpty())
                .min(java.util.Comparator.comparing(c -> c.id().value())).orElseThrow();
        List<BayPlanEntry> twelve = onBoard(call);
        return call.withBayPlan(new BayPlan(twelve.subList(0, Math.min(12, twelve.size()))));
    }

    /** The top of the first 20' stack (odd bay, below its tier limit) where nothing is reserved. */
    private YardSlot freeSlotNoneReserved(Set<YardSlot> reserved) {
        for (org.portops.model.layout.BlockLayout block : layout.blocks()) {
            for (int bay = 1; bay <= block.bays(); bay += 2) {
                for (int row = 1; row <= block.rows(); row++) {
                    StackView stack = await(live.reader().stack(org.portops.model.yard.StackId.of(block.id().value(),
                            bay, row)));
                    long height = stack.tiers().stream().filter(t -> t.status() == StackView.SlotStatus.OCCUPIED)
                            .count();
                    boolean twenty = stack.tiers().stream().noneMatch(StackView.TierView::longContainer);
                    YardSlot top = new YardSlot(stack.stack(), new org.portops.model.yard.Tier((int) height + 1));
                    boolean free = height < block.maxTiers() && stack.tiers().stream().noneMatch(StackView.TierView::closed)
                            && stack.tiers().get((int) height).status() == StackView.SlotStatus.EMPTY;
                    if (twenty && free && reserved.stream().noneMatch(r -> r.stack().equals(stack.stack()))) {
                        return top;
                    }
                }
            }
        }
        throw new AssertionError("no free stack in the test terminal");
    }

    private static Container empty(int serial) {
        return new Container(ContainerNumber.fromParts("GTE", 'U', serial), new SizeTypeCode("22G1"),
                new VgmWeight(14_000), new LineOperator("MSK"), new UnLocode("NLRTM"), new UnLocode("USNYC"),
                ContainerCategory.EMPTY, null, null);
    }

    private List<BayPlanEntry> onBoard(VesselCall call) {
        List<BayPlanEntry> found = new ArrayList<>();
        for (BayPlanEntry entry : call.bayPlan().entries()) {
            if (entry.action() != BayPlanAction.DISCHARGE) {
                continue;
            }
            Optional<ContainerView> view = await(live.reader().container(entry.container().number()));
            if (view.isPresent() && view.get().location() instanceof VesselLocation at && at.call().equals(call.id())) {
                found.add(entry);
            }
        }
        return found;
    }

    private WorkInstruction instruction(WorkInstructionId id) {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < until) {
            Optional<WorkInstruction> found = await(live.reader().workInstruction(id));
            if (found.isPresent()) {
                return found.get();
            }
            sleep();
        }
        throw new AssertionError("no instruction " + id + " in live state within 90 s; decided: " + decided);
    }

    private void awaitDecisions(int count) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (decided.size() < count && System.nanoTime() < until) {
            sleep();
        }
        assertThat(decided).hasSize(count);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
