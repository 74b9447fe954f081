package org.portops.vessel.api;

import static org.portops.state.testsupport.Await.await;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.LineOperator;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.GateLocation;
import org.portops.model.work.MoveKind;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;
import org.portops.state.LiveYard;
import org.portops.state.MoveRequest;
import org.portops.state.MoveResult;
import org.portops.state.YardMaps;
import org.portops.state.block.BlockState;
import org.portops.state.testsupport.TestDatabase;
import org.portops.state.testsupport.TestHazelcast;
import org.portops.state.testsupport.TestLayouts;
import org.portops.state.testsupport.TestPostgres;
import org.portops.vessel.api.auth.ApiAuth;
import org.portops.vessel.api.auth.AuthSettings;
import org.portops.vessel.api.auth.Caller;
import org.portops.vessel.api.auth.Role;
import org.portops.vessel.api.events.CallbackGuard;
import org.portops.vessel.api.gate.GateSettings;

/**
 * A running vessel API for tests: a fresh migrated database on the embedded PostgreSQL, a Hazelcast member, the
 * live yard of the small test terminal, and the API's router on an HTTP server on a free port. Lines {@code LNA}
 * and {@code LNB} are the tenants; their containers are numbered apart per test so tests never collide.
 */
public final class ApiTerminal implements AutoCloseable {

    public static final String SECRET = "test-secret-of-at-least-thirty-two-bytes!";
    public static final LineOperator LINE_A = new LineOperator("LNA");
    public static final LineOperator LINE_B = new LineOperator("LNB");
    private static final AtomicInteger SERIALS = new AtomicInteger(100_000);
    private static final AtomicInteger LINES = new AtomicInteger();

    public final Vertx vertx = Vertx.vertx();
    public final Clock clock = Clock.systemUTC();
    public final TestDatabase database;
    public final Pool pool;
    public final HazelcastInstance hazelcast;
    public final LiveYard yard;
    public final ApiAuth auth;
    private final HttpServer server;
    // HTTP/1.1: the JDK client's cleartext HTTP/2 upgrade once hung a request past its timeout here
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public ApiTerminal() {
        this(AuthSettings.hmac(SECRET));
    }

    public ApiTerminal(AuthSettings settings) {
        this(settings, VesselApi.Settings.of(GATE, CallbackGuard.Policy.permissive()));
    }

    /** Appointment windows of a day, twelve trucks each: tests book today's window and run their transactions at once. */
    public static final GateSettings GATE = new GateSettings(Duration.ofDays(1), 12);

    /**
     * @param settings the API's settings; the other constructors allow plain-http callbacks on loopback, where the
     *                 tests' webhook receivers listen
     */
    public ApiTerminal(AuthSettings auth, VesselApi.Settings settings) {
        database = TestPostgres.newDatabase(TestPostgres.any());
        pool = database.pool(vertx);
        hazelcast = TestHazelcast.member(TestHazelcast.uniqueClusterName("vessel-api"));
        yard = await(LiveYard.open(vertx, hazelcast, pool, TestLayouts.small(), clock), 180);
        this.auth = await(ApiAuth.create(vertx, auth, clock));
        Router api = await(VesselApi.router(vertx, yard, pool, this.auth, clock, TestLayouts.small(),
                settings));
        Router root = Router.router(vertx);
        root.get("/health").handler(ctx -> ctx.end("UP"));
        root.route("/*").subRouter(api);
        root.route().last().handler(ctx -> ctx.response().setStatusCode(404).end("not found by the server"));
        server = await(vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1"));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    // tokens

    public String token(Caller caller) {
        return auth.mint(caller, Duration.ofMinutes(10));
    }

    public String lineToken(LineOperator line) {
        return token(new Caller("system-of-" + line.code(), Set.of(Role.LINE), line, null));
    }

    public String staffToken(Role role) {
        return token(new Caller("staff-" + role.claim(), Set.of(role), null,
                role == Role.CRANE_DRIVER ? new EquipmentId("QC01") : null));
    }

    /** A token over any claims, signed with the test secret: for tokens PortOps would never mint. */
    public String signed(JsonObject claims) {
        JWTAuth signer = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(
                new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(SECRET)));
        return signer.generateToken(claims.copy().put("iss", AuthSettings.DEFAULT_ISSUER)
                .put("aud", AuthSettings.DEFAULT_AUDIENCE), new JWTOptions().setAlgorithm("HS256"));
    }

    // yard

    /** A line of three letters no other test uses; its containers' owner code is the same three letters. */
    public static LineOperator uniqueLine() {
        int n = LINES.incrementAndGet();
        return new LineOperator("Q" + (char) ('A' + n / 26 % 26) + (char) ('A' + n % 26));
    }

    /** A new container of {@code line} with a number no other test uses. */
    public static Container container(LineOperator line) {
        String owner = line.equals(LINE_A) ? "AAA" : line.equals(LINE_B) ? "BBB" : line.code();
        return new Container(ContainerNumber.fromParts(owner, 'U', SERIALS.incrementAndGet()),
                new SizeTypeCode("22G1"), new VgmWeight(12_000), line, new UnLocode("CNSHA"), new UnLocode("NLRTM"),
                ContainerCategory.EXPORT, null, null);
    }

    /** Brings a container in through the gate onto a free ground slot; returns the slot. */
    public YardSlot gateIn(Container container) {
        YardSlot slot = freeGroundSlot();
        MoveResult result = await(yard.move(MoveRequest.arrival(container, MoveKind.GATE_IN, new GateLocation("IN-1"),
                new YardLocation(slot))));
        if (!(result instanceof MoveResult.Accepted)) {
            throw new IllegalStateException("gate-in of " + container.number() + " refused: " + result);
        }
        return slot;
    }

    /** A ground slot no container stands on. */
    public YardSlot freeGroundSlot() {
        for (BlockState block : YardMaps.of(hazelcast).blocks().values()) {
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

    // HTTP

    /** A response: status, headers and the body as text. */
    public record Response(int status, HttpHeaders headers, String body) {

        public JsonObject json() {
            return new JsonObject(body);
        }

        public JsonArray array() {
            return new JsonArray(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Response send(String method, String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The audit log's entries about {@code subject}, oldest first, as "actor action". */
    public List<String> audited(String subject) {
        try (Connection connection = database.jdbc();
             PreparedStatement query = connection.prepareStatement(
                     "select actor, action from audit_log where subject = ? order by id")) {
            query.setString(1, subject);
            List<String> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A vessel call body for {@code POST /api/v1/vessel-calls}. */
    public static JsonObject newCall(String id, LineOperator line) {
        return new JsonObject()
                .put("id", id)
                .put("vessel", new JsonObject().put("imo", "9074729").put("name", "TEST TRADER")
                        .put("lengthOverallMeters", 300).put("beamMeters", 40).put("draftMeters", 13.5))
                .put("voyage", "001E")
                .put("line", line.code())
                .put("eta", "2026-12-01T06:00:00Z")
                .put("etd", "2026-12-02T18:00:00Z");
    }

    @Override
    public void close() {
        await(yard.close());
        await(pool.close());
        await(vertx.close());
        hazelcast.shutdown();
        database.drop();
    }
}
