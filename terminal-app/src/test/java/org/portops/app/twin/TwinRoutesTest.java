package org.portops.app.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.work.YardLocation;
import org.portops.state.ContainerView;
import org.portops.state.LiveYard;
import org.portops.state.testsupport.TestDatabase;
import org.portops.state.testsupport.TestHazelcast;
import org.portops.state.testsupport.TestLayouts;
import org.portops.state.testsupport.TestPostgres;
import org.portops.vessel.api.auth.ApiAuth;
import org.portops.vessel.api.auth.AuthSettings;
import org.portops.vessel.api.auth.Caller;
import org.portops.vessel.api.auth.Role;

/**
 * {@code POST /api/twin} on a real live yard (embedded PostgreSQL, Hazelcast, the sample terminal): a what-if
 * starts from the yard as live state has it now, runs each scenario beside the baseline, and refuses callers and
 * requests it must refuse with the reason.
 */
class TwinRoutesTest {
    private static final String SECRET = "twin-test-secret-of-at-least-thirty-two-bytes";
    private static final TerminalLayout LAYOUT = TestLayouts.sample();

    private static Vertx vertx;
    private static HazelcastInstance hazelcast;
    private static TestDatabase database;
    private static Pool pool;
    private static LiveYard yard;
    private static ApiAuth auth;
    private static HttpServer server;
    @TempDir
    static Path snapshots;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        hazelcast = TestHazelcast.member(TestHazelcast.uniqueClusterName("twin-routes"));
        database = TestPostgres.newDatabase(TestPostgres.any());
        pool = database.pool(vertx);
        Clock clock = Clock.systemUTC();
        yard = await(LiveYard.open(vertx, hazelcast, pool, LAYOUT, clock));
        auth = await(ApiAuth.create(vertx, AuthSettings.hmac(SECRET), clock));
        Router router = Router.router(vertx);
        // a still clock: a what-if from live state starts at the moment a snapshot of the same state is taken
        Clock still = Clock.fixed(clock.instant(), ZoneOffset.UTC);
        new TwinRoutes(vertx, yard.reader(), LAYOUT, auth, still, 2, snapshots).mount(router);
        server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        await(yard.close());
        await(pool.close());
        await(vertx.close());
        hazelcast.shutdown();
        database.drop();
    }

    private static HttpResponse<String> post(String token, String body) throws Exception {
        return post(token, "/api/twin", body);
    }

    private static HttpResponse<String> post(String token, String path, String body) throws Exception {
        return send(token, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(String token, HttpRequest.Builder request) throws Exception {
        request.timeout(Duration.ofMinutes(3));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(Role role) {
        return auth.mint(new Caller("twin-" + role.claim(), Set.of(role), null,
                role == Role.CRANE_DRIVER ? new EquipmentId("QC01") : null), Duration.ofMinutes(10));
    }

    @Test
    void aWhatIfStartsFromTheYardAsLiveStateHasIt() throws Exception {
        List<ContainerView> containers = await(yard.reader().containers());
        long inYard = containers.stream().filter(c -> c.location() instanceof YardLocation).count();

        HttpResponse<String> response = post(token(Role.PLANNER),
                "{\"hours\": 0.5, \"seed\": 3, \"scenarios\": [\"qc1-down=breakdown:QC01@0s+1h\"]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject body = new JsonObject(response.body());
        assertThat(body.getInteger("yardContainers")).isEqualTo((int) inYard).isPositive();
        assertThat(body.getInteger("vesselCalls")).isEqualTo(await(yard.reader().vesselCalls()).size());
        JsonArray scenarios = body.getJsonArray("scenarios");
        assertThat(scenarios.stream().map(s -> ((JsonObject) s).getString("scenario")))
                .containsExactly("baseline", "qc1-down");
        assertThat(scenarios.getJsonObject(1).getJsonObject("craneMoves").getInteger("QC01")).isZero();
        assertThat(body.getString("table")).contains("qc1-down");
        assertThat(body.getString("svg")).startsWith("<svg");
    }

    @Test
    void aWhatIfFromASavedSnapshotEqualsOneFromTheLiveStateItWasTakenOf() throws Exception {
        String planner = token(Role.PLANNER);
        HttpResponse<String> saved = post(planner, "/api/twin/snapshots", "{\"name\": \"before-shift\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        long inYard = await(yard.reader().containers()).stream().filter(c -> c.location() instanceof YardLocation)
                .count();
        assertThat(new JsonObject(saved.body()).getInteger("yardContainers")).isEqualTo((int) inYard).isPositive();
        HttpResponse<String> listed = send(planner, HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.actualPort() + "/api/twin/snapshots")).GET());
        assertThat(new JsonObject(listed.body()).getJsonArray("snapshots")).contains("before-shift");
        assertThat(TwinSnapshot.read(snapshots.resolve("before-shift.json")).inventory().containers())
                .hasSize((int) inYard);

        String ask = "{\"hours\": 0.15, \"seed\": 5, \"scenarios\": [\"qc2-down=breakdown:QC02@5m+1h\"]%s}";
        HttpResponse<String> fromLive = post(planner, ask.formatted(""));
        HttpResponse<String> fromSnapshot = post(planner, ask.formatted(", \"snapshot\": \"before-shift\""));

        assertThat(fromSnapshot.statusCode()).as(fromSnapshot.body()).isEqualTo(200);
        JsonObject live = new JsonObject(fromLive.body());
        JsonObject replayed = new JsonObject(fromSnapshot.body());
        assertThat(replayed.getString("snapshot")).isEqualTo("before-shift");
        assertThat(replayed.getString("from")).isEqualTo(live.getString("from"));
        assertThat(replayed.getJsonArray("scenarios")).isEqualTo(live.getJsonArray("scenarios"));
        assertThat(live.getJsonArray("scenarios").getJsonObject(0).getInteger("vesselMoves")).isPositive();
    }

    @Test
    void refusesSnapshotRequestsItMustRefuseWithTheReason() throws Exception {
        String operator = token(Role.OPERATOR);
        assertThat(post(operator, "/api/twin/snapshots", "{\"name\": \"kept\"}").statusCode()).isEqualTo(201);

        HttpResponse<String> again = post(operator, "/api/twin/snapshots", "{\"name\": \"kept\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("a twin snapshot 'kept' exists");
        HttpResponse<String> badName = post(operator, "/api/twin/snapshots", "{\"name\": \"../etc\"}");
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(badName.body()).getString("field")).isEqualTo("name");
        HttpResponse<String> missing = post(operator, "{\"hours\": 0.1, \"snapshot\": \"never-taken\"}");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no twin snapshot 'never-taken'");
        Files.writeString(snapshots.resolve("broken.json"), "{\"format\": \"portops-twin-snapshot\", \"version\": 9}");
        HttpResponse<String> broken = post(operator, "{\"hours\": 0.1, \"snapshot\": \"broken\"}");
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(new JsonObject(broken.body()).getString("field")).isEqualTo("snapshot");
        assertThat(broken.body()).contains("twin snapshot version 9 is not one this PortOps reads");
        assertThat(post(token(Role.CRANE_DRIVER), "/api/twin/snapshots", "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void refusesCallersAndRequestsItMustRefuseWithTheReason() throws Exception {
        assertThat(post(null, "{}").statusCode()).isEqualTo(401);
        HttpResponse<String> driver = post(token(Role.CRANE_DRIVER), "{}");
        assertThat(driver.statusCode()).isEqualTo(403);

        HttpResponse<String> badEvent = post(token(Role.OPERATOR), "{\"scenarios\": [\"x=quake:QC01@0s+1h\"]}");
        assertThat(badEvent.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(badEvent.body()).getString("field")).isEqualTo("scenarios[0]");
        assertThat(new JsonObject(badEvent.body()).getString("error")).contains("unknown event kind 'quake'");

        HttpResponse<String> tooLong = post(token(Role.OPERATOR), "{\"hours\": 500}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(tooLong.body()).getString("field")).isEqualTo("hours");

        HttpResponse<String> unknownCrane = post(token(Role.OPERATOR),
                "{\"hours\": 0.1, \"scenarios\": [\"x=breakdown:QC77@0s+1h\"]}");
        assertThat(unknownCrane.statusCode()).isEqualTo(422);
        assertThat(unknownCrane.body()).contains("no machine QC77 in the terminal");

        assertThat(post(token(Role.OPERATOR), "not json").statusCode()).isEqualTo(400);
    }
}
