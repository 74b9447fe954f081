package org.portops.vessel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;
import static org.portops.vessel.api.ApiTerminal.LINE_A;
import static org.portops.vessel.api.ApiTerminal.LINE_B;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portops.model.container.Container;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.event.Addresses;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;
import org.portops.state.MoveRequest;
import org.portops.state.MoveResult;
import org.portops.vessel.api.ApiTerminal.Response;
import org.portops.vessel.api.auth.Role;

/** DCSA JIT 2.0 with PortOps as the provider of BERTH and CARGO_OPERATIONS, over HTTP. */
class JitApiTest {

    private static ApiTerminal terminal;
    private static String planner;
    private static String lineA;
    private static String lineB;

    @BeforeAll
    static void start() {
        terminal = new ApiTerminal();
        planner = terminal.staffToken(Role.PLANNER);
        lineA = terminal.lineToken(LINE_A);
        lineB = terminal.lineToken(LINE_B);
    }

    @AfterAll
    static void stop() {
        terminal.close();
    }

    private static String callOfLineA() {
        String call = "C-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(terminal.send("POST", "/api/v1/vessel-calls", lineA, ApiTerminal.newCall(call, LINE_A)).status())
                .isEqualTo(201);
        return call;
    }

    private static JsonObject terminalCall(String call, String token) {
        JsonArray calls = terminal.get("/dcsa/jit/v2/terminal-calls", token).array();
        return calls.stream().map(JsonObject.class::cast)
                .filter(c -> call.equals(c.getString("terminalCallReference"))).findFirst().orElse(null);
    }

    private static JsonArray services(String terminalCallId, String token) {
        Response response = terminal.get("/dcsa/jit/v2/port-call-services?terminalCallID=" + terminalCallId, token);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.array();
    }

    private static String serviceId(JsonArray services, String type, String event) {
        return services.stream().map(JsonObject.class::cast)
                .filter(s -> type.equals(s.getString("portCallServiceTypeCode"))
                        && event.equals(s.getString("portCallServiceEventTypeCode")))
                .findFirst().orElseThrow().getString("portCallServiceID");
    }

    private static JsonObject timestamp(UUID id, String service, String classifier, String dateTime) {
        return new JsonObject().put("timestampID", id.toString()).put("portCallServiceID", service)
                .put("classifierCode", classifier).put("dateTime", dateTime);
    }

    @Test
    void aCallIsATerminalCallWithBerthAndCargoServicesAndTheMovesStillToDo() {
        String call = callOfLineA();
        Container twenty = ApiTerminal.container(LINE_A);
        Container forty = new Container(ApiTerminal.container(LINE_A).number(), new SizeTypeCode("42G1"),
                twenty.weight(), LINE_A, twenty.portOfLoading(), twenty.portOfDischarge(), twenty.category(), null,
                null);
        assertThat(terminal.send("PUT", "/api/v1/vessel-calls/" + call + "/bay-plan", lineA, VesselCallApiTest.plan(
                VesselCallApiTest.entry("0010282", "LOAD", twenty),
                VesselCallApiTest.entry("0040282", "LOAD", forty))).status()).isEqualTo(200);
        YardSlot slot = terminal.gateIn(twenty);

        JsonObject terminalCall = terminalCall(call, lineA);
        assertThat(terminalCall.getString("carrierExportVoyageNumber")).isEqualTo("001E");
        JsonArray services = services(terminalCall.getString("terminalCallID"), lineA);
        assertThat(services.stream().map(JsonObject.class::cast).map(s -> s.getString("portCallServiceTypeCode") + " "
                + s.getString("portCallServiceEventTypeCode")).toList())
                .containsExactly("BERTH ARRI", "BERTH DEPA", "CARGO_OPERATIONS STRT", "CARGO_OPERATIONS CMPL");
        assertThat(services.getJsonObject(0).getJsonObject("portCallServiceLocation").getString("UNLocationCode"))
                .isEqualTo("NLRTM");
        assertThat(laden(services, "loadUnits")).isEqualTo(List.of(1, 1, 0));

        MoveResult loaded = await(terminal.yard.move(MoveRequest.of(twenty.number(), MoveKind.LOAD,
                new YardLocation(slot), new VesselLocation(new VesselCallId(call), StowageSlot.parse("0010282")))));
        assertThat(loaded).isInstanceOf(MoveResult.Accepted.class);
        assertThat(laden(services(terminalCall.getString("terminalCallID"), lineA), "loadUnits"))
                .isEqualTo(List.of(0, 1, 0));
    }

    @Test
    void theLineRequestsTheTerminalPlansAndBothReadTheExchange() {
        String call = callOfLineA();
        JsonArray services = services(terminalCall(call, lineA).getString("terminalCallID"), lineA);
        String berth = serviceId(services, "BERTH", "ARRI");
        UUID request = UUID.randomUUID();
        UUID plan = UUID.randomUUID();

        Response requested = terminal.send("PUT", "/dcsa/jit/v2/timestamps/" + request, lineA,
                timestamp(request, berth, "REQ", "2026-12-01T08:00:00Z"));
        assertThat(requested.status()).as("%s", requested).isEqualTo(204);
        Response planned = terminal.send("PUT", "/dcsa/jit/v2/timestamps/" + plan, planner,
                timestamp(plan, berth, "PLN", "2026-12-01T09:00:00Z").put("replyToTimestampID", request.toString())
                        .put("delayReasonCode", "BER").put("remark", "berth B1 busy until 09:00"));
        assertThat(planned.status()).isEqualTo(204);

        JsonArray exchange = terminal.get("/dcsa/jit/v2/timestamps?portCallServiceID=" + berth, lineA).array();
        assertThat(exchange.stream().map(JsonObject.class::cast).map(t -> t.getString("classifierCode") + " "
                + t.getString("dateTime")).toList())
                .containsExactly("REQ 2026-12-01T08:00:00Z", "PLN 2026-12-01T09:00:00Z");
        assertThat(exchange.getJsonObject(1).getString("replyToTimestampID")).isEqualTo(request.toString());
        assertThat(terminal.get("/dcsa/jit/v2/timestamps?portCallServiceID=" + berth + "&classifierCode=PLN", planner)
                .array()).hasSize(1);

        Response replacePlan = terminal.send("PUT", "/dcsa/jit/v2/timestamps/" + plan, lineA,
                timestamp(plan, berth, "REQ", "2026-12-01T07:00:00Z"));
        assertThat(replacePlan.status()).isEqualTo(409);
        assertThat(terminal.get("/dcsa/jit/v2/timestamps?portCallServiceID=" + berth + "&classifierCode=PLN", lineA)
                .array().getJsonObject(0).getString("dateTime")).isEqualTo("2026-12-01T09:00:00Z");
        UUID own = UUID.randomUUID();
        Response lineActual = terminal.send("PUT", "/dcsa/jit/v2/timestamps/" + own, lineA,
                timestamp(own, berth, "ACT", "2026-11-20T07:00:00Z"));
        assertThat(lineActual.status()).isEqualTo(403);
        assertThat(lineActual.json().getString("error")).contains("terminal's");
    }

    @Test
    void theBerthPlanGivesTheTerminalsEstimatedThenPlannedBerthTimestamps() {
        String call = callOfLineA();
        JsonArray services = services(terminalCall(call, lineA).getString("terminalCallID"), lineA);
        String arrival = serviceId(services, "BERTH", "ARRI");
        String departure = serviceId(services, "BERTH", "DEPA");
        String cargo = serviceId(services, "CARGO_OPERATIONS", "STRT");

        publishBerthPlan(call, "2026-12-01T07:15:00Z", "2026-12-02T03:00:00Z", false, false);
        JsonObject estimated = awaitTimestamp(arrival, "EST");
        assertThat(estimated.getString("dateTime")).isEqualTo("2026-12-01T07:15:00Z");
        assertThat(awaitTimestamp(departure, "EST").getString("dateTime")).isEqualTo("2026-12-02T03:00:00Z");
        assertThat(terminal.get("/dcsa/jit/v2/timestamps?portCallServiceID=" + cargo, lineA).array()).isEmpty();
        assertThat(terminal.get("/dcsa/jit/v2/timestamps?portCallServiceID=" + arrival + "&classifierCode=REQ",
                lineA).array()).isEmpty();
        assertThat(terminal.get("/dcsa/jit/v2/timestamps?portCallServiceID=" + arrival, lineB).array())
                .as("another line's call").isEmpty();

        // re-planned later: a new estimate, with a new id
        publishBerthPlan(call, "2026-12-01T09:00:00Z", "2026-12-02T05:00:00Z", false, false);
        JsonObject later = awaitTimestamp(arrival, "EST", "2026-12-01T09:00:00Z");
        assertThat(later.getString("timestampID")).isNotEqualTo(estimated.getString("timestampID"));

        // an operator fixes the berth: the terminal's planned time
        publishBerthPlan(call, "2026-12-01T10:00:00Z", "2026-12-02T06:00:00Z", true, false);
        JsonObject planned = awaitTimestamp(arrival, "PLN");
        assertThat(planned.getString("dateTime")).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(terminal.get("/dcsa/jit/v2/timestamps?portCallServiceID=" + arrival, lineA).array()).hasSize(1);

        // alongside: berth arrival is done, the departure is still the plan's
        publishBerthPlan(call, "2026-12-01T10:00:00Z", "2026-12-02T06:00:00Z", false, true);
        awaitTimestamp(departure, "EST", "2026-12-02T06:00:00Z");
        assertThat(terminal.get("/dcsa/jit/v2/timestamps?portCallServiceID=" + arrival, lineA).array()).isEmpty();
    }

    private static long berthPlanVersion = 1000;

    /** The berth planner's chart as it publishes it (only the fields this module reads matter here). */
    private static void publishBerthPlan(String call, String start, String end, boolean fixed, boolean alongside) {
        terminal.vertx.eventBus().publish(Addresses.BERTH_PLAN_PUBLISHED, new JsonObject()
                .put("version", ++berthPlanVersion)
                .put("vessels", new JsonArray().add(new JsonObject().put("call", call).put("start", start)
                        .put("end", end).put("fixed", fixed).put("alongside", alongside))));
    }

    private static JsonObject awaitTimestamp(String service, String classifier) {
        return awaitTimestamp(service, classifier, null);
    }

    private static JsonObject awaitTimestamp(String service, String classifier, String dateTime) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonArray last = null;
        while (System.nanoTime() < deadline) {
            last = terminal.get("/dcsa/jit/v2/timestamps?portCallServiceID=" + service, lineA).array();
            JsonObject found = last.stream().map(JsonObject.class::cast)
                    .filter(t -> classifier.equals(t.getString("classifierCode"))
                            && (dateTime == null || dateTime.equals(t.getString("dateTime"))))
                    .findFirst().orElse(null);
            if (found != null) {
                assertThat(found.getString("portCallServiceID")).isEqualTo(service);
                return found;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no " + classifier + " timestamp for " + service + " within 10 s: " + last);
    }

    @Test
    void malformedTimestampsAreRefusedNamingTheField() {
        String call = callOfLineA();
        String berth = serviceId(services(terminalCall(call, lineA).getString("terminalCallID"), lineA), "BERTH",
                "ARRI");
        UUID id = UUID.randomUUID();

        Response classifier = terminal.send("PUT", "/dcsa/jit/v2/timestamps/" + id, lineA,
                timestamp(id, berth, "MAYBE", "2026-12-01T08:00:00Z"));
        assertThat(classifier.status()).isEqualTo(400);
        assertThat(classifier.json().getString("field")).isEqualTo("body/classifierCode");
        Response missing = terminal.send("PUT", "/dcsa/jit/v2/timestamps/" + id, lineA,
                new JsonObject().put("timestampID", id.toString()).put("portCallServiceID", berth)
                        .put("dateTime", "2026-12-01T08:00:00Z"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().getString("error")).contains("classifierCode");
        Response otherId = terminal.send("PUT", "/dcsa/jit/v2/timestamps/" + UUID.randomUUID(), lineA,
                timestamp(id, berth, "REQ", "2026-12-01T08:00:00Z"));
        assertThat(otherId.json().getString("field")).isEqualTo("body/timestampID");
        Response noService = terminal.send("PUT", "/dcsa/jit/v2/timestamps/" + id, lineA,
                timestamp(id, UUID.randomUUID().toString(), "REQ", "2026-12-01T08:00:00Z"));
        assertThat(noService.json().getString("field")).isEqualTo("body/portCallServiceID");
        assertThat(terminal.get("/dcsa/jit/v2/port-call-services?terminalCallID=nope", lineA).json()
                .getString("field")).isEqualTo("query/terminalCallID");
    }

    @Test
    void aLineNeitherSeesNorTouchesAnotherLinesPortCall() {
        String call = callOfLineA();
        String terminalCallId = terminalCall(call, lineA).getString("terminalCallID");
        String berth = serviceId(services(terminalCallId, lineA), "BERTH", "ARRI");
        UUID request = UUID.randomUUID();
        assertThat(terminal.send("PUT", "/dcsa/jit/v2/timestamps/" + request, lineA,
                timestamp(request, berth, "REQ", "2026-12-01T08:00:00Z")).status()).isEqualTo(204);

        assertThat(terminalCall(call, lineB)).isNull();
        assertThat(services(terminalCallId, lineB)).isEmpty();
        assertThat(terminal.get("/dcsa/jit/v2/timestamps?portCallServiceID=" + berth, lineB).array()).isEmpty();
        UUID forged = UUID.randomUUID();
        Response put = terminal.send("PUT", "/dcsa/jit/v2/timestamps/" + forged, lineB,
                timestamp(forged, berth, "REQ", "2026-12-01T05:00:00Z"));
        assertThat(put.status()).isEqualTo(400);
        assertThat(put.json().getString("error")).isEqualTo("body/portCallServiceID: no port call service " + berth);
        Response overwrite = terminal.send("PUT", "/dcsa/jit/v2/timestamps/" + request, lineB,
                timestamp(request, berth, "REQ", "2026-12-01T05:00:00Z"));
        assertThat(overwrite.status()).isEqualTo(400);
        assertThat(terminal.get("/dcsa/jit/v2/timestamps?portCallServiceID=" + berth, lineA).array()
                .getJsonObject(0).getString("dateTime")).isEqualTo("2026-12-01T08:00:00Z");
    }

    @Test
    void jitNeedsATokenAndWritingNeedsTheRight() {
        assertThat(terminal.get("/dcsa/jit/v2/terminal-calls", null).status()).isEqualTo(401);
        assertThat(terminal.get("/dcsa/jit/v2/port-call-services", null).status()).isEqualTo(401);
        UUID id = UUID.randomUUID();
        assertThat(terminal.send("PUT", "/dcsa/jit/v2/timestamps/" + id, null,
                timestamp(id, UUID.randomUUID().toString(), "REQ", "2026-12-01T08:00:00Z")).status()).isEqualTo(401);
        assertThat(terminal.send("PUT", "/dcsa/jit/v2/timestamps/" + id, terminal.staffToken(Role.CRANE_DRIVER),
                timestamp(id, UUID.randomUUID().toString(), "ACT", "2026-12-01T08:00:00Z")).status()).isEqualTo(403);
    }

    /** Laden load or discharge units of the cargo-operations start service: 20', 40', 45'. */
    private static List<Integer> laden(JsonArray services, String side) {
        JsonObject cargo = services.stream().map(JsonObject.class::cast)
                .filter(s -> "STRT".equals(s.getString("portCallServiceEventTypeCode"))).findFirst().orElseThrow();
        JsonObject units = cargo.getJsonArray("moves").getJsonObject(0).getJsonObject(side)
                .getJsonObject("ladenContainerUnits");
        return List.of(units.getInteger("_20_units"), units.getInteger("_40_units"), units.getInteger("_45_units"));
    }
}
