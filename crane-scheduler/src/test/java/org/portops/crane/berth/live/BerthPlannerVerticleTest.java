package org.portops.crane.berth.live;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.crane.berth.quay.BerthSettings;
import org.portops.model.container.LineOperator;
import org.portops.model.event.Addresses;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.ImoNumber;
import org.portops.model.vessel.Vessel;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.vessel.Voyage;
import org.portops.state.LiveYard;
import org.portops.state.testsupport.LiveYardFixture;
import org.portops.state.testsupport.TestLayouts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portops.state.testsupport.Await.await;

/**
 * The berth planner's edge against the real live yard (Hazelcast, PostgreSQL): the first plan from live state, a
 * vessel call added in live state, commands on the event bus (delay, cancellation, refusals), the current plan on
 * request, every plan published as a fact.
 */
class BerthPlannerVerticleTest {
    private static final TerminalLayout LAYOUT = TestLayouts.small();

    private LiveYardFixture live;
    private Vertx vertx;
    private Pool pool;
    private LiveYard yard;
    private final List<JsonObject> facts = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void setUp() {
        live = LiveYardFixture.open("berth-live", LAYOUT);
        vertx = live.vertx;
        pool = live.pool;
        yard = live.yard;
        vertx.eventBus().<JsonObject>consumer(Addresses.BERTH_PLAN_PUBLISHED, message -> facts.add(message.body()));
        await(vertx.deployVerticle(new BerthPlannerVerticle(yard.reader(), LAYOUT,
                BerthSettings.defaults().withSolveTime(Duration.ofMillis(500)), Clock.systemUTC(), registry)));
    }

    @AfterEach
    void tearDown() {
        live.close();
    }

    @Test
    void plansLiveStateFollowsANewCallAndAppliesCommands() {
        int inLiveState = await(yard.reader().vesselCalls()).size();
        JsonObject first = awaitFact(fact -> fact.getLong("version") == 1);
        assertThat(first.getJsonArray("vessels")).hasSize(inLiveState);
        assertThat(first.getString("trigger")).isEqualTo("start: " + inLiveState + " vessel calls in live state");

        Instant eta = Instant.now().plus(Duration.ofHours(2));
        await(yard.updateVesselCall(new VesselCall(new VesselCallId("NEWCALL"),
                new Vessel(new ImoNumber("9074729"), "TEST CARRIER", 250, 40, 12), new Voyage("001W"),
                new LineOperator("MSCU"), null, eta, null, eta.plus(Duration.ofHours(24)), BayPlan.EMPTY)));
        JsonObject added = awaitFact(fact -> box(fact, "NEWCALL") != null);
        assertThat(added.getJsonArray("vessels")).hasSize(inLiveState + 1);
        assertThat(Instant.parse(box(added, "NEWCALL").getString("start"))).isAfterOrEqualTo(eta);

        JsonObject reply = await(vertx.eventBus().<JsonObject>request(Addresses.BERTH_CALL_CHANGE, new JsonObject()
                .put("kind", "DELAYED").put("call", "NEWCALL").put("delayMinutes", 180))).body();
        long delayedVersion = reply.getLong("version");
        JsonObject delayed = awaitFact(fact -> fact.getLong("version") == delayedVersion);
        assertThat(delayed.getString("trigger")).isEqualTo("vessel call NEWCALL delayed by 180 min");
        assertThat(Instant.parse(box(delayed, "NEWCALL").getString("start")))
                .isAfterOrEqualTo(eta.plus(Duration.ofHours(3)));
        assertThat(await(vertx.eventBus().<JsonObject>request(Addresses.BERTH_PLAN_CURRENT, new JsonObject())).body())
                .isEqualTo(delayed);

        assertThatThrownBy(() -> await(vertx.eventBus().request(Addresses.BERTH_CALL_CHANGE, new JsonObject()
                .put("kind", "CANCELLED").put("call", "GHOST"))))
                .isInstanceOf(ReplyException.class).hasMessageContaining("the berth plan has no vessel call GHOST");
        assertThatThrownBy(() -> await(vertx.eventBus().request(Addresses.BERTH_CALL_CHANGE, new JsonObject()
                .put("kind", "SUNK").put("call", "NEWCALL"))))
                .isInstanceOf(ReplyException.class).hasMessageContaining("kind: no change kind 'SUNK'");

        // three commands at once: the first re-plans at once, the two arriving meanwhile share the next plan
        var delay = vertx.eventBus().<JsonObject>request(Addresses.BERTH_CALL_CHANGE, new JsonObject()
                .put("kind", "DELAYED").put("call", "NEWCALL").put("delayMinutes", 15));
        var eta5 = vertx.eventBus().<JsonObject>request(Addresses.BERTH_CALL_CHANGE, new JsonObject()
                .put("kind", "ETA_UPDATED").put("call", "NEWCALL").put("eta", eta.plus(Duration.ofHours(5)).toString()));
        var cancel = vertx.eventBus().<JsonObject>request(Addresses.BERTH_CALL_CHANGE, new JsonObject()
                .put("kind", "CANCELLED").put("call", "NEWCALL"));
        assertThat(await(delay).body().getLong("version")).isEqualTo(delayedVersion + 1);
        assertThat(await(eta5).body().getLong("version")).isEqualTo(delayedVersion + 2);
        long cancelledVersion = await(cancel).body().getLong("version");
        assertThat(cancelledVersion).isEqualTo(delayedVersion + 2);
        JsonObject cancelled = awaitFact(fact -> fact.getLong("version") == cancelledVersion);
        assertThat(box(cancelled, "NEWCALL")).isNull();
        assertThat(cancelled.getJsonArray("vessels")).hasSize(inLiveState);
        assertThat(facts).extracting(fact -> fact.getLong("version")).isSorted();
        assertThat(registry.get("portops.berth.replan.latency").timer().count()).isEqualTo(facts.size());
    }

    private static JsonObject box(JsonObject chart, String call) {
        return chart.getJsonArray("vessels").stream().map(JsonObject.class::cast)
                .filter(box -> box.getString("call").equals(call)).findFirst().orElse(null);
    }

    private JsonObject awaitFact(Predicate<JsonObject> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonObject fact : facts) {
                if (wanted.test(fact)) {
                    return fact;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no such berth plan published in 30 s; versions seen: "
                + facts.stream().map(fact -> fact.getLong("version")).toList());
    }
}
