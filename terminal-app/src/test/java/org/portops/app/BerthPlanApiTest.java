package org.portops.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portops.model.vessel.VesselCall;

/**
 * The berth planner in the whole launcher (embedded PostgreSQL, broker and Hazelcast, the sample terminal seeded):
 * it plans the vessel calls of live state at start, serves the berth-time chart on {@code GET /api/berth-plan},
 * and re-plans when live state reports a vessel call changed. It runs on the {@link SharedLaunch}: it delays one
 * vessel call that is not alongside, which no other class sharing the launch reads.
 */
@ExtendWith(SharedLaunch.class)
class BerthPlanApiTest {

    private static PortOps portops;

    @BeforeAll
    static void start(SharedLaunch.Running shared) {
        portops = shared.portops();
    }

    @Test
    void servesTheBerthTimeChartOfLiveStateAndFollowsALateEta() throws Exception {
        List<VesselCall> calls = portops.liveYard().reader().vesselCalls().await(30, TimeUnit.SECONDS);
        JsonObject first = awaitChart(chart -> chart.getJsonArray("vessels").size() == calls.size());

        JsonObject quay = first.getJsonObject("quay");
        assertThat(quay.getInteger("lengthMeters")).isEqualTo(1400);
        assertThat(quay.getInteger("quayCranes")).isEqualTo(14);
        assertThat(quay.getJsonArray("sections").stream().map(s -> ((JsonObject) s).getString("berth")).toList())
                .containsExactly("B1", "B2", "B3", "B4");
        assertThat(first.getJsonArray("conflicts")).isEmpty();
        for (Object item : first.getJsonArray("vessels")) {
            JsonObject box = (JsonObject) item;
            assertThat(box.getInteger("toMeter") - box.getInteger("fromMeter")).as(box.getString("call"))
                    .isPositive();
            assertThat(Instant.parse(box.getString("end"))).isAfter(Instant.parse(box.getString("start")));
            assertThat(box.getInteger("cranes")).isBetween(1, 6);
            assertThat(box.getJsonArray("explanation").stream().map(String.class::cast).toList())
                    .anyMatch(reason -> reason.startsWith("Time in port: " + box.getString("call")));
        }

        VesselCall due = calls.stream().filter(c -> c.berth() == null || c.etb() == null
                || c.etb().isAfter(Instant.now())).findFirst().orElseThrow();
        Duration late = Duration.ofHours(30);
        Instant lateEta = due.eta().plus(late);
        VesselCall delayed = new VesselCall(due.id(), due.vessel(), due.voyage(), due.line(), due.berth(), lateEta,
                due.etb() == null ? null : due.etb().plus(late), due.etd().plus(late), due.bayPlan());
        portops.liveYard().updateVesselCall(delayed).await(30, TimeUnit.SECONDS);

        long version = first.getLong("version");
        JsonObject after = awaitChart(chart -> chart.getLong("version") > version
                && chart.getString("trigger").contains(due.id().value()));
        JsonObject box = box(after, due.id().value());
        assertThat(Instant.parse(box.getString("start"))).isAfterOrEqualTo(lateEta);
        assertThat(box.getString("eta")).isEqualTo(lateEta.toString());
        assertThat(after.getLong("replanMillis")).isLessThan(10_000);
        assertThat(Launch.get(portops, "/metrics").body()).contains("portops_berth_replan_latency_seconds_count");
        for (Object item : first.getJsonArray("vessels")) {
            JsonObject before = (JsonObject) item;
            if (before.getBoolean("alongside")) {
                assertThat(box(after, before.getString("call"))).isEqualTo(before);
            }
        }
    }

    private static JsonObject box(JsonObject chart, String call) {
        JsonArray vessels = chart.getJsonArray("vessels");
        return vessels.stream().map(JsonObject.class::cast).filter(v -> v.getString("call").equals(call)).findFirst()
                .orElseThrow();
    }

    private static JsonObject awaitChart(Predicate<JsonObject> wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = Launch.get(portops, "/api/berth-plan");
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && wanted.test(new JsonObject(response.body()))) {
                return new JsonObject(response.body());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no such berth plan in 60 s; last answer: " + last);
    }
}
