package org.portops.vessel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.time.Instant;
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
import org.portops.state.testsupport.TestLayouts;
import org.portops.vessel.api.ApiTerminal.Response;
import org.portops.vessel.api.auth.Role;
import org.portops.vessel.api.dcsa.DcsaEvents;
import org.portops.vessel.api.events.CallbackGuard;
import org.portops.vessel.api.events.WebhookDispatcher;
import org.portops.vessel.api.events.WebhookSignature;

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

    @BeforeAll
    static void start() {
        terminal = new ApiTerminal();
        Router router = Router.router(terminal.vertx);
        router.route().handler(BodyHandler.create());
        router.post("/hook/ok").handler(WebhookDeliveryTest::receive);
        router.post("/hook/dead").handler(ctx -> {
            deadCalls.incrementAndGet();
            ctx.response().setStatusCode(503).end();
        });
        receiver = await(terminal.vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        await(terminal.vertx.deployVerticle(new WebhookDispatcher(terminal.pool, new DcsaEvents(TestLayouts.small()),
                terminal.clock, new WebhookDispatcher.Settings(Duration.ofMillis(100), 100, Duration.ofSeconds(5),
                Duration.ofMillis(200), Duration.ofSeconds(1), 3, CallbackGuard.Policy.permissive()))));
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
