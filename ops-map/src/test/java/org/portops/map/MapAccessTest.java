package org.portops.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portops.map.access.MapAccess;
import org.portops.map.access.MapPermission;
import org.portops.map.testsupport.LiveTerminal;
import org.portops.model.container.ContainerNumber;
import org.portops.model.event.AlertKind;
import org.portops.model.work.MoveKind;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.StackId;
import org.portops.model.yard.Tier;
import org.portops.state.MoveRequest;
import org.portops.state.MoveResult;
import org.portops.state.StackView;
import org.portops.vessel.api.auth.ApiAuth;
import org.portops.vessel.api.auth.AuthSettings;
import org.portops.vessel.api.auth.Caller;
import org.portops.vessel.api.auth.Permission;
import org.portops.vessel.api.auth.Role;
import org.portops.vessel.api.auth.TokenMinter;

/**
 * Sign-in and roles of the map and the cab, enforced by the server over HTTP (the vessel API's tokens): nothing
 * without a valid token, the map for the control room, planners and viewers, a driver only its own machine,
 * overrides and acknowledgements for operators and supervisors, a viewer changing nothing, the what-if for the
 * roles the API's table lets run it, and the session cookie a browser's EventSource and the what-if carry.
 */
class MapAccessTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> MAP_READS = List.of("/api/layout", "/api/map/stream",
            "/api/map/stacks/A01-01-01", "/api/map/machines/QC01", "/api/map/session");
    private static LiveTerminal terminal;

    @BeforeAll
    static void start() {
        terminal = new LiveTerminal("map-access");
        terminal.serve();
    }

    @AfterAll
    static void stop() {
        terminal.close();
    }

    @Test
    void everyDataRouteRefusesARequestWithoutAToken() throws Exception {
        for (String path : MAP_READS) {
            assertThat(get(path, null).status()).as(path).isEqualTo(401);
        }
        assertThat(get("/api/cab/QC01", null).status()).isEqualTo(401);
        assertThat(post("/api/cab/QC01/confirm", null, "{}").status()).isEqualTo(401);
        assertThat(post("/api/map/override", null, "{\"instruction\":\"X\",\"crane\":\"QC02\"}").status())
                .isEqualTo(401);
        assertThat(get("/", null).status()).as("the page itself holds no data").isEqualTo(200);
    }

    @Test
    void aForgedOrExpiredTokenIsRefused() throws Exception {
        Caller mallory = new Caller("mallory", Set.of(Role.OPERATOR), null, null);
        String forged = new TokenMinter(AuthSettings.hmac("someone-else's-secret-0123456789abcdef"), Clock.systemUTC())
                .mint(mallory, Duration.ofHours(1));
        assertThat(get("/api/layout", forged).status()).isEqualTo(401);
        // minted two hours ago for five minutes: well past the 30 s of clock skew the auth allows
        String expired = new TokenMinter(AuthSettings.hmac(LiveTerminal.secret("map-access")),
                Clock.offset(Clock.systemUTC(), Duration.ofHours(-2))).mint(mallory, Duration.ofMinutes(5));
        Answer refused = get("/api/layout", expired);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("expired");
    }

    @Test
    void operatorsAndPlannersSeeTheMapOtherRolesDoNot() throws Exception {
        String operator = terminal.token("olga", Role.OPERATOR);
        String planner = terminal.token("piet", Role.PLANNER);
        for (String path : List.of("/api/layout", "/api/map/stacks/A01-01-01", "/api/map/machines/QC01")) {
            assertThat(get(path, operator).status()).as("operator " + path).isEqualTo(200);
            assertThat(get(path, planner).status()).as("planner " + path).isEqualTo(200);
        }
        Answer clerk = get("/api/layout", terminal.token("gina", Role.GATE_CLERK));
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(clerk.body()).contains("gina").contains("gate-clerk").contains("may not view map");
        Answer driver = get("/api/map/stream", terminal.driverToken("dirk", "QC01"));
        assertThat(driver.status()).as("a driver's tablet sees its machine, not the map").isEqualTo(403);
    }

    @Test
    void aDriverSeesAndConfirmsOnlyTheMachineOfItsToken() throws Exception {
        String dirk = terminal.driverToken("dirk", "QC01");
        assertThat(get("/api/cab/QC01", dirk).status()).isNotIn(401, 403);
        Answer other = get("/api/cab/QC02", dirk);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body()).contains("dirk drives QC01, not QC02");
        String command = "{\"instruction\":\"WI-1\",\"seen\":\"DISPATCHED\",\"key\":\"key-0001\"}";
        assertThat(post("/api/cab/QC02/confirm", dirk, command).status()).isEqualTo(403);
        assertThat(post("/api/cab/QC01/confirm", terminal.token("olga", Role.OPERATOR), command).status())
                .as("the control room does not press a driver's buttons").isEqualTo(403);
        Answer unknown = post("/api/cab/QC01/confirm", dirk, command);
        assertThat(unknown.status()).as("past the auth, an unknown instruction: %s", unknown.body()).isEqualTo(404);
    }

    @Test
    void onlyOperatorsMayOverrideThePlan() throws Exception {
        String body = "{\"instruction\":\"WI-1\",\"crane\":\"QC02\"}";
        Answer planner = post("/api/map/override", terminal.token("piet", Role.PLANNER), body);
        assertThat(planner.status()).isEqualTo(403);
        assertThat(planner.body()).contains("may not override plan");
        assertThat(post("/api/map/override", terminal.driverToken("dirk", "QC01"), body).status()).isEqualTo(403);
    }

    @Test
    void eachRoleIsGrantedWhatTheOneTableSays() throws Exception {
        Map<Role, List<String>> expected = Map.of(
                Role.ADMIN, List.of("VIEW_MAP", "OVERRIDE_PLAN", "CONTROL_YARD", "HOLD_CONTAINERS", "ACKNOWLEDGE_ALERTS",
                        "RUN_WHAT_IF"),
                Role.OPERATOR, List.of("VIEW_MAP", "OVERRIDE_PLAN", "ACKNOWLEDGE_ALERTS", "RUN_WHAT_IF"),
                Role.SUPERVISOR, List.of("VIEW_MAP", "OVERRIDE_PLAN", "CONTROL_YARD", "HOLD_CONTAINERS", "ACKNOWLEDGE_ALERTS",
                        "RUN_WHAT_IF"),
                Role.PLANNER, List.of("VIEW_MAP", "RUN_WHAT_IF"),
                Role.VIEWER, List.of("VIEW_MAP"),
                Role.GATE_CLERK, List.of());
        for (var role : expected.entrySet()) {
            Answer who = get("/api/map/session", terminal.token("p-" + role.getKey().claim(), role.getKey()));
            assertThat(new JsonObject(who.body()).getJsonArray("permissions").getList()).as(role.getKey().claim())
                    .containsExactlyElementsOf(role.getValue());
        }
        for (Role role : Role.values()) {
            assertThat(MapPermission.grantedTo(role).contains(MapPermission.RUN_WHAT_IF)).as(role.claim())
                    .isEqualTo(Permission.grantedTo(role).contains(Permission.RUN_WHAT_IF));
        }
    }

    @Test
    void aViewerReadsTheMapAndChangesNothing() throws Exception {
        String viewer = terminal.token("vera", Role.VIEWER);
        for (String path : List.of("/api/layout", "/api/map/stacks/A01-01-01", "/api/map/machines/QC01",
                "/api/map/kpis", "/api/map/kpis/yard")) {
            assertThat(get(path, viewer).status()).as("viewer " + path).isEqualTo(200);
        }
        Answer override = post("/api/map/override", viewer, "{\"instruction\":\"WI-1\",\"crane\":\"QC02\"}");
        assertThat(override.status()).isEqualTo(403);
        assertThat(override.body()).contains("vera").contains("viewer").contains("may not override plan");
        String alert = raiseAlert("QC07");
        Answer acknowledge = acknowledge(alert, viewer);
        assertThat(acknowledge.status()).isEqualTo(403);
        assertThat(acknowledge.body()).contains("may not acknowledge alerts");
        assertThat(await(terminal.yard.alerts().alert(alert))).get()
                .satisfies(a -> assertThat(a.acknowledged()).isFalse());
        assertThat(post("/api/twin", viewer, "{}").status()).as("the API's table: no what-if").isEqualTo(403);
        assertThat(post("/api/cab/QC01/confirm", viewer, "{}").status()).isEqualTo(403);
    }

    @Test
    void aSupervisorOverridesAndAcknowledgesAlertsUnderTheirOwnName() throws Exception {
        String supervisor = terminal.token("sam", Role.SUPERVISOR);
        Answer override = post("/api/map/override", supervisor, "{\"instruction\":\"WI-NONE\",\"crane\":\"QC02\"}");
        assertThat(override.status()).as("past the auth, no crane scheduler here: %s", override.body())
                .isIn(404, 503);
        String alert = raiseAlert("QC08");
        Answer acknowledged = acknowledge(alert, supervisor);
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(await(terminal.yard.alerts().alert(alert))).get()
                .satisfies(a -> assertThat(a.acknowledgedBy()).isEqualTo("sam"));
        Answer again = acknowledge(alert, terminal.token("olga", Role.OPERATOR));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already acknowledged by sam");
        assertThat(acknowledge("EQUIPMENT_OFFLINE/NOPE", supervisor).status()).isEqualTo(409);
    }

    @Test
    void aSupervisorClosesAStackToNewContainersAndOpensItAgainUnderTheirOwnName() throws Exception {
        StackId closing = emptyStack();
        String path = "/api/map/stacks/" + closing + "/close";
        String why = "{\"reason\":\"ground slab cracked\"}";
        Answer operator = post(path, terminal.token("olga", Role.OPERATOR), why);
        assertThat(operator.status()).isEqualTo(403);
        assertThat(operator.body()).contains("may not control yard");
        assertThat(post(path, terminal.token("vic", Role.VIEWER), why).status()).isEqualTo(403);
        String supervisor = terminal.token("sam", Role.SUPERVISOR);
        Answer noReason = post(path, supervisor, "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason: missing");
        assertThat(post("/api/map/stacks/Z99-01-01/close", supervisor, why).status()).isEqualTo(404);

        Answer closed = post(path, supervisor, why);

        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        StackView view = await(terminal.yard.reader().stack(closing));
        assertThat(new JsonObject(closed.body()).getInteger("slots")).isEqualTo(view.tiers().size());
        assertThat(view.tiers()).as("every slot closed in the live yard").allMatch(StackView.TierView::closed);
        ContainerNumber box = await(terminal.yard.reader().containers()).stream()
                .filter(c -> c.location() instanceof YardLocation yard && yard.slot().tier().level() > 1)
                .map(c -> c.container().number()).findFirst().orElseThrow();
        YardLocation from = (YardLocation) await(terminal.yard.reader().container(box)).orElseThrow().location();
        MoveResult refused = await(terminal.yard.move(MoveRequest.of(box, MoveKind.YARD_SHIFT, from,
                new YardLocation(closing.at(new Tier(1))))));
        assertThat(refused).as("the live yard, which every planner's moves meet, takes no box into it")
                .isInstanceOf(MoveResult.Refused.class);

        Answer opened = post("/api/map/stacks/" + closing + "/open", supervisor, "{\"reason\":\"slab repaired\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(await(terminal.yard.reader().stack(closing)).tiers()).noneMatch(StackView.TierView::closed);
        List<String> audited = new ArrayList<>();
        await(terminal.pool.preparedQuery("select actor, details from audit_log where action = 'override' "
                + "and subject = $1 order by id").execute(Tuple.of("stack " + closing))).forEach(row -> audited.add(
                row.getString("actor") + "|" + ((JsonObject) row.getValue("details")).getString("what")));
        assertThat(audited).containsExactly(
                "sam|stack " + closing + " closed to new containers: " + view.tiers().size() + " slots changed",
                "sam|stack " + closing + " reopened: " + view.tiers().size() + " slots changed");
    }

    @Test
    void aSupervisorHoldsAContainerInTheGatesListAndReleasesItUnderTheirOwnName() throws Exception {
        ContainerNumber box = await(terminal.yard.reader().containers()).stream()
                .filter(c -> c.location() instanceof YardLocation).map(c -> c.container().number())
                .reduce((first, second) -> second).orElseThrow();
        String path = "/api/map/containers/" + box + "/hold";
        String why = "{\"reason\":\"seal broken\"}";
        Answer operator = post(path, terminal.token("olga", Role.OPERATOR), why);
        assertThat(operator.status()).isEqualTo(403);
        assertThat(operator.body()).contains("may not hold containers");
        assertThat(post(path, terminal.token("vic", Role.VIEWER), why).status()).isEqualTo(403);
        String supervisor = terminal.token("sam", Role.SUPERVISOR);
        Answer noReason = post(path, supervisor, "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason: missing");
        assertThat(post("/api/map/containers/MSCU1234566/hold", supervisor, why).status())
                .as("a box the terminal does not have").isEqualTo(404);
        assertThat(post("/api/map/containers/NOTABOX/hold", supervisor, why).status()).isEqualTo(400);

        Answer held = post(path, supervisor, why);

        assertThat(held.status()).as(held.body()).isEqualTo(200);
        assertThat(new JsonObject(held.body()).getJsonArray("holds")).singleElement()
                .satisfies(hold -> assertThat(((JsonObject) hold).getString("kind")).isEqualTo("TERMINAL"));
        List<String> gate = new ArrayList<>();
        await(terminal.pool.preparedQuery("select kind, reason, placed_by from container_holds where container = $1 "
                + "and released_at is null").execute(Tuple.of(box.value()))).forEach(row -> gate.add(
                row.getString("kind") + "|" + row.getString("reason") + "|" + row.getString("placed_by")));
        assertThat(gate).as("the gate's one list of holds").containsExactly("TERMINAL|seal broken|sam");
        Answer twice = post(path, supervisor, why);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("already has an active TERMINAL hold");
        Answer seen = get("/api/map/containers/" + box + "/holds", terminal.token("vic", Role.VIEWER));
        assertThat(seen.status()).isEqualTo(200);
        assertThat(new JsonObject(seen.body()).getJsonArray("holds")).hasSize(1);

        Answer released = post("/api/map/containers/" + box + "/release", supervisor, "{\"reason\":\"resealed\"}");
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(new JsonObject(released.body()).getJsonArray("holds")).isEmpty();
        assertThat(await(terminal.yard.holds().active(box))).isEmpty();
        List<String> audited = new ArrayList<>();
        await(terminal.pool.preparedQuery("select actor, details from audit_log where action = 'override' "
                + "and subject = $1 order by id").execute(Tuple.of("container " + box))).forEach(row -> audited.add(
                row.getString("actor") + "|" + ((JsonObject) row.getValue("details")).getString("what")));
        assertThat(audited).containsExactly("sam|container " + box + " held",
                "sam|container " + box + " held: refused: " + box + " already has an active TERMINAL hold: held: "
                        + "seal broken (terminal hold by sam)",
                "sam|container " + box + " released from its terminal hold");
    }

    /** A stack with nothing in it and nothing on its way, whose neighbours hold no 40' over it. */
    private static StackId emptyStack() {
        for (var block : terminal.layout.blocks()) {
            for (int bay = 1; bay <= block.bays(); bay += 2) {
                for (int row = 1; row <= block.rows(); row++) {
                    StackId stack = StackId.of(block.id().value(), bay, row);
                    if (await(terminal.yard.reader().stack(stack)).height() == 0) {
                        return stack;
                    }
                }
            }
        }
        throw new AssertionError("the test terminal has no empty stack");
    }

    @Test
    void aPageRunsTheWhatIfWithItsSessionCookieAndTheApisPermission() throws Exception {
        terminal.twin = ctx -> ctx.json(new JsonObject().put("who", ApiAuth.caller(ctx).subject()));
        try {
            String planner = post("/api/map/session", terminal.token("piet", Role.PLANNER), "").headers()
                    .firstValue("set-cookie").orElseThrow().split(";")[0];
            Answer whatIf = post("/api/twin", null, planner, "{\"hours\":1}");
            assertThat(whatIf.status()).isEqualTo(200);
            assertThat(new JsonObject(whatIf.body()).getString("who")).isEqualTo("piet");
            assertThat(post("/api/twin", null, "{}").status()).isEqualTo(401);
            String driver = post("/api/map/session", terminal.driverToken("dirk", "QC01"), "").headers()
                    .firstValue("set-cookie").orElseThrow().split(";")[0];
            assertThat(post("/api/twin", null, driver, "{}").status()).isEqualTo(403);
        } finally {
            terminal.twin = ctx -> ctx.response().setStatusCode(503).end();
        }
    }

    @Test
    void aSignedInBrowserCarriesItsTokenInAnHttpOnlyStrictCookie() throws Exception {
        Answer signIn = post("/api/map/session", terminal.token("olga", Role.OPERATOR), "");
        assertThat(signIn.status()).isEqualTo(200);
        JsonObject who = new JsonObject(signIn.body());
        assertThat(who.getString("subject")).isEqualTo("olga");
        assertThat(who.getJsonArray("permissions").getList()).containsExactly("VIEW_MAP", "OVERRIDE_PLAN",
                "ACKNOWLEDGE_ALERTS", "RUN_WHAT_IF");
        String cookie = signIn.headers().firstValue("set-cookie").orElseThrow();
        assertThat(cookie).startsWith(MapAccess.COOKIE + "=").containsIgnoringCase("HttpOnly")
                .contains("SameSite=Strict");

        Answer stream = get("/api/map/stream", null, cookie.split(";")[0]);
        assertThat(stream.status()).as("the EventSource's request: the cookie, no header").isEqualTo(200);
        assertThat(stream.body()).contains("event: snapshot");
        assertThat(get("/api/map/stream", null, "portops_session=not-a-token").status()).isEqualTo(401);
    }

    /** An active alert on the board, as the ingest raises one; its key. */
    private static String raiseAlert(String machine) {
        return await(terminal.yard.alerts().raise(AlertKind.EQUIPMENT_OFFLINE, machine, "heartbeat",
                machine + " silent for 30 s", Instant.now(), 1)).key();
    }

    private static Answer acknowledge(String alert, String token) throws IOException, InterruptedException {
        return post("/api/map/alerts/acknowledge", token, new JsonObject().put("alert", alert).encode());
    }

    private record Answer(int status, String body, HttpHeaders headers) {
    }

    private static Answer get(String path, String token) throws IOException, InterruptedException {
        return get(path, token, null);
    }

    private static Answer get(String path, String token, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(terminal.url(path)))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        // an admitted stream never ends: read its first line only
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            String text = path.endsWith("/stream") && response.statusCode() == 200
                    ? new String(body.readNBytes(40), StandardCharsets.UTF_8)
                    : new String(body.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(response.statusCode(), text, response.headers());
        }
    }

    private static Answer post(String path, String token, String body) throws IOException, InterruptedException {
        return post(path, token, null, body);
    }

    private static Answer post(String path, String token, String cookie, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(terminal.url(path)))
                .timeout(Duration.ofSeconds(10)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers());
    }
}
