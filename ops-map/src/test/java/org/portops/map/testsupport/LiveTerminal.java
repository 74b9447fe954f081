package org.portops.map.testsupport;

import static org.portops.state.testsupport.Await.await;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.portops.map.AlertRoutes;
import org.portops.map.CabRoutes;
import org.portops.map.HoldRoutes;
import org.portops.map.KpiRoutes;
import org.portops.map.OpsMapRoutes;
import org.portops.map.OpsMapVerticle;
import org.portops.map.OverrideRoutes;
import org.portops.map.StackRoutes;
import org.portops.map.access.MapAccess;
import org.portops.map.cab.CabDesk;
import org.portops.map.kpi.CraneShiftClock;
import org.portops.map.kpi.Shifts;
import org.portops.map.override.OverrideDesk;
import org.portops.map.yard.HoldDesk;
import org.portops.map.yard.StackDesk;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.layout.TerminalLayout;
import org.portops.state.LiveYard;
import org.portops.state.audit.AuditTrail;
import org.portops.state.testsupport.TestDatabase;
import org.portops.state.testsupport.TestHazelcast;
import org.portops.state.testsupport.TestLayouts;
import org.portops.state.testsupport.TestPostgres;
import org.portops.vessel.api.ApiException;
import org.portops.vessel.api.auth.ApiAuth;
import org.portops.vessel.api.auth.AuthSettings;
import org.portops.vessel.api.auth.Caller;
import org.portops.vessel.api.auth.Permission;
import org.portops.vessel.api.auth.Role;

/**
 * A live yard of the small test terminal on its own database and cluster (the sample inventory seeded), with the
 * operator map's feed deployed and its routes on an HTTP server on a free port, behind the vessel API's auth with a
 * secret of its own ({@link #token} mints the tokens people sign in with).
 */
public final class LiveTerminal implements AutoCloseable {

    public final TerminalLayout layout = TestLayouts.small();
    public final Vertx vertx = Vertx.vertx();
    public final LiveYard yard;
    public final CabDesk cab;
    public final ApiAuth auth;
    public final AuditTrail audit;
    /** Shifts of 8 h, the one running having begun an hour before the terminal opened, so a test is never at its edge. */
    public final CraneShiftClock shift = new CraneShiftClock(new Shifts(
            LocalTime.now(ZoneOffset.UTC).minusHours(1).withSecond(0).withNano(0), Duration.ofHours(8), ZoneOffset.UTC));
    private final TestDatabase database;
    public final Pool pool;
    private final HazelcastInstance hazelcast;
    private HttpServer server;
    /** What {@code POST /api/twin} answers a caller who may run what-ifs; 503 until a test sets it. */
    public volatile Handler<RoutingContext> twin = ctx -> ctx.response().setStatusCode(503).end();

    public LiveTerminal(String name) {
        database = TestPostgres.newDatabase(TestPostgres.any());
        pool = database.pool(vertx);
        hazelcast = TestHazelcast.member(TestHazelcast.uniqueClusterName(name));
        yard = await(LiveYard.open(vertx, hazelcast, pool, layout, Clock.systemUTC()), 120);
        cab = new CabDesk(yard, Clock.systemUTC());
        auth = await(ApiAuth.create(vertx, AuthSettings.hmac(secret(name)),
                Clock.systemUTC()));
        audit = new AuditTrail(pool, Clock.systemUTC());
    }

    /** The HMAC secret of the terminal named {@code name}: tests mint expired tokens with it. */
    public static String secret(String name) {
        return "map-test-secret-" + name + "-0123456789abcdefghij";
    }

    /** A token for {@code subject} with {@code roles}, valid for an hour. */
    public String token(String subject, Role... roles) {
        Set<Role> set = roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles);
        return auth.mint(new Caller(subject, set, null, null), Duration.ofHours(1));
    }

    /** A crane driver's token, bound to {@code machine}. */
    public String driverToken(String subject, String machine) {
        return auth.mint(new Caller(subject, Set.of(Role.CRANE_DRIVER), null, new EquipmentId(machine)),
                Duration.ofHours(1));
    }

    /** Deploys the feed and serves the map's routes; returns the port. */
    public int serve() {
        await(vertx.deployVerticle(new OpsMapVerticle(yard.reader(), OpsMapVerticle.DEFAULT_FLUSH,
                Clock.systemUTC(), shift)));
        return listen(0);
    }

    /** Drops the HTTP server and every connection to it, as a network outage would. */
    public void dropHttp() {
        await(server.close());
    }

    /** Serves again on the port it had. */
    public void resumeHttp(int port) {
        listen(port);
    }

    private int listen(int port) {
        Router router = Router.router(vertx);
        MapAccess access = new MapAccess(auth);
        new OpsMapRoutes(layout, yard.reader(), yard.alerts(), Clock.systemUTC(), access).mount(router);
        new CabRoutes(yard.reader(), cab, access).mount(router);
        new OverrideRoutes(new OverrideDesk(vertx.eventBus(), audit), access).mount(router);
        new KpiRoutes(layout, yard.reader(), pool, Clock.systemUTC(), access, shift).mount(router);
        new AlertRoutes(yard.alerts(), access).mount(router);
        new StackRoutes(new StackDesk(yard, audit), access).mount(router);
        new HoldRoutes(new HoldDesk(yard, audit), access).mount(router);
        // the service's what-if route (terminal-app's TwinRoutes) as far as this module can have it: after the map's
        // routes, verifying the bearer token and the API's RUN_WHAT_IF as TwinRoutes does; the answer is the test's
        router.post("/api/twin").handler(BodyHandler.create()).handler(auth::authenticate).handler(ctx -> {
            try {
                ApiAuth.require(ctx, Permission.RUN_WHAT_IF);
            } catch (ApiException e) {
                ctx.response().setStatusCode(e.status()).end(new JsonObject().put("error", e.getMessage()).encode());
                return;
            }
            twin.handle(ctx);
        });
        server = await(vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1"));
        return server.actualPort();
    }

    public int port() {
        return server.actualPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    @Override
    public void close() {
        await(yard.close());
        await(vertx.close());
        hazelcast.shutdown();
        database.drop();
    }

    public static Duration within(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
