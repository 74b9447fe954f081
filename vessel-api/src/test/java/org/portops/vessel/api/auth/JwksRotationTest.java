package org.portops.vessel.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.state.testsupport.Await.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An OIDC provider rotating its signing keys, served by a local JWKS endpoint that counts its reads: a token signed
 * with a new key is accepted at once, a withdrawn key is refused, made-up key ids cannot make PortOps hammer the
 * provider, and old keys are read again after their maximum age.
 */
class JwksRotationTest {

    private static final Duration MIN_REFETCH = Duration.ofSeconds(30);
    private static final Duration MAX_AGE = Duration.ofHours(1);
    private static final String ISSUER = "https://idp.example.org";

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ManualClock clock = new ManualClock();
    private final AtomicReference<JsonObject> published = new AtomicReference<>();
    private final AtomicInteger reads = new AtomicInteger();
    private KeyPair first;
    private KeyPair second;
    private HttpServer api;

    /** A clock the test moves; the JWKS cache reads its time from it. */
    private static final class ManualClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void start() throws GeneralSecurityException {
        first = rsa();
        second = rsa();
        published.set(jwks(jwk("key-1", first)));
        Router keys = Router.router(vertx);
        keys.get("/jwks").handler(ctx -> {
            reads.incrementAndGet();
            ctx.json(published.get());
        });
        HttpServer jwks = await(vertx.createHttpServer().requestHandler(keys).listen(0, "127.0.0.1"));
        AuthSettings settings = new AuthSettings(null, "http://127.0.0.1:" + jwks.actualPort() + "/jwks", ISSUER,
                "portops-api", 1000, 1000);
        ApiAuth auth = await(ApiAuth.create(vertx, settings, clock, MIN_REFETCH, MAX_AGE));
        Router router = Router.router(vertx);
        router.route().handler(auth::authenticate).handler(ctx -> ctx.end(ApiAuth.caller(ctx).subject()));
        api = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    @Test
    void aTokenOfARotatedKeyIsAcceptedAtOnceAndTheWithdrawnKeyIsRefused() throws Exception {
        assertThat(call(token("key-1", first)).statusCode()).isEqualTo(200);
        assertThat(reads.get()).isEqualTo(1);

        clock.advance(MIN_REFETCH);
        published.set(jwks(jwk("key-2", second)));
        HttpResponse<String> rotated = call(token("key-2", second));

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        assertThat(reads.get()).isEqualTo(2);
        assertThat(call(token("key-1", first)).statusCode()).isEqualTo(401);
        assertThat(reads.get()).as("key-1 is unknown now, but the keys were read less than %s ago", MIN_REFETCH)
                .isEqualTo(2);
    }

    @Test
    void madeUpKeyIdsReadTheJwksAtMostOncePerInterval() throws Exception {
        assertThat(call(token("forged-start", second)).statusCode()).isEqualTo(401);
        assertThat(reads.get()).as("the keys were read at start less than %s ago", MIN_REFETCH).isEqualTo(1);
        clock.advance(MIN_REFETCH);

        for (int i = 0; i < 20; i++) {
            assertThat(call(token("forged-" + i, second)).statusCode()).isEqualTo(401);
        }
        assertThat(reads.get()).as("the read at start and one for the first unknown kid").isEqualTo(2);

        clock.advance(MIN_REFETCH);
        assertThat(call(token("forged-20", second)).statusCode()).isEqualTo(401);
        assertThat(call(token("forged-21", second)).statusCode()).isEqualTo(401);

        assertThat(reads.get()).isEqualTo(3);
        assertThat(call(token("key-1", first)).statusCode()).isEqualTo(200);
    }

    @Test
    void keysOlderThanTheirMaximumAgeAreReadAgainAndAWithdrawnKeyStopsWorking() throws Exception {
        published.set(jwks(jwk("key-2", second)));
        clock.advance(MAX_AGE);

        assertThat(call(token("key-1", first)).statusCode()).as("the cached key verifies while the read runs")
                .isEqualTo(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status = 200;
        while (status == 200 && System.nanoTime() < deadline) {
            status = call(token("key-1", first)).statusCode();
        }

        assertThat(status).isEqualTo(401);
        assertThat(reads.get()).isEqualTo(2);
        assertThat(call(token("key-2", second)).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> call(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.actualPort() + "/"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String kid, KeyPair key) throws GeneralSecurityException {
        JsonObject claims = new Caller("alice@terminal", Set.of(Role.PLANNER), null, null).toClaims()
                .put("iss", ISSUER).put("aud", "portops-api")
                .put("exp", Instant.now().plusSeconds(300).getEpochSecond());
        return TestJwts.rs256(claims, kid, key);
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static JsonObject jwks(JsonObject... keys) {
        return new JsonObject().put("keys", new JsonArray(Arrays.asList((Object[]) keys)));
    }

    private static JsonObject jwk(String kid, KeyPair pair) {
        return TestJwts.jwk(kid, pair);
    }
}
