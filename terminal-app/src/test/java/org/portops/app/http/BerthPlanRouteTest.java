package org.portops.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.app.health.Health;
import org.portops.app.metrics.Metrics;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.state.YardHazelcast;
import org.portops.state.YardMaps;
import org.portops.state.alert.AlertBoard;
import org.portops.state.live.HazelcastYardReader;

/** {@code GET /api/berth-plan} over real HTTP when no berth planner runs ({@code berth.enabled=false}). */
class BerthPlanRouteTest {

    private HazelcastInstance hazelcast;
    private Vertx vertx;
    private Metrics metrics;
    private int port;

    @BeforeEach
    void start() throws Exception {
        var config = YardHazelcast.memberConfig("portops-test-berth-route-" + UUID.randomUUID(), 5701,
                List.of("127.0.0.1"));
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        hazelcast = Hazelcast.newHazelcastInstance(config);
        vertx = Vertx.vertx();
        metrics = new Metrics();
        HttpVerticle verticle = new HttpVerticle("127.0.0.1", 0, new Health(List.of()), metrics, hazelcast,
                new HazelcastYardReader(vertx, YardMaps.of(hazelcast), TerminalLayoutLoader.sample(), Clock.systemUTC()),
                new AlertBoard(vertx, hazelcast, Clock.systemUTC()));
        vertx.deployVerticle(verticle).await(30, TimeUnit.SECONDS);
        port = verticle.actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
        metrics.close();
        hazelcast.shutdown();
    }

    @Test
    void answersServiceUnavailableNamingTheSettingWhenNoPlannerRuns() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/berth-plan")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(new JsonObject(response.body()).getString("error"))
                .isEqualTo("the berth planner is not running (berth.enabled=false)");
    }
}
