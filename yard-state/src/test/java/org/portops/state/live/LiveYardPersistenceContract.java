package org.portops.state.live;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.LineOperator;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.event.Addresses;
import org.portops.model.event.ContainerMoved;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.quay.BerthId;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.GateLocation;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;
import org.portops.state.ChangeResult;
import org.portops.state.ContainerView;
import org.portops.state.LiveYard;
import org.portops.state.MoveRefusal;
import org.portops.state.MoveRequest;
import org.portops.state.MoveResult;
import org.portops.state.StackView;
import org.portops.state.VesselCallChange;
import org.portops.state.YardMaps;
import org.portops.state.YardSummary;
import org.portops.state.block.BlockState;
import org.portops.state.custody.TrackedContainer;
import org.portops.state.json.YardEventJson;
import org.portops.state.store.AuditLog;
import org.portops.state.testsupport.PostgresServer;
import org.portops.state.testsupport.TestDatabase;
import org.portops.state.testsupport.TestHazelcast;
import org.portops.state.testsupport.TestLayouts;
import org.portops.state.testsupport.TestPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portops.state.testsupport.Await.await;

/**
 * The persistence behaviour of the live yard, run against every kind of PostgreSQL the tests can get (embedded,
 * Testcontainers, external): moves are durable before they are acknowledged, a restart on a new Hazelcast
 * instance rebuilds exactly the same yard from the log, the logs are append-only.
 */
abstract class LiveYardPersistenceContract {

    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<HazelcastInstance> members = new ArrayList<>();
    private Vertx vertx;
    private TestDatabase database;
    private Pool pool;

    /** The PostgreSQL this run of the contract uses. */
    abstract PostgresServer server();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        database = TestPostgres.newDatabase(server());
        pool = database.pool(vertx);
    }

    @AfterEach
    void stop() {
        members.forEach(HazelcastInstance::shutdown);
        await(pool.close());
        await(vertx.close());
        database.drop();
    }

    private HazelcastInstance member() {
        HazelcastInstance member = TestHazelcast.member(TestHazelcast.uniqueClusterName("persistence"));
        members.add(member);
        return member;
    }

    private LiveYard open(HazelcastInstance member, TerminalLayout layout) {
        return await(LiveYard.open(vertx, member, pool, layout, clock));
    }

    @Test
    void seedsTheSampleInventoryThroughTheLogInSeconds() throws SQLException {
        LiveYard yard = open(member(), TestLayouts.sample());
        LiveYard.Startup startup = yard.startup();
        System.out.printf("seeded and rebuilt %d containers (%d log entries) in %d ms on %s PostgreSQL%n",
                startup.containersInTerminal(), startup.logEntriesReplayed(), startup.took().toMillis(),
                server().mode());
        assertThat(startup.seeded()).isTrue();
        assertThat(startup.containersInTerminal()).isGreaterThanOrEqualTo(15_000);
        assertThat(startup.took()).isLessThan(Duration.ofSeconds(20));
        YardSummary summary = await(yard.reader().summary());
        assertThat(summary.containerCount()).isGreaterThanOrEqualTo(15_000);
        assertThat(summary.blocks()).hasSize(25);
        assertThat(summary.vesselCalls()).hasSize(3);
        assertThat(summary.equipmentByKind()).containsEntry("QUAY_CRANE", 14);
        assertThat(count("select count(*) from move_log where kind = 'INVENTORY'"))
                .isEqualTo(startup.containersInTerminal());
        assertThat(summary.toJson().getInteger("containerCount")).isEqualTo(summary.containerCount());
        await(yard.close());
    }

    @Test
    void acknowledgedMovesSurviveARestartOnANewHazelcastInstance() {
        TerminalLayout layout = TestLayouts.small();
        HazelcastInstance first = member();
        LiveYard yard = open(first, layout);
        assertThat(yard.startup().seeded()).isTrue();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        RandomMoves moves = new RandomMoves(YardMaps.of(first), layout);
        int accepted = 0;
        for (int i = 0; i < 60; i++) {
            if (await(yard.move(moves.next(random))) instanceof MoveResult.Accepted) {
                accepted++;
            }
        }
        assertThat(accepted).as("seed %d", seed).isGreaterThan(20);
        await(yard.closeSlot(YardSlot.of("B01", 10, 4, 4), "crane rail repair"));
        Map<String, TrackedContainer> containersBefore = new HashMap<>(YardMaps.of(first).containers());
        Map<String, BlockState> blocksBefore = new HashMap<>(YardMaps.of(first).blocks());
        await(yard.close());
        first.shutdown();

        HazelcastInstance second = member();
        LiveYard rebuilt = open(second, layout);
        assertThat(rebuilt.startup().seeded()).isFalse();
        assertThat(new HashMap<>(YardMaps.of(second).containers())).as("seed %d", seed).isEqualTo(containersBefore);
        Map<String, BlockState> blocksAfter = new HashMap<>(YardMaps.of(second).blocks());
        assertThat(blocksAfter.keySet()).isEqualTo(blocksBefore.keySet());
        blocksBefore.forEach((id, block) -> {
            assertThat(blocksAfter.get(id).sameYard(block)).as("block %d, seed %d", id, seed).isTrue();
            assertThat(blocksAfter.get(id).violations()).isEmpty();
        });
        assertThat(blocksAfter.get("B01").isClosed(10, 4, 4)).isTrue();
        await(rebuilt.close());
    }

    @Test
    void refusedMoveChangesNothingAndIsNotLogged() throws SQLException {
        HazelcastInstance member = member();
        LiveYard yard = open(member, TestLayouts.small());
        YardMaps maps = YardMaps.of(member);
        TrackedContainer some = maps.containers().values().stream()
                .filter(t -> t.location() instanceof YardLocation y && y.slot().tier().level() == 1)
                .findFirst().orElseThrow();
        YardSlot slot = ((YardLocation) some.location()).slot();
        long logged = count("select count(*) from move_log");
        Map<String, BlockState> blocksBefore = new HashMap<>(maps.blocks());
        MoveResult result = await(yard.move(MoveRequest.of(some.container().number(), MoveKind.YARD_SHIFT,
                some.location(), new YardLocation(YardSlot.of(slot.block().value(), slot.bay().number(),
                        slot.row().number(), 5)))));
        assertThat(result).isInstanceOf(MoveResult.Refused.class);
        MoveRefusal refusal = ((MoveResult.Refused) result).refusal();
        assertThat(refusal.reason()).isNotBlank();
        assertThat(count("select count(*) from move_log")).isEqualTo(logged);
        assertThat(new HashMap<>(maps.blocks())).isEqualTo(blocksBefore);
        assertThat(maps.containers().get(some.container().number().value()).pendingSequence()).isZero();
        await(yard.close());
    }

    @Test
    void everyAcceptedMoveIsPublishedAfterItIsInTheLog() {
        HazelcastInstance member = member();
        TerminalLayout layout = TestLayouts.small();
        LiveYard yard = open(member, layout);
        List<Boolean> loggedWhenPublished = new CopyOnWriteArrayList<>();
        List<ContainerMoved> events = new CopyOnWriteArrayList<>();
        vertx.eventBus().<JsonObject>consumer(Addresses.CONTAINER_MOVED, message -> {
            ContainerMoved event = (ContainerMoved) YardEventJson.decode(message.body());
            events.add(event);
            pool.preparedQuery("select count(*) from move_log where seq = $1")
                    .execute(Tuple.of(event.sequence()))
                    .onSuccess(rows -> loggedWhenPublished.add(rows.iterator().next().getLong(0) == 1));
        });
        Random random = new Random(7);
        RandomMoves moves = new RandomMoves(YardMaps.of(member), layout);
        List<Long> acknowledged = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            if (await(yard.move(moves.next(random))) instanceof MoveResult.Accepted accepted) {
                acknowledged.add(accepted.sequence());
            }
        }
        waitUntil(() -> loggedWhenPublished.size() == acknowledged.size());
        assertThat(events).extracting(ContainerMoved::sequence).containsExactlyElementsOf(acknowledged);
        assertThat(loggedWhenPublished).containsOnly(true);
        await(yard.close());
    }

    @Test
    void containersArriveAndLeaveThroughGateAndVessel() {
        HazelcastInstance member = member();
        LiveYard yard = open(member, TestLayouts.small());
        List<String> placed = new CopyOnWriteArrayList<>();
        List<String> removed = new CopyOnWriteArrayList<>();
        vertx.eventBus().<JsonObject>consumer(Addresses.CONTAINER_PLACED, m -> placed.add(m.body().getString("container")));
        vertx.eventBus().<JsonObject>consumer(Addresses.CONTAINER_REMOVED, m -> removed.add(m.body().getString("container")));

        Container arriving = new Container(ContainerNumber.fromParts("PRT", 'U', 424242), new SizeTypeCode("22G1"),
                new VgmWeight(18_000), new LineOperator("MSCU"), new UnLocode("DEHAM"), new UnLocode("NLRTM"),
                ContainerCategory.IMPORT, null, null);
        YardSlot free = freeGroundSlot(YardMaps.of(member));
        MoveResult in = await(yard.move(MoveRequest.arrival(arriving, MoveKind.GATE_IN, new GateLocation("IN-1"),
                new YardLocation(free))));
        assertThat(in).isInstanceOf(MoveResult.Accepted.class);
        Optional<ContainerView> view = await(yard.reader().container(arriving.number()));
        assertThat(view).map(ContainerView::location).contains(new YardLocation(free));
        StackView stack = await(yard.reader().stack(free.stack()));
        assertThat(stack.containers()).containsExactly(arriving.number());

        MoveResult again = await(yard.move(MoveRequest.arrival(arriving, MoveKind.GATE_IN, new GateLocation("IN-1"),
                new YardLocation(free))));
        assertThat(again).isInstanceOf(MoveResult.Refused.class);
        assertThat(((MoveResult.Refused) again).refusal()).isInstanceOf(MoveRefusal.AlreadyInTerminal.class);

        MoveResult out = await(yard.move(MoveRequest.of(arriving.number(), MoveKind.GATE_OUT, new YardLocation(free),
                new GateLocation("OUT-1"))));
        assertThat(out).isInstanceOf(MoveResult.Accepted.class);
        assertThat(await(yard.reader().container(arriving.number()))).isEmpty();
        assertThat(await(yard.reader().stack(free.stack())).containers()).isEmpty();

        VesselCall call = await(yard.reader().vesselCalls()).getFirst();
        BayPlanEntry onBoard = call.bayPlan().entries().stream()
                .filter(e -> e.action() == BayPlanAction.DISCHARGE).findFirst().orElseThrow();
        YardSlot target = freeGroundSlot(YardMaps.of(member));
        MoveResult discharge = await(yard.move(MoveRequest.of(onBoard.container().number(), MoveKind.DISCHARGE,
                new VesselLocation(call.id(), onBoard.slot()), new YardLocation(target))));
        assertThat(discharge).as("%s", discharge).isInstanceOf(MoveResult.Accepted.class);
        waitUntil(() -> placed.size() == 1 && removed.size() == 1);
        assertThat(placed).containsExactly(arriving.number().value());
        assertThat(removed).containsExactly(arriving.number().value());
        await(yard.close());

        HazelcastInstance next = member();
        open(next, TestLayouts.small());
        assertThat(YardMaps.of(next).containers().get(arriving.number().value())).isNull();
        assertThat(YardMaps.of(next).containers().get(onBoard.container().number().value()).location())
                .isEqualTo(new YardLocation(target));
    }

    @Test
    void workInstructionsAndVesselCallsSurviveARestart() {
        HazelcastInstance member = member();
        LiveYard yard = open(member, TestLayouts.small());
        TrackedContainer some = YardMaps.of(member).containers().values().stream()
                .filter(t -> t.location() instanceof YardLocation).findFirst().orElseThrow();
        WorkInstruction planned = WorkInstruction.planned(new WorkInstructionId("WI-1"), some.container().number(),
                MoveKind.YARD_SHIFT, some.location(), new GateLocation("OUT-1"), 1, NOW)
                .withTwin(new WorkInstructionId("WI-2"));
        assertThat(await(yard.updateInstruction(planned))).isEqualTo(ChangeResult.APPLIED);
        assertThat(await(yard.reader().workInstruction(planned.id()))).as("live, with its twin").contains(planned);
        WorkInstruction done = planned.dispatch(List.of(new EquipmentId("RTG01")), NOW)
                .start(NOW).complete(NOW);
        assertThat(await(yard.updateInstruction(planned.dispatch(List.of(new EquipmentId("RTG02")), NOW))))
                .isEqualTo(ChangeResult.APPLIED);
        ChangeResult illegal = await(yard.updateInstruction(done));
        assertThat(illegal).isInstanceOf(ChangeResult.Refused.class);
        assertThat(((ChangeResult.Refused) illegal).reason()).contains("cannot go from DISPATCHED to DONE");
        VesselCall call = await(yard.reader().vesselCalls()).getFirst();
        VesselCall berthed = call.berthedAt(new BerthId("B2"), call.eta(), 412.5);
        assertThat(await(yard.updateVesselCall(berthed))).isEqualTo(ChangeResult.APPLIED);
        assertThat(await(yard.reader().vesselCall(call.id()))).as("live, its place on the quay too").contains(berthed);
        await(yard.close());

        HazelcastInstance next = member();
        LiveYard rebuilt = open(next, TestLayouts.small());
        WorkInstruction held = await(rebuilt.reader().workInstruction(planned.id())).orElseThrow();
        assertThat(held.state()).isEqualTo(WorkInstructionState.DISPATCHED);
        assertThat(held.twinWith()).as("the twin partner, from PostgreSQL").isEqualTo(new WorkInstructionId("WI-2"));
        assertThat(await(rebuilt.reader().vesselCall(call.id()))).contains(berthed);
    }

    @Test
    void aVesselCallChangedByAnotherWriterMeanwhileIsDecidedAgainFromTheNewerVersion() {
        LiveYard yard = open(member(), TestLayouts.small());
        VesselCall call = await(yard.reader().vesselCalls()).getFirst();
        VesselCall berthed = call.berthedAt(new BerthId("B2"), call.eta());
        AtomicInteger decided = new AtomicInteger();
        // the line's new ETA is decided from the call as read; before it is stored, the berth planner writes a berth
        VesselCallChange.Outcome outcome = await(yard.changeVesselCall(call.id(), current -> {
            if (decided.incrementAndGet() == 1) {
                yard.updateVesselCall(berthed);
            }
            return new VesselCallChange.Store(new VesselCall(current.id(), current.vessel(), current.voyage(),
                    current.line(), current.berth(), current.eta().plusSeconds(3_600), null,
                    current.etd().plusSeconds(3_600), current.bayPlan()));
        }));

        assertThat(decided).as("decided again from the berthed version").hasValue(2);
        VesselCall held = await(yard.reader().vesselCall(call.id())).orElseThrow();
        assertThat(outcome).isEqualTo(new VesselCallChange.Applied(berthed, held));
        assertThat(held.berth()).as("the berth planner's berth kept").isEqualTo(new BerthId("B2"));
        assertThat(held.eta()).as("the line's ETA kept").isEqualTo(call.eta().plusSeconds(3_600));
        // a writer holding a stale copy is refused outright and changes nothing
        ChangeResult stale = await(yard.replaceVesselCall(call, call.berthedAt(new BerthId("B1"), call.eta())));
        assertThat(stale).isInstanceOf(ChangeResult.Refused.class);
        assertThat(((ChangeResult.Refused) stale).reason()).contains("no longer the version").contains("berth B2");
        assertThat(await(yard.reader().vesselCall(call.id()))).contains(held);
        assertThat(await(yard.changeVesselCall(call.id(), current -> new VesselCallChange.Keep())))
                .isEqualTo(new VesselCallChange.Unchanged(held));
        assertThat(await(yard.changeVesselCall(new VesselCallId("NO-SUCH-CALL"),
                current -> new VesselCallChange.Keep()))).isEqualTo(new VesselCallChange.Refused(
                "no vessel call NO-SUCH-CALL"));
        await(yard.close());
    }

    @Test
    void workInstructionStateChangesAreAuditedBeforeTheyAreAcknowledged() throws SQLException {
        HazelcastInstance member = member();
        LiveYard yard = open(member, TestLayouts.small());
        TrackedContainer some = YardMaps.of(member).containers().values().stream()
                .filter(t -> t.location() instanceof YardLocation).findFirst().orElseThrow();
        WorkInstruction planned = WorkInstruction.planned(new WorkInstructionId("WI-7"), some.container().number(),
                MoveKind.YARD_SHIFT, some.location(), new GateLocation("OUT-1"), 1, NOW);
        WorkInstruction dispatched = planned.dispatch(List.of(new EquipmentId("RTG01")), NOW);

        await(yard.updateInstruction(planned));
        await(yard.updateInstruction(dispatched));
        await(yard.updateInstruction(planned.dispatch(List.of(new EquipmentId("RTG02")), NOW)));
        await(yard.updateInstruction(dispatched.start(NOW).complete(NOW)));

        List<String> audited = new ArrayList<>();
        try (Connection connection = database.jdbc(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select details->>'from', details->>'to' from audit_log "
                     + "where action = 'instruction.state' and subject = 'WI-7' order by id")) {
            while (rows.next()) {
                audited.add(rows.getString(1) + " -> " + rows.getString(2));
            }
        }
        assertThat(audited).as("a new instruction is its plan's; a reassignment and a refused change are not state "
                + "changes").containsExactly("PLANNED -> DISPATCHED");
        assertThat(await(yard.auditTrail().verify()).intact()).isTrue();
        await(yard.close());
    }

    @Test
    void aFailedLogAppendCancelsItsBatchWhileTheNextBatchPreparedMeanwhileGoesThrough() throws SQLException {
        TerminalLayout layout = TestLayouts.small();
        HazelcastInstance member = member();
        LiveYard yard = open(member, layout);
        YardMaps maps = YardMaps.of(member);
        execute("create table log_outage (container text primary key)");
        execute("""
                create function refuse_during_outage() returns trigger language plpgsql as $$
                begin
                    if exists (select 1 from log_outage where container = new.container) then
                        perform pg_advisory_xact_lock_shared(4242);
                        raise exception 'move log unavailable for %', new.container;
                    end if;
                    return new;
                end $$""");
        execute("create trigger move_log_outage before insert on move_log for each row "
                + "execute function refuse_during_outage()");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        RandomMoves moves = new RandomMoves(maps, layout);
        MoveRequest failing = moves.nextLegal(random);
        String failingNumber = failing.container().value();
        execute("insert into log_outage values ('" + failingNumber + "')");
        long loggedBefore = count("select count(*) from move_log");

        io.vertx.core.Future<MoveResult> failed;
        List<MoveRequest> next = new ArrayList<>();
        List<io.vertx.core.Future<MoveResult>> results;
        try (Connection outage = database.jdbc(); Statement hold = outage.createStatement()) {
            hold.execute("select pg_advisory_lock(4242)");
            failed = yard.move(failing);
            waitUntil(() -> maps.containers().get(failingNumber).pendingSequence() != 0 || failed.isComplete());
            assertThat(failed.isComplete()).as("seed %d: %s was refused before the log", seed, failing).isFalse();
            while (next.size() < 6) {
                MoveRequest move = moves.next(random);
                if (!move.container().value().equals(failingNumber) && !nearby(move, failing)
                        && next.stream().noneMatch(m -> m.container().equals(move.container()))) {
                    next.add(move);
                }
            }
            results = next.stream().map(yard::move).toList();
            waitUntil(() -> next.stream()
                    .anyMatch(m -> maps.containers().get(m.container().value()).pendingSequence() != 0));
            assertThat(failed.isComplete()).as("seed %d: the append of %s is held, yet it completed with %s", seed,
                    failing, failed.isComplete() ? String.valueOf(failed.failed() ? failed.cause() : failed.result()) : "")
                    .isFalse();
            hold.execute("select pg_advisory_unlock(4242)");
        }

        assertThatThrownBy(() -> await(failed)).hasMessageContaining("move log unavailable for " + failingNumber);
        List<Long> acknowledged = new ArrayList<>();
        for (var result : results) {
            if (await(result) instanceof MoveResult.Accepted accepted) {
                acknowledged.add(accepted.sequence());
            }
        }
        assertThat(acknowledged).as("seed %d", seed).isNotEmpty();
        TrackedContainer stayed = maps.containers().get(failingNumber);
        assertThat(stayed.location()).isEqualTo(failing.from());
        assertThat(stayed.pendingSequence()).isZero();
        assertThat(count("select count(*) from move_log where container = '" + failingNumber + "' and kind <> 'INVENTORY'"))
                .isZero();
        assertThat(count("select count(*) from move_log")).isEqualTo(loggedBefore + acknowledged.size());

        Map<String, TrackedContainer> containersBefore = new HashMap<>(maps.containers());
        Map<String, BlockState> blocksBefore = new HashMap<>(maps.blocks());
        await(yard.close());
        HazelcastInstance second = member();
        open(second, layout);
        assertThat(new HashMap<>(YardMaps.of(second).containers())).as("seed %d", seed).isEqualTo(containersBefore);
        Map<String, BlockState> blocksAfter = new HashMap<>(YardMaps.of(second).blocks());
        blocksBefore.forEach((id, block) -> assertThat(blocksAfter.get(id).sameYard(block))
                .as("block %s holds no mark of the cancelled move, seed %d", id, seed).isTrue());
    }

    @Test
    void aNewWriterFencesTheOldOneWhoseMovesThenGoToTheNewWriter() throws SQLException {
        TerminalLayout layout = TestLayouts.small();
        HazelcastInstance first = member();
        LiveYard old = open(first, layout);
        HazelcastInstance second = member();
        LiveYard current = open(second, layout);
        Random random = new Random(11);
        // both yards share this test's event bus, so the old one's moves, once it finds it was fenced, reach the new
        // writer; the old members' maps never see them
        RandomMoves moves = new RandomMoves(YardMaps.of(second), layout);
        MoveResult accepted = null;
        for (int attempt = 0; attempt < 50 && !(accepted instanceof MoveResult.Accepted); attempt++) {
            accepted = await(old.move(moves.next(random)));
        }
        assertThat(accepted).isInstanceOf(MoveResult.Accepted.class);
        assertThat(old.writing()).isFalse();
        assertThat(current.writing()).isTrue();
        ContainerMoved moved = ((MoveResult.Accepted) accepted).event();
        assertThat(YardMaps.of(second).containers().get(moved.container().value()).location()).isEqualTo(moved.to());
        assertThat(YardMaps.of(first).containers().get(moved.container().value()).location()).isEqualTo(moved.from());
        assertThat(count("select count(*) from move_log where seq = " + moved.sequence())).isOne();
    }

    @Test
    void moveLogAndAuditLogRefuseUpdateAndDelete() throws SQLException {
        HazelcastInstance member = member();
        LiveYard yard = open(member, TestLayouts.small());
        await(yard.auditLog().append(NOW, "user:test", "move.override", "WI-1", new JsonObject().put("why", "test")));
        try (Connection connection = database.jdbc(); Statement statement = connection.createStatement()) {
            for (String sql : List.of("update move_log set kind = 'GATE_OUT'", "delete from move_log",
                    "truncate move_log", "update audit_log set actor = 'someone else'", "delete from audit_log")) {
                assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
    }

    @Test
    void auditChainShowsWhereARowWasTamperedWith() throws SQLException {
        HazelcastInstance member = member();
        LiveYard yard = open(member, TestLayouts.small());
        AuditLog audit = yard.auditLog();
        List<AuditLog.AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            entries.add(await(audit.append(NOW.plusSeconds(i), "planner:yard", "slot.chosen", "MSCU" + i,
                    new JsonObject().put("score", i))));
        }
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).prevHash()).isEqualTo(entries.get(i - 1).hash());
        }
        assertThat(await(audit.verify()).intact()).isTrue();
        try (Connection connection = database.jdbc(); Statement statement = connection.createStatement()) {
            statement.execute("alter table audit_log disable trigger audit_log_append_only");
            statement.execute("update audit_log set actor = 'intruder' where id = " + entries.get(2).id());
            statement.execute("alter table audit_log enable trigger audit_log_append_only");
        }
        AuditLog.Verification verification = await(audit.verify());
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenId()).isEqualTo(entries.get(2).id());
    }

    private static YardSlot freeGroundSlot(YardMaps maps) {
        for (BlockState block : maps.blocks().values()) {
            for (int bay = 1; bay <= block.bays(); bay++) {
                for (int row = 1; row <= block.rows() - 1; row++) {
                    if (block.stack(bay, row).containers()[0] == null && !block.isClosed(bay, row, 1)) {
                        return YardSlot.of(block.block(), bay, row, 1);
                    }
                }
            }
        }
        throw new IllegalStateException("yard full");
    }

    /** Whether two moves come near the same stack (same block and row, bays at most one apart). */
    private static boolean nearby(MoveRequest a, MoveRequest b) {
        for (var x : List.of(a.from(), a.to())) {
            for (var y : List.of(b.from(), b.to())) {
                if (x instanceof YardLocation p && y instanceof YardLocation q && p.slot().block().equals(q.slot().block())
                        && p.slot().row().equals(q.slot().row())
                        && Math.abs(p.slot().bay().number() - q.slot().bay().number()) <= 1) {
                    return true;
                }
            }
        }
        return false;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.jdbc(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.jdbc(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
