package org.portops.crane.berth.live;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.crane.berth.quay.BerthSettings;
import org.portops.model.event.Addresses;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.state.LiveYard;
import org.portops.state.testsupport.LiveYardFixture;
import org.portops.state.testsupport.TestLayouts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

/**
 * A restarted berth planner (or the node taking its lease over) still knows the berths it placed from those an
 * operator set, from its memory in PostgreSQL. Seeded sample: CALL2 with berth B2 and an ETB set before any planner
 * ran (an operator's), CALL3 without a berth (the planner's to place).
 */
class BerthPlanMemoryLiveTest {
    private static final VesselCallId CALL2 = new VesselCallId("CALL2");
    private static final VesselCallId CALL3 = new VesselCallId("CALL3");
    private static final BerthSettings SETTINGS = BerthSettings.defaults().withSolveTime(Duration.ofMillis(300));

    private final TerminalLayout layout = TestLayouts.sample();
    private final List<JsonObject> charts = new CopyOnWriteArrayList<>();
    private LiveYardFixture live;
    private Vertx vertx;
    private Pool pool;
    private LiveYard yard;

    @BeforeEach
    void setUp() {
        live = LiveYardFixture.open("berth-memory", layout);
        vertx = live.vertx;
        pool = live.pool;
        yard = live.yard;
        vertx.eventBus().<JsonObject>consumer(Addresses.BERTH_PLAN_PUBLISHED, message -> charts.add(message.body()));
    }

    @AfterEach
    void tearDown() {
        live.close();
    }

    @Test
    void aRestartedPlannerMovesTheBerthsItPlacedAndHoldsTheOperatorsWhileOneWithoutMemoryHoldsBoth() {
        BerthPlanMemory memory = new BerthPlanMemory(pool);
        String first = deploy(new BerthPlannerVerticle(yard, memory, layout, SETTINGS, Clock.systemUTC(),
                new SimpleMeterRegistry()));
        JsonObject before = awaitChart(chart -> !box(chart, CALL3).getBoolean("fixed"));
        VesselCall placed = awaitCall(CALL3, call -> call.etb() != null && call.berth() != null);
        Map<VesselCallId, BerthPlanWriteBack.Written> remembered = awaitMemory(memory);
        assertThat(remembered.get(CALL3).berth()).isEqualTo(placed.berth());
        assertThat(remembered.get(CALL3).etb()).isEqualTo(placed.etb());
        assertThat(remembered).as("the operator's call is not the planner's").doesNotContainKey(CALL2);
        assertThat(box(before, CALL2).getBoolean("fixed")).isTrue();
        await(vertx.undeploy(first));

        charts.clear();
        String restarted = deploy(new BerthPlannerVerticle(yard, memory, layout, SETTINGS, Clock.systemUTC(),
                new SimpleMeterRegistry()));
        JsonObject after = awaitChart(chart -> chart.getLong("version") == 1);
        assertThat(box(after, CALL3).getBoolean("fixed")).as("its own placement, movable").isFalse();
        assertThat(box(after, CALL2).getBoolean("fixed")).as("the operator's, held").isTrue();
        await(vertx.undeploy(restarted));

        charts.clear();
        deploy(new BerthPlannerVerticle(yard, layout, SETTINGS, Clock.systemUTC(), new SimpleMeterRegistry()));
        JsonObject forgetful = awaitChart(chart -> chart.getLong("version") == 1);
        assertThat(box(forgetful, CALL3).getBoolean("fixed")).as("without memory its own placement looks fixed")
                .isTrue();
        assertThat(box(forgetful, CALL3).getString("berth")).isEqualTo(placed.berth().value());
    }

    private String deploy(BerthPlannerVerticle planner) {
        return await(vertx.deployVerticle(planner));
    }

    private Map<VesselCallId, BerthPlanWriteBack.Written> awaitMemory(BerthPlanMemory memory) {
        return poll("the planner's write of " + CALL3 + " remembered", () -> {
            Map<VesselCallId, BerthPlanWriteBack.Written> written = await(memory.load());
            VesselCall call = await(yard.reader().vesselCall(CALL3)).orElseThrow();
            BerthPlanWriteBack.Written ours = written.get(CALL3);
            return ours != null && ours.etb().equals(call.etb()) && ours.berth().equals(call.berth()) ? written : null;
        });
    }

    private VesselCall awaitCall(VesselCallId id, Predicate<VesselCall> wanted) {
        return poll("vessel call " + id + " placed in live state", () -> {
            VesselCall call = await(yard.reader().vesselCall(id)).orElseThrow();
            return wanted.test(call) ? call : null;
        });
    }

    private JsonObject awaitChart(Predicate<JsonObject> wanted) {
        return poll("a berth plan as expected", () -> charts.stream().filter(wanted).findFirst().orElse(null));
    }

    private static JsonObject box(JsonObject chart, VesselCallId call) {
        return chart.getJsonArray("vessels").stream().map(JsonObject.class::cast)
                .filter(box -> box.getString("call").equals(call.value())).findFirst().orElseThrow();
    }

    private static <T> T poll(String what, Supplier<T> found) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            T value = found.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(what + ": not within 30 s");
    }
}
