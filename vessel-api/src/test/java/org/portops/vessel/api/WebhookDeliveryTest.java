package org.portops.vessel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.portops.state.testsupport.Await.await;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIContract;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portops.model.container.Container;
import org.portops.model.container.LineOperator;
import org.portops.model.event.Addresses;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;
import org.portops.state.MoveRequest;
import org.portops.state.MoveResult;
import org.portops.state.json.ModelJson;
import org.portops.state.testsupport.TestLayouts;
import org.portops.vessel.api.ApiTerminal.Response;
import org.portops.vessel.api.auth.Role;
import org.portops.vessel.api.dcsa.DcsaEvents;
import org.portops.vessel.api.events.CallbackGuard;
import org.portops.vessel.api.events.CoarriFeed;
import org.portops.vessel.api.events.JitTimestampFeed;
import org.portops.vessel.api.events.WebhookDispatcher;
import org.portops.vessel.api.events.WebhookSignature;
import org.portops.vessel.api.jit.PortCallServices;
import org.portops.vessel.api.jit.PortCallServices.Service;
import org.portops.vessel.edi.EdiIntake;
import org.portops.vessel.edi.PartnerProfile;
import org.portops.vessel.edi.PartnerProfiles;
import org.portops.vessel.edi.inbound.MoveReportMessage;

/**
 * Subscriptions and webhook delivery to a local Vert.x receiver that checks every signature as
 * docs/vessel-api.md tells receivers to, fails on purpose, and keeps what it accepted.
 */
class WebhookDeliveryTest {

    private static final String SECRET = "receiver-secret-of-at-least-32-characters";
    private static ApiTerminal terminal;
    private static HttpServer receiver;
    private static final List<JsonObject> accepted = new CopyOnWriteArrayList<>();
    private static final List<String> refusals = new CopyOnWriteArrayList<>();
    private static final List<String> okDeliveryIds = new CopyOnWriteArrayList<>();
    private static final Set<String> acceptedIds = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger failuresLeft = new AtomicInteger();
    private static final AtomicInteger deadCalls = new AtomicInteger();
    private static final List<ReceivedInterchange> codecos = new CopyOnWriteArrayList<>();
    private static final List<String> codecoAttempts = new CopyOnWriteArrayList<>();
    private static final AtomicInteger codecoFailuresLeft = new AtomicInteger();
    private static final List<ReceivedInterchange> coarris = new CopyOnWriteArrayList<>();
    private static final List<String> coarriAttempts = new CopyOnWriteArrayList<>();
    private static final AtomicInteger coarriFailuresLeft = new AtomicInteger();
    private static final List<ReceivedTimestamp> timestamps = new CopyOnWriteArrayList<>();
    private static final List<String> timestampAttempts = new CopyOnWriteArrayList<>();
    private static final AtomicInteger timestampFailuresLeft = new AtomicInteger();
    private static JsonSchema timestampSchema;
    private static SchemaRepository contractSchemas;

    @BeforeAll
    static void start() {
        terminal = new ApiTerminal();
        Router router = Router.router(terminal.vertx);
        router.route().handler(BodyHandler.create());
        router.post("/hook/ok").handler(WebhookDeliveryTest::receive);
        router.post("/hook/codeco/:line").handler(ediGateway(codecos, codecoAttempts, codecoFailuresLeft));
        router.post("/hook/coarri/:line").handler(ediGateway(coarris, coarriAttempts, coarriFailuresLeft));
        router.put("/hook/jit/:line/timestamps/:timestampID").handler(WebhookDeliveryTest::receiveTimestamp);
        router.post("/hook/dead").handler(ctx -> {
            deadCalls.incrementAndGet();
            ctx.response().setStatusCode(503).end();
        });
        receiver = await(terminal.vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        await(terminal.vertx.deployVerticle(dispatcher()));
        OpenAPIContract contract = await(OpenAPIContract.from(terminal.vertx, VesselApi.CONTRACT));
        contractSchemas = contract.getSchemaRepository();
        timestampSchema = contract.operation("putTimestamp").getRequestBody().getContent().get("application/json")
                .getSchema();
    }

    private static WebhookDispatcher dispatcher() {
        return new WebhookDispatcher(terminal.pool, new DcsaEvents(TestLayouts.small()), terminal.clock,
                new WebhookDispatcher.Settings(Duration.ofMillis(100), 100, Duration.ofSeconds(5), Duration.ofMillis(200),
                        Duration.ofSeconds(1), 3, CallbackGuard.Policy.permissive()));
    }

    @AfterAll
    static void stop() {
        terminal.close();
    }

    /** The receiver's side: signature, freshness and replay checks, then a deliberate failure or acceptance. */
    private static void receive(RoutingContext ctx) {
        String id = ctx.request().getHeader(WebhookSignature.DELIVERY_HEADER);
        byte[] body = ctx.body().buffer().getBytes();
        WebhookSignature.Verdict verdict = WebhookSignature.verify(SECRET, id,
                ctx.request().getHeader(WebhookSignature.TIMESTAMP_HEADER),
                ctx.request().getHeader(WebhookSignature.SIGNATURE_HEADER), body, Instant.now(), Duration.ofMinutes(5));
        if (verdict instanceof WebhookSignature.Verdict.Refused refused) {
            refusals.add(refused.reason());
            ctx.response().setStatusCode(401).end();
            return;
        }
        okDeliveryIds.add(id);
        if (failuresLeft.getAndDecrement() > 0) {
            ctx.response().setStatusCode(500).end();
            return;
        }
        if (!acceptedIds.add(id)) {
            refusals.add("replayed delivery " + id);
            ctx.response().setStatusCode(200).end();
            return;
        }
        ctx.body().asJsonObject().getJsonArray("events").forEach(event -> accepted.add((JsonObject) event));
        ctx.response().setStatusCode(204).end();
    }

    /**
     * A line's EDI gateway: the same checks, then keeps each interchange it accepts under the line of its path, after
     * failing as many attempts as {@code failuresLeft} says.
     */
    private static Handler<RoutingContext> ediGateway(List<ReceivedInterchange> into, List<String> attempts,
                                                      AtomicInteger failuresLeft) {
        return ctx -> {
            String id = ctx.request().getHeader(WebhookSignature.DELIVERY_HEADER);
            byte[] body = ctx.body().buffer().getBytes();
            WebhookSignature.Verdict verdict = WebhookSignature.verify(SECRET, id,
                    ctx.request().getHeader(WebhookSignature.TIMESTAMP_HEADER),
                    ctx.request().getHeader(WebhookSignature.SIGNATURE_HEADER), body, Instant.now(),
                    Duration.ofMinutes(5));
            if (verdict instanceof WebhookSignature.Verdict.Refused refused) {
                refusals.add(refused.reason());
                ctx.response().setStatusCode(401).end();
                return;
            }
            attempts.add(id);
            if (failuresLeft.getAndDecrement() > 0) {
                ctx.response().setStatusCode(503).end();
                return;
            }
            into.add(new ReceivedInterchange(ctx.pathParam("line"), ctx.request().getHeader("content-type"), id,
                    new String(body, StandardCharsets.ISO_8859_1)));
            ctx.response().setStatusCode(200).end();
        };
    }

    /**
     * A line's JIT endpoint, {@code PUT .../timestamps/{timestampID}}: the same checks, then keeps each timestamp with
     * what the terminal's own OpenAPI contract says of its body.
     */
    private static void receiveTimestamp(RoutingContext ctx) {
        String id = ctx.request().getHeader(WebhookSignature.DELIVERY_HEADER);
        byte[] body = ctx.body().buffer().getBytes();
        WebhookSignature.Verdict verdict = WebhookSignature.verify(SECRET, id,
                ctx.request().getHeader(WebhookSignature.TIMESTAMP_HEADER),
                ctx.request().getHeader(WebhookSignature.SIGNATURE_HEADER), body, Instant.now(), Duration.ofMinutes(5));
        if (verdict instanceof WebhookSignature.Verdict.Refused refused) {
            refusals.add(refused.reason());
            ctx.response().setStatusCode(401).end();
            return;
        }
        timestampAttempts.add(id);
        if (timestampFailuresLeft.getAndDecrement() > 0) {
            ctx.response().setStatusCode(503).end();
            return;
        }
        JsonObject timestamp = new JsonObject(new String(body, StandardCharsets.UTF_8));
        OutputUnit checked = contractSchemas.validator(timestampSchema).validate(timestamp);
        timestamps.add(new ReceivedTimestamp(ctx.pathParam("line"), ctx.pathParam("timestampID"),
                ctx.request().getHeader("content-type"), id, timestamp,
                checked.getValid() ? List.of() : checked.getErrors().stream().map(OutputUnit::getError).toList()));
        ctx.response().setStatusCode(204).end();
    }

    private record ReceivedTimestamp(String line, String pathId, String contentType, String deliveryId,
                                     JsonObject body, List<String> contractErrors) {

        String summary() {
            return body.getString("portCallServiceID") + " " + body.getString("classifierCode") + " "
                    + body.getString("dateTime");
        }
    }

    private record ReceivedInterchange(String line, String contentType, String deliveryId, String interchange) {
    }

    @Test
    void aLinesGateCodecosArePushedToItsEdiEndpointSignedAndRetriedAndNoOneElsesAre() {
        LineOperator line = ApiTerminal.uniqueLine();
        LineOperator other = ApiTerminal.uniqueLine();
        for (LineOperator subscriber : List.of(line, other)) {
            Response subscribed = terminal.send("POST", "/api/v1/event-subscriptions", terminal.lineToken(subscriber),
                    subscription("/hook/codeco/" + subscriber.code()).put("eventTypes", new JsonArray().add("CODECO")));
            assertThat(subscribed.status()).as("%s", subscribed).isEqualTo(201);
        }
        Response mixed = terminal.send("POST", "/api/v1/event-subscriptions", terminal.lineToken(line),
                subscription("/hook/codeco/" + line.code())
                        .put("eventTypes", new JsonArray().add("CODECO").add("EQUIPMENT")));
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().getString("field")).isEqualTo("body/eventTypes");
        codecoFailuresLeft.set(1);
        String clerk = terminal.staffToken(Role.GATE_CLERK);
        Container box = ApiTerminal.container(line);
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        String appointment = terminal.send("POST", "/api/v1/gate/appointments", clerk, new JsonObject()
                .put("kind", "DROP_OFF").put("container", box.number().value()).put("truck", "TRK 7")
                .put("windowStart", today.toString()).put("preAdvice", ModelJson.container(box)))
                .json().getString("id");
        Response in = terminal.send("POST", "/api/v1/gate/transactions", clerk, new JsonObject()
                .put("direction", "IN").put("appointment", appointment).put("container", box.number().value())
                .put("truck", "TRK 7").put("lane", "IN-2").put("seal", "SL77")
                .put("yardSlot", terminal.freeGroundSlot().toString()));
        assertThat(in.status()).as("%s", in).isEqualTo(201);

        waitUntil(() -> codecos.stream().anyMatch(c -> c.interchange().contains("EQD+CN+" + box.number())));

        List<ReceivedInterchange> mine = codecos.stream().filter(c -> c.interchange().contains("EQD+CN+" + box.number()))
                .toList();
        assertThat(mine).singleElement().satisfies(c -> {
            assertThat(c.line()).isEqualTo(line.code());
            assertThat(c.contentType()).isEqualTo(WebhookDispatcher.EDIFACT);
            assertThat(c.interchange()).isEqualTo(terminal.get(in.json().getString("codeco"), terminal.lineToken(line))
                    .body());
            assertThat(codecoAttempts.stream().filter(c.deliveryId()::equals).count())
                    .as("the refused attempt and the accepted one are one delivery").isEqualTo(2);
        });
        assertThat(codecos).noneMatch(c -> c.line().equals(other.code()));
        assertThat(refusals).isEmpty();
    }

    @Test
    void aDepartedCallsCoarriGoesOnceToEachLineWithItsOwnMovesOnItAlsoAfterARestart() {
        LineOperator operator = ApiTerminal.uniqueLine();
        LineOperator partner = ApiTerminal.uniqueLine();
        LineOperator idle = ApiTerminal.uniqueLine();
        for (LineOperator subscriber : List.of(operator, partner, idle)) {
            Response subscribed = terminal.send("POST", "/api/v1/event-subscriptions", terminal.lineToken(subscriber),
                    subscription("/hook/coarri/" + subscriber.code()).put("eventTypes", new JsonArray().add("COARRI")));
            assertThat(subscribed.status()).as("%s", subscribed).isEqualTo(201);
        }
        Response mixed = terminal.send("POST", "/api/v1/event-subscriptions", terminal.lineToken(operator),
                subscription("/hook/coarri/" + operator.code())
                        .put("eventTypes", new JsonArray().add("COARRI").add("CODECO")));
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().getString("field")).isEqualTo("body/eventTypes");
        String token = terminal.lineToken(operator);
        String call = newCall(operator, token);
        String otherCall = newCall(operator, token);
        Container imported = ApiTerminal.container(operator);
        Container exported = ApiTerminal.container(operator);
        Container partners = ApiTerminal.container(partner);
        Container elsewhere = ApiTerminal.container(operator);
        discharge(imported, call, "0340282");
        discharge(partners, call, "0360482");
        YardSlot stacked = terminal.gateIn(exported);
        moved(MoveRequest.of(exported.number(), MoveKind.LOAD, new YardLocation(stacked),
                new VesselLocation(new VesselCallId(call), StowageSlot.parse("0010084"))));
        discharge(elsewhere, otherCall, "0020282");
        coarriFailuresLeft.set(1);

        Response departed = terminal.send("PATCH", "/api/v1/vessel-calls/" + call + "/schedule", token,
                new JsonObject().put("atd", Instant.now().minusSeconds(60).toString()));
        assertThat(departed.status()).as("%s", departed).isEqualTo(200);
        waitUntil(() -> coarrisOf(operator).size() + coarrisOf(partner).size() == 2);

        assertThat(coarrisOf(idle)).isEmpty();
        ReceivedInterchange operators = coarrisOf(operator).getFirst();
        assertThat(operators.contentType()).isEqualTo(WebhookDispatcher.EDIFACT);
        assertThat(coarriAttempts.stream().filter(operators.deliveryId()::equals).count()
                + coarriAttempts.stream().filter(coarrisOf(partner).getFirst().deliveryId()::equals).count())
                .as("the one refused attempt and the accepted ones are the same deliveries").isEqualTo(3);
        EdiIntake.Read operatorsRead = read(operators);
        assertThat(operatorsRead.interchange().recipient()).isEqualTo(operator.code());
        assertThat(operatorsRead.messages()).extracting(m -> m.header().documentCode()).containsExactly("44", "46");
        assertThat(operatorsRead.messages().getFirst().header().vessel().voyage()).isEqualTo("001E");
        assertThat(reported(operatorsRead)).containsExactly(
                tuple(imported.number(), MoveKind.DISCHARGE, StowageSlot.parse("0340282")),
                tuple(exported.number(), MoveKind.LOAD, StowageSlot.parse("0010084")));
        EdiIntake.Read partnersRead = read(coarrisOf(partner).getFirst());
        assertThat(partnersRead.interchange().recipient()).isEqualTo(partner.code());
        assertThat(partnersRead.messages()).extracting(m -> m.header().documentCode()).containsExactly("44");
        assertThat(reported(partnersRead)).containsExactly(
                tuple(partners.number(), MoveKind.DISCHARGE, StowageSlot.parse("0360482")));

        String restarted = await(terminal.vertx.deployVerticle(dispatcher()));
        try {
            assertThat(await(new CoarriFeed(terminal.pool).writeDeparted(TestLayouts.small(), Instant.now())))
                    .as("the call is reported already").isZero();
            assertThat(terminal.send("PATCH", "/api/v1/vessel-calls/" + call + "/schedule", token,
                    new JsonObject().put("atd", Instant.now().minusSeconds(30).toString())).status()).isEqualTo(200);
            pause(Duration.ofSeconds(1));
        } finally {
            await(terminal.vertx.undeploy(restarted));
        }
        assertThat(List.of(coarrisOf(operator).size(), coarrisOf(partner).size(), coarrisOf(idle).size()))
                .as("one COARRI per line after a new dispatcher and a corrected departure").containsExactly(1, 1, 0);
        assertThat(coarris).as("the call that has not left is not reported")
                .noneMatch(c -> c.interchange().contains(elsewhere.number().value()));
        assertThat(refusals).isEmpty();
    }

    @Test
    void theTerminalsPlannedAndActualBerthTimesArePutToTheOperatingLineOnceInOrderPerTheJitContract() {
        LineOperator operator = ApiTerminal.uniqueLine();
        LineOperator other = ApiTerminal.uniqueLine();
        for (LineOperator subscriber : List.of(operator, other)) {
            Response subscribed = terminal.send("POST", "/api/v1/event-subscriptions", terminal.lineToken(subscriber),
                    subscription("/hook/jit/" + subscriber.code())
                            .put("eventTypes", new JsonArray().add(JitTimestampFeed.EVENT_TYPE)));
            assertThat(subscribed.status()).as("%s", subscribed).isEqualTo(201);
        }
        Response mixed = terminal.send("POST", "/api/v1/event-subscriptions", terminal.lineToken(operator),
                subscription("/hook/jit/" + operator.code())
                        .put("eventTypes", new JsonArray().add(JitTimestampFeed.EVENT_TYPE).add("TRANSPORT")));
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().getString("field")).isEqualTo("body/eventTypes");
        String token = terminal.lineToken(operator);
        String call = newCall(operator, token);
        String othersCall = newCall(other, terminal.lineToken(other));
        UUID arrival = PortCallServices.serviceId(new VesselCallId(call), Service.BERTH_ARRIVAL);
        UUID departure = PortCallServices.serviceId(new VesselCallId(call), Service.BERTH_DEPARTURE);
        timestampFailuresLeft.set(1);
        UUID requested = UUID.randomUUID();
        Response request = terminal.send("PUT", "/dcsa/jit/v2/timestamps/" + requested, token, new JsonObject()
                .put("timestampID", requested.toString()).put("portCallServiceID", arrival.toString())
                .put("classifierCode", "REQ").put("dateTime", "2026-12-01T09:00:00Z"));
        assertThat(request.status()).as("%s", request).isEqualTo(204);

        // fixed by an operator: planned; the other line's call is only estimated, so it is not pushed
        publishBerthPlan(berth(call, "2026-12-01T10:00:00Z", "2026-12-02T06:00:00Z", true, false),
                berth(othersCall, "2026-12-03T10:00:00Z", "2026-12-04T06:00:00Z", false, false));
        waitUntil(() -> timestampsOf(operator).size() == 2);
        // the same plan again, then the departure moved: only the move is pushed
        publishBerthPlan(berth(call, "2026-12-01T10:00:00Z", "2026-12-02T06:00:00Z", true, false));
        publishBerthPlan(berth(call, "2026-12-01T10:00:00Z", "2026-12-02T08:30:00Z", true, false));
        waitUntil(() -> timestampsOf(operator).size() == 3);
        Instant berthed = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        Instant left = berthed.plusSeconds(300);
        assertThat(terminal.send("PATCH", "/api/v1/vessel-calls/" + call + "/schedule", token,
                new JsonObject().put("ata", berthed.toString())).status()).isEqualTo(200);
        assertThat(terminal.send("PATCH", "/api/v1/vessel-calls/" + call + "/schedule", token,
                new JsonObject().put("atd", left.toString())).status()).isEqualTo(200);
        waitUntil(() -> timestampsOf(operator).size() == 5);

        List<ReceivedTimestamp> received = timestampsOf(operator);
        assertThat(received).extracting(ReceivedTimestamp::summary).containsExactly(
                arrival + " PLN 2026-12-01T10:00:00Z",
                departure + " PLN 2026-12-02T06:00:00Z",
                departure + " PLN 2026-12-02T08:30:00Z",
                arrival + " ACT " + berthed,
                departure + " ACT " + left);
        assertThat(received).allSatisfy(timestamp -> {
            assertThat(timestamp.contractErrors()).as("%s", timestamp.body()).isEmpty();
            assertThat(timestamp.pathId()).isEqualTo(timestamp.body().getString("timestampID"));
            assertThat(timestamp.contentType()).isEqualTo("application/json");
        });
        assertThat(received.stream().map(ReceivedTimestamp::pathId).distinct()).hasSize(5);
        assertThat(received).extracting(t -> t.body().getString("replyToTimestampID"))
                .as("a plan answers the line's request or the plan it moves, an actual the latest plan; the first "
                        + "of a service answers nothing")
                .containsExactly(requested.toString(), null, received.get(1).pathId(), received.get(0).pathId(),
                        received.get(2).pathId());
        assertThat(timestampAttempts.stream().filter(received.getFirst().deliveryId()::equals).count())
                .as("the refused attempt and the accepted one are one delivery").isEqualTo(2);
        JsonArray served = terminal.get("/dcsa/jit/v2/timestamps?portCallServiceID=" + departure, token).array();
        assertThat(served.stream().map(JsonObject.class::cast).map(t -> t.getString("timestampID")))
                .as("the planned time pushed is the one the JIT API serves").contains(received.get(2).pathId());

        String restarted = await(terminal.vertx.deployVerticle(dispatcher()));
        try {
            JitTimestampFeed feed = new JitTimestampFeed(terminal.pool);
            assertThat(await(feed.writeActuals(Instant.now()))).as("the actuals are written already").isZero();
            assertThat(await(feed.writePlanned(List.of(new JitTimestampFeed.Planned(berthPlanVersion,
                    new VesselCallId(call), Service.BERTH_DEPARTURE, Instant.parse("2026-12-02T08:30:00Z"))),
                    Instant.now()))).as("the plan is written already").isZero();
            assertThat(await(feed.writePlanned(List.of(new JitTimestampFeed.Planned(berthPlanVersion - 1,
                    new VesselCallId(call), Service.BERTH_DEPARTURE, Instant.parse("2026-12-02T06:00:00Z"))),
                    Instant.now()))).as("a node late with an older plan writes nothing").isZero();
            pause(Duration.ofSeconds(1));
        } finally {
            await(terminal.vertx.undeploy(restarted));
        }
        assertThat(timestampsOf(operator)).as("nothing more after a second dispatcher").hasSize(5);
        assertThat(timestampsOf(other)).as("another line's estimated call, nor this line's call").isEmpty();
        assertThat(refusals).isEmpty();
    }

    private static long berthPlanVersion = 5000;

    /** The berth planner's chart as it publishes it (only the fields the vessel API reads matter here). */
    private static void publishBerthPlan(JsonObject... berths) {
        terminal.vertx.eventBus().publish(Addresses.BERTH_PLAN_PUBLISHED, new JsonObject()
                .put("version", ++berthPlanVersion).put("vessels", new JsonArray(List.of((Object[]) berths))));
    }

    private static JsonObject berth(String call, String start, String end, boolean fixed, boolean alongside) {
        return new JsonObject().put("call", call).put("start", start).put("end", end).put("fixed", fixed)
                .put("alongside", alongside);
    }

    private static List<ReceivedTimestamp> timestampsOf(LineOperator line) {
        return timestamps.stream().filter(t -> t.line().equals(line.code())).toList();
    }

    private static void discharge(Container container, String call, String slot) {
        moved(MoveRequest.arrival(container, MoveKind.DISCHARGE,
                new VesselLocation(new VesselCallId(call), StowageSlot.parse(slot)),
                new YardLocation(terminal.freeGroundSlot())));
    }

    private static void moved(MoveRequest request) {
        MoveResult result = await(terminal.yard.move(request));
        assertThat(result).as("%s", result).isInstanceOf(MoveResult.Accepted.class);
    }

    /** The COARRIs a line of this test received: its lines are its own, so all of them are about its one call. */
    private static List<ReceivedInterchange> coarrisOf(LineOperator line) {
        return coarris.stream().filter(c -> c.line().equals(line.code())).toList();
    }

    /** Read back with StAEDI under the strict profile: a report the terminal writes needs no repair. */
    private static EdiIntake.Read read(ReceivedInterchange received) {
        EdiIntake.Read read = EdiIntake.read(received.interchange().getBytes(StandardCharsets.ISO_8859_1),
                PartnerProfiles.all(PartnerProfile.STRICT));
        assertThat(read.allErrors()).isEmpty();
        return read;
    }

    private static List<org.assertj.core.groups.Tuple> reported(EdiIntake.Read read) {
        return read.messages().stream().flatMap(m -> ((MoveReportMessage) m).moves().stream())
                .map(m -> tuple(m.container(), m.kind(), m.slot())).toList();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String hook(String path) {
        return "http://127.0.0.1:" + receiver.actualPort() + path;
    }

    private static JsonObject subscription(String path) {
        return new JsonObject().put("callbackUrl", hook(path)).put("secret", SECRET);
    }

    private static String newCall(LineOperator line, String token) {
        String call = "C-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(terminal.send("POST", "/api/v1/vessel-calls", token, ApiTerminal.newCall(call, line)).status())
                .isEqualTo(201);
        return call;
    }

    @Test
    void signedEventsAreDeliveredOnceInOrderAfterRetriesWithTheSameDeliveryId() {
        LineOperator line = ApiTerminal.uniqueLine();
        String token = terminal.lineToken(line);
        Response subscribed = terminal.send("POST", "/api/v1/event-subscriptions", token,
                subscription("/hook/ok").put("eventTypes", new JsonArray().add("EQUIPMENT").add("TRANSPORT")));
        assertThat(subscribed.status()).as("%s", subscribed).isEqualTo(201);
        assertThat(subscribed.json().containsKey("secret")).isFalse();
        failuresLeft.set(2);
        String call = newCall(line, token);
        Container box = ApiTerminal.container(line);
        terminal.gateIn(box);

        waitUntil(() -> accepted.stream().anyMatch(e -> box.number().value().equals(equipment(e))));

        List<JsonObject> mine = accepted.stream()
                .filter(e -> box.number().value().equals(equipment(e)) || call.equals(transportCall(e))).toList();
        assertThat(EventsApiTest.summaries(new JsonArray(mine)))
                .containsExactly("TRANSPORT ARRI PLN", "TRANSPORT DEPA PLN", "EQUIPMENT GTIN ACT");
        assertThat(okDeliveryIds.subList(0, 3)).as("the two failed attempts and the accepted one are one delivery")
                .containsOnly(okDeliveryIds.getFirst());
        assertThat(refusals).isEmpty();
        assertThat(accepted.stream().map(e -> e.getString("eventID")).distinct().count())
                .isEqualTo(accepted.size());
    }

    @Test
    void aBatchTheReceiverNeverTakesBecomesADeadLetterVisibleToItsLineOnly() {
        LineOperator line = ApiTerminal.uniqueLine();
        String token = terminal.lineToken(line);
        Response subscribed = terminal.send("POST", "/api/v1/event-subscriptions", token,
                subscription("/hook/dead").put("eventTypes", new JsonArray().add("TRANSPORT")));
        String id = subscribed.json().getString("subscriptionID");
        String call = newCall(line, token);
        String letters = "/api/v1/event-subscriptions/" + id + "/dead-letters";

        waitUntil(() -> !terminal.get(letters, token).json().getJsonArray("deadLetters").isEmpty());

        JsonObject letter = terminal.get(letters, token).json().getJsonArray("deadLetters").getJsonObject(0);
        assertThat(letter.getInteger("attempts")).isEqualTo(3);
        assertThat(letter.getString("lastError")).isEqualTo("callback answered 503");
        assertThat(letter.getJsonArray("events").stream().map(e -> transportCall((JsonObject) e)).distinct().toList())
                .containsExactly(call);
        assertThat(deadCalls.get()).isGreaterThanOrEqualTo(3);
        assertThat(terminal.get(letters, terminal.lineToken(ApiTerminal.LINE_B)).status()).isEqualTo(404);
        assertThat(terminal.get(letters, terminal.staffToken(Role.ADMIN)).status()).isEqualTo(200);
    }

    @Test
    void aLineManagesOnlyItsOwnSubscriptionsAndReceivesOnlyItsOwnEvents() {
        LineOperator a = ApiTerminal.uniqueLine();
        String tokenA = terminal.lineToken(a);
        String tokenB = terminal.lineToken(ApiTerminal.LINE_B);
        String id = terminal.send("POST", "/api/v1/event-subscriptions", tokenA, subscription("/hook/ok"))
                .json().getString("subscriptionID");
        String path = "/api/v1/event-subscriptions/" + id;

        assertThat(terminal.get(path, tokenA).json().getString("line")).isEqualTo(a.code());
        assertThat(terminal.get(path, tokenB).status()).isEqualTo(404);
        assertThat(terminal.send("DELETE", path, tokenB, null).status()).isEqualTo(404);
        assertThat(terminal.get("/api/v1/event-subscriptions", tokenB).array().stream()
                .map(s -> ((JsonObject) s).getString("subscriptionID")).toList()).doesNotContain(id);
        Response forOther = terminal.send("POST", "/api/v1/event-subscriptions", tokenB,
                subscription("/hook/ok").put("line", a.code()));
        assertThat(forOther.status()).isEqualTo(403);

        assertThat(terminal.send("DELETE", path, tokenA, null).status()).isEqualTo(204);
        assertThat(terminal.get(path, tokenA).status()).isEqualTo(404);
    }

    @Test
    void subscriptionsAreValidatedAndNeedAuthority() {
        String token = terminal.lineToken(ApiTerminal.uniqueLine());
        Response shortSecret = terminal.send("POST", "/api/v1/event-subscriptions", token,
                subscription("/hook/ok").put("secret", "short"));
        assertThat(shortSecret.status()).isEqualTo(400);
        assertThat(shortSecret.json().getString("field")).isEqualTo("body/secret");
        Response ftp = terminal.send("POST", "/api/v1/event-subscriptions", token,
                subscription("/hook/ok").put("callbackUrl", "ftp://example.org/x"));
        assertThat(ftp.status()).isEqualTo(400);
        assertThat(ftp.json().getString("field")).isEqualTo("body/callbackUrl");
        Response noLine = terminal.send("POST", "/api/v1/event-subscriptions",
                terminal.staffToken(Role.OPERATOR), subscription("/hook/ok"));
        assertThat(noLine.status()).isEqualTo(400);
        assertThat(noLine.json().getString("field")).isEqualTo("body/line");
        assertThat(terminal.send("POST", "/api/v1/event-subscriptions", null, subscription("/hook/ok")).status())
                .isEqualTo(401);
        assertThat(terminal.send("POST", "/api/v1/event-subscriptions", terminal.staffToken(Role.PLANNER),
                subscription("/hook/ok").put("line", "LNA")).status()).isEqualTo(403);
        assertThat(terminal.get("/api/v1/event-subscriptions/not-a-uuid", token).json().getString("field"))
                .isEqualTo("path/subscriptionID");
    }

    private static String equipment(JsonObject event) {
        JsonObject details = event.getJsonObject("equipmentDetails");
        return details == null ? null : details.getString("equipmentReference");
    }

    private static String transportCall(JsonObject event) {
        JsonObject details = event.getJsonObject("transportDetails");
        return details == null ? null : details.getJsonObject("transportCall").getString("transportCallReference");
    }

    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s; accepted " + accepted.size() + ", refusals " + refusals);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
