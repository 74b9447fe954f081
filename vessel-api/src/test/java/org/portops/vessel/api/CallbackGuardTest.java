package org.portops.vessel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portops.model.container.LineOperator;
import org.portops.state.testsupport.TestLayouts;
import org.portops.vessel.api.ApiTerminal.Response;
import org.portops.vessel.api.auth.AuthSettings;
import org.portops.vessel.api.auth.Role;
import org.portops.vessel.api.dcsa.DcsaEvents;
import org.portops.vessel.api.events.CallbackGuard;
import org.portops.vessel.api.events.Subscriptions;
import org.portops.vessel.api.events.WebhookDispatcher;

/**
 * The SSRF guard on webhook callbacks with the strict policy, against a running API and real PostgreSQL: URLs that
 * point into the terminal's network are refused when subscribing, and a callback whose host resolves to such an
 * address at delivery time (DNS rebinding) is never called.
 */
class CallbackGuardTest {

    private static ApiTerminal terminal;
    private static String operator;
    private static HttpServer receiver;
    private static final AtomicInteger CALLS = new AtomicInteger();

    @BeforeAll
    static void start() {
        terminal = new ApiTerminal(AuthSettings.hmac(ApiTerminal.SECRET),
                VesselApi.Settings.of(ApiTerminal.GATE, CallbackGuard.Policy.strict()));
        operator = terminal.staffToken(Role.OPERATOR);
        receiver = await(terminal.vertx.createHttpServer().requestHandler(request -> {
            CALLS.incrementAndGet();
            request.response().setStatusCode(204).end();
        }).listen(0, "127.0.0.1"));
        await(terminal.vertx.deployVerticle(new WebhookDispatcher(terminal.pool, new DcsaEvents(TestLayouts.small()),
                terminal.clock, new WebhookDispatcher.Settings(Duration.ofMillis(100), 100, Duration.ofSeconds(5),
                Duration.ofMillis(100), Duration.ofMillis(200), 2, CallbackGuard.Policy.strict()))));
    }

    @AfterAll
    static void stop() {
        terminal.close();
    }

    @Test
    void internalAddressesAreNamedByTheirRangeAndPublicOnesPass() throws UnknownHostException {
        assertThat(range("127.0.0.1")).contains("loopback");
        assertThat(range("::1")).contains("loopback");
        assertThat(range("169.254.169.254")).contains("link-local");
        assertThat(range("fe80::1")).contains("link-local");
        assertThat(range("10.1.2.3")).contains("private");
        assertThat(range("172.31.255.255")).contains("private");
        assertThat(range("192.168.0.10")).contains("private");
        assertThat(range("fd12:3456::1")).contains("unique local (fc00::/7)");
        assertThat(range("100.64.0.1")).contains("carrier-grade NAT (100.64.0.0/10)");
        assertThat(range("0.0.0.0")).contains("unspecified");
        assertThat(range("224.0.0.1")).contains("multicast");
        assertThat(range("::ffff:10.0.0.1")).contains("private");
        assertThat(range("172.32.0.1")).isEmpty();
        assertThat(range("100.128.0.1")).isEmpty();
        assertThat(range("93.184.216.34")).isEmpty();
        assertThat(range("2606:4700:4700::1111")).isEmpty();
    }

    @Test
    void subscribingRefusesCallbacksIntoTheTerminalsNetworkAndPlainHttp() {
        assertThat(refusal("http://93.184.216.34/hook")).isEqualTo("body/callbackUrl: callback URL "
                + "http://93.184.216.34/hook must use https");
        assertThat(refusal("https://127.0.0.1:8080/hook")).isEqualTo("body/callbackUrl: callback host 127.0.0.1 "
                + "resolves to 127.0.0.1, a loopback address; callbacks go to public addresses only");
        assertThat(refusal("https://localhost/hook")).startsWith("body/callbackUrl: callback host localhost resolves "
                + "to ").contains("a loopback address");
        assertThat(refusal("https://169.254.169.254/latest/meta-data/")).contains("a link-local address");
        assertThat(refusal("https://[fd00::1]/hook")).contains("a unique local (fc00::/7) address");
        assertThat(refusal("https://10.0.0.8/hook")).contains("a private address");
        assertThat(refusal("https://admin:secret@93.184.216.34/hook")).contains("must not carry credentials");

        Response publicHost = terminal.send("POST", "/api/v1/event-subscriptions", operator,
                subscription("https://93.184.216.34/hook"));
        assertThat(publicHost.status()).as("%s", publicHost).isEqualTo(201);
    }

    @Test
    void aCallbackThatResolvesToLoopbackAtDeliveryIsNeverCalled() {
        LineOperator line = ApiTerminal.uniqueLine();
        // made directly in the store: as a name that resolved to a public address when subscribing and has been
        // re-pointed at the terminal's own network since (DNS rebinding)
        Subscriptions.Subscription rebound = await(new Subscriptions(terminal.pool).create(line.code(),
                "https://localhost:" + receiver.actualPort() + "/hook", "s".repeat(32), Set.of("EQUIPMENT"),
                terminal.clock.instant()));
        terminal.gateIn(ApiTerminal.container(line));

        JsonArray letters = deadLettersOf(rebound);

        assertThat(letters.getJsonObject(0).getString("lastError")).startsWith("callback refused: callback host "
                + "localhost resolves to ").contains("a loopback address");
        assertThat(CALLS.get()).isZero();
    }

    private static JsonArray deadLettersOf(Subscriptions.Subscription subscription) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonArray letters = terminal.get("/api/v1/event-subscriptions/" + subscription.id() + "/dead-letters",
                    operator).json().getJsonArray("deadLetters");
            if (!letters.isEmpty()) {
                return letters;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no dead letter for " + subscription.id() + " within 30 s");
    }

    private static Optional<String> range(String address) throws UnknownHostException {
        return CallbackGuard.forbiddenRange(InetAddress.getByName(address));
    }

    private static String refusal(String url) {
        Response response = terminal.send("POST", "/api/v1/event-subscriptions", operator, subscription(url));
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.json().getString("field")).isEqualTo("body/callbackUrl");
        return response.json().getString("error");
    }

    private static JsonObject subscription(String url) {
        return new JsonObject().put("callbackUrl", url).put("secret", "x".repeat(32)).put("line", "LNA");
    }
}
