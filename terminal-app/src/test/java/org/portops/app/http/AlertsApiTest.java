package org.portops.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portops.app.health.Health;
import org.portops.app.metrics.Metrics;
import org.portops.model.event.AlertKind;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.state.YardHazelcast;
import org.portops.state.YardMaps;
import org.portops.state.alert.ActiveAlert;
import org.portops.state.alert.AlertBoard;
import org.portops.state.live.HazelcastYardReader;

/** {@code GET /api/alerts} over real HTTP, reading the alert board on a real Hazelcast member. */
class AlertsApiTest {

    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");

    private HazelcastInstance hazelcast;
    private Vertx vertx;
    private Metrics metrics;
    private AlertBoard board;
    private int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        var config = YardHazelcast.memberConfig("portops-test-alerts-api-" + UUID.randomUUID(), 5701,
                List.of("127.0.0.1"));
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        hazelcast = Hazelcast.newHazelcastInstance(config);
        vertx = Vertx.vertx();
        metrics = new Metrics();
        board = new AlertBoard(vertx, hazelcast, Clock.systemUTC());
        HttpVerticle verticle = new HttpVerticle("127.0.0.1", 0, new Health(List.of()), metrics, hazelcast,
                new HazelcastYardReader(vertx, YardMaps.of(hazelcast), TerminalLayoutLoader.sample(), Clock.systemUTC()),
                board);
        await(vertx.deployVerticle(verticle));
        port = verticle.actualPort();
    }

    @AfterEach
    void stop() {
        await(vertx.close());
        metrics.close();
        hazelcast.shutdown();
    }

    @Test
    void listsActiveAlertsMostRecentFirstAndFiltersByKindAndSubject() throws Exception {
        await(board.raise(AlertKind.EQUIPMENT_OFFLINE, "QC01", "", "QC01 is offline: silent for 31 s", T0, 1));
        await(board.raise(AlertKind.SPOOFING, "TT004", "", "message on TT004's topic claims to be from TT001",
                T0.plusSeconds(5), 3));
        await(board.raise(AlertKind.EQUIPMENT_OFFLINE, "TT004", "", "TT004 is offline: it said OFFLINE",
                T0.plusSeconds(9), 1));
        await(board.acknowledge(ActiveAlert.key(AlertKind.SPOOFING, "TT004", ""), "m.jansen"));

        JsonArray all = get("/api/alerts").getJsonArray("alerts");
        assertThat(all.stream().map(a -> ((JsonObject) a).getString("key")).toList()).containsExactly(
                "EQUIPMENT_OFFLINE/TT004", "SPOOFING/TT004", "EQUIPMENT_OFFLINE/QC01");
        JsonObject spoofing = all.getJsonObject(1);
        assertThat(spoofing.getString("severity")).isEqualTo("CRITICAL");
        assertThat(spoofing.getLong("occurrences")).isEqualTo(3);
        assertThat(spoofing.getString("firstSeen")).isEqualTo("2026-11-24T06:00:05Z");
        assertThat(spoofing.getString("acknowledgedBy")).isEqualTo("m.jansen");

        assertThat(get("/api/alerts?kind=EQUIPMENT_OFFLINE").getJsonArray("alerts").stream()
                .map(a -> ((JsonObject) a).getString("subject")).toList()).containsExactly("TT004", "QC01");
        assertThat(get("/api/alerts?subject=TT004").getJsonArray("alerts")).hasSize(2);
        assertThat(get("/api/alerts?kind=SPOOFING&subject=QC01").getJsonArray("alerts")).isEmpty();
    }

    @Test
    void unknownKindIsABadRequestNamingTheKinds() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/alerts?kind=FIRE")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(response.body()).getString("error"))
                .startsWith("kind: no alert kind FIRE; one of [EQUIPMENT_OFFLINE, SPOOFING,");
    }

    private JsonObject get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return new JsonObject(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
