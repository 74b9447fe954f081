package org.portops.crane.berth.live;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.crane.berth.quay.BerthSettings;
import org.portops.crane.journal.DecisionJournal;
import org.portops.crane.live.BayPlanWorkSource;
import org.portops.crane.live.CraneScheduler;
import org.portops.crane.live.CraneSchedulerVerticle;
import org.portops.crane.live.QuaySplit;
import org.portops.crane.live.YardRoom;
import org.portops.crane.solver.CraneReplanning;
import org.portops.crane.split.CraneSplit;
import org.portops.crane.split.CraneSplitPlanner;
import org.portops.crane.split.VesselOutlook;
import org.portops.model.event.Addresses;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.quay.BerthId;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.state.LiveYard;
import org.portops.state.testsupport.LiveYardFixture;
import org.portops.state.testsupport.TestLayouts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

/**
 * The berth plan followed end to end in a real live yard (Hazelcast, PostgreSQL) of the sample terminal, with the
 * berth planner and the crane scheduler with its split both running: the plan's berth and berthing land in live
 * state as the call's berth and ETB, the crane split plans cranes for the call from then, an ETA change re-plans the
 * berth and the split follows; a vessel alongside and calls an operator fixed are never moved.
 *
 * <p>Seeded sample: CALL1 alongside at B1, CALL2 with berth B2 and an ETB 8 h ahead set before the planner started
 * (so fixed), CALL3 (172 m) due in 30 h without a berth.
 */
class BerthPlanFollowedLiveTest {
    private static final CraneReplanning.Limits FAST =
            new CraneReplanning.Limits(Duration.ofMillis(300), Duration.ofMillis(100), 3);
    private static final VesselCallId CALL1 = new VesselCallId("CALL1");
    private static final VesselCallId CALL2 = new VesselCallId("CALL2");
    private static final VesselCallId CALL3 = new VesselCallId("CALL3");

    private final TerminalLayout layout = TestLayouts.sample();
    private LiveYardFixture live;
    private Vertx vertx;
    private Pool pool;
    private LiveYard yard;
    private QuaySplit split;
    private final List<JsonObject> charts = new CopyOnWriteArrayList<>();
    private final Instant started = Instant.now().minusSeconds(1);

    @BeforeEach
    void setUp() {
        live = LiveYardFixture.open("berth-followed", layout);
        vertx = live.vertx;
        pool = live.pool;
        yard = live.yard;
        vertx.eventBus().<JsonObject>consumer(Addresses.BERTH_PLAN_PUBLISHED, message -> charts.add(message.body()));
        BayPlanWorkSource source = new BayPlanWorkSource(yard.reader(), layout, new YardRoom(yard.reader(), layout),
                BayPlanWorkSource.Settings.DEFAULTS, Clock.systemUTC());
        split = new QuaySplit(layout, new QuaySplit.Settings(3600, 48, 6, 30,
                new CraneSplitPlanner.Limits(Duration.ofSeconds(5), 5)), Clock.systemUTC());
        await(vertx.deployVerticle(new CraneSchedulerVerticle(yard, new DecisionJournal(vertx, pool), source, null,
                split, new CraneScheduler.Settings(FAST, 300, 2, FAST), Clock.systemUTC(), new SimpleMeterRegistry())));
        await(vertx.deployVerticle(new BerthPlannerVerticle(yard, layout,
                BerthSettings.defaults().withSolveTime(Duration.ofMillis(500)), Clock.systemUTC(),
                new SimpleMeterRegistry())));
    }

    @AfterEach
    void tearDown() {
        live.close();
    }

    @Test
    void anEtaChangeReplansTheBerthInLiveStateAndTheCraneSplitFollowsWhileAlongsideAndFixedCallsStay() {
        VesselCall alongside = call(CALL1);
        VesselCall fixed = call(CALL2);

        // the first plan: CALL3's placement becomes its berth and ETB in live state, CALL1 and CALL2 are held
        JsonObject first = awaitChart(chart -> chart.getLong("version") == 1);
        JsonObject box3 = box(first, CALL3);
        VesselCall planned = awaitCall(CALL3, c -> c.etb() != null);
        assertThat(planned.etb()).isEqualTo(Instant.parse(box3.getString("start")));
        assertThat(planned.berth()).isEqualTo(new BerthId(box3.getString("berth")));
        assertThat(planned.quayFromMeter()).as("its place along the quay").isEqualTo(box3.getInteger("fromMeter") * 1.0);
        assertThat(planned.etd()).isAfterOrEqualTo(Instant.parse(box3.getString("end")));
        JsonObject bollards = box3.getJsonObject("bollards");
        assertThat(bollards.getJsonObject("fore").getDouble("meter")).isLessThanOrEqualTo(box3.getInteger("fromMeter"))
                .isGreaterThan(box3.getInteger("fromMeter") - 25.0);
        assertThat(bollards.getJsonObject("aft").getDouble("meter")).isGreaterThanOrEqualTo(box3.getInteger("toMeter"))
                .isLessThan(box3.getInteger("toMeter") + 25.0);
        assertThat(box3.getJsonArray("explanation")).anySatisfy(line -> assertThat(line.toString())
                .startsWith("Bollards: CALL3 lies from " + box3.getInteger("fromMeter") + " m to ")
                .contains("from bollard " + bollards.getJsonObject("fore").getString("id") + " "));
        assertThat(first.getJsonObject("quay").getJsonArray("bollards")).hasSize(57);
        assertThat(box(first, CALL1).getBoolean("alongside")).isTrue();
        assertThat(box(first, CALL2).getBoolean("fixed")).as("set before the planner started").isTrue();
        assertThat(box(first, CALL2).getBoolean("alongside")).isFalse();
        assertThat(Instant.parse(box(first, CALL2).getString("start")))
                .isEqualTo(fixed.etb().truncatedTo(ChronoUnit.MINUTES));

        // the line reports CALL3 early, due in 2 hours: the berth is re-planned and the new ETB lands in live state
        Instant earlyEta = Instant.now().plus(Duration.ofHours(2));
        await(yard.updateVesselCall(new VesselCall(planned.id(), planned.vessel(), planned.voyage(), planned.line(),
                planned.berth(), earlyEta, planned.etb(), planned.etd(), planned.bayPlan())));
        VesselCall replanned = awaitCall(CALL3, c -> c.etb() != null && c.etb().isBefore(planned.etb()));
        assertThat(replanned.etb()).isAfterOrEqualTo(earlyEta).isBefore(earlyEta.plus(Duration.ofHours(1)));
        JsonObject after = awaitChart(chart -> box(chart, CALL3) != null
                && Instant.parse(box(chart, CALL3).getString("start")).equals(replanned.etb()));
        assertThat(after.getString("trigger")).contains("CALL3");
        assertThat(box(after, CALL3).getBoolean("fixed")).isFalse();
        assertThat(replanned.berth()).isEqualTo(new BerthId(box(after, CALL3).getString("berth")));

        // the crane split follows: it plans CALL3's cranes from its new berthing, a day before the old one (the split
        // plans in hour slots: a crane may be given the slot the vessel berths in, its own hard score counts those
        // minutes)
        Instant firstCrane = awaitFirstCrane(replanned);
        assertThat(firstCrane).isAfter(replanned.etb().minus(Duration.ofHours(1)))
                .isBefore(planned.etb().minus(Duration.ofHours(20)));

        // an operator puts CALL3 elsewhere: the planner holds it there and writes nothing over it
        Instant operatorEtb = replanned.etb().plus(Duration.ofHours(3));
        BerthId operatorBerth = replanned.berth().equals(new BerthId("B4")) ? new BerthId("B3") : new BerthId("B4");
        VesselCall operatorFixed = new VesselCall(replanned.id(), replanned.vessel(), replanned.voyage(),
                replanned.line(), operatorBerth, replanned.eta(), operatorEtb,
                operatorEtb.plus(Duration.ofHours(20)), replanned.bayPlan());
        await(yard.updateVesselCall(operatorFixed));
        JsonObject held = awaitChart(chart -> box(chart, CALL3) != null && box(chart, CALL3).getBoolean("fixed"));
        assertThat(Instant.parse(box(held, CALL3).getString("start"))).isEqualTo(operatorEtb);
        assertThat(box(held, CALL3).getString("berth")).isEqualTo(operatorBerth.value());
        assertThat(box(held, CALL3).getInteger("fromMeter"))
                .isEqualTo((int) layout.quay().berth(operatorBerth).orElseThrow().startMeter());

        // a command cannot move a fixed call either
        assertThat(vertx.eventBus().request(Addresses.BERTH_CALL_CHANGE, new JsonObject()
                .put("kind", "DELAYED").put("call", "CALL3").put("delayMinutes", 60))
                .toCompletionStage().toCompletableFuture().handle((ok, e) -> e).join())
                .hasMessageContaining("fixed by an operator");

        assertThat(call(CALL3)).isEqualTo(operatorFixed);
        assertThat(call(CALL1)).isEqualTo(alongside);
        assertThat(call(CALL2)).isEqualTo(fixed);
    }

    /**
     * When the split in force first puts a crane on {@code call}, once it is a split made from this version of the
     * call: the split counts in seconds from its start, which its planned departure (the call's ETD) gives.
     */
    private Instant awaitFirstCrane(VesselCall call) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            CraneSplit inForce = split.inForce();
            VesselOutlook outlook = inForce == null ? null : inForce.vessels().stream()
                    .filter(vessel -> vessel.vessel().equals(call.id())).findFirst().orElse(null);
            if (outlook != null && !outlook.cranes().isEmpty()) {
                Instant start = call.etd().minusSeconds(outlook.plannedDeparture());
                if (!start.isBefore(started) && !start.isAfter(Instant.now().plusSeconds(1))) {
                    int first = outlook.cranes().stream().mapToInt(VesselOutlook.CraneWindow::from).min()
                            .orElseThrow();
                    return start.plusSeconds(first);
                }
            }
            sleep();
        }
        throw new AssertionError("no crane split with cranes for " + call.id() + " (ETD " + call.etd()
                + ") within 60 s; last: " + (split.inForce() == null ? null : split.inForce().vessels()));
    }

    private VesselCall call(VesselCallId id) {
        return await(yard.reader().vesselCall(id)).orElseThrow();
    }

    private VesselCall awaitCall(VesselCallId id, Predicate<VesselCall> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            VesselCall call = call(id);
            if (wanted.test(call)) {
                return call;
            }
            sleep();
        }
        throw new AssertionError("vessel call " + id + " not as expected in live state within 30 s: " + call(id));
    }

    private static JsonObject box(JsonObject chart, VesselCallId call) {
        return chart.getJsonArray("vessels").stream().map(JsonObject.class::cast)
                .filter(box -> box.getString("call").equals(call.value())).findFirst().orElse(null);
    }

    private JsonObject awaitChart(Predicate<JsonObject> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonObject chart : charts) {
                if (wanted.test(chart)) {
                    return chart;
                }
            }
            sleep();
        }
        throw new AssertionError("no such berth plan published in 30 s; versions seen: "
                + charts.stream().map(chart -> chart.getLong("version") + " " + chart.getString("trigger")).toList());
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
