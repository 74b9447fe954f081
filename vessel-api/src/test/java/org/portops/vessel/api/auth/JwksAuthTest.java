package org.portops.vessel.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens of an OIDC provider, verified with the keys its JWKS URL publishes (served here by a local server). */
class JwksAuthTest {

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();
    private KeyPair provider;
    private HttpServer jwks;
    private HttpServer api;
    private ApiAuth auth;

    @BeforeEach
    void start() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        provider = generator.generateKeyPair();
        JsonObject keys = new JsonObject().put("keys", new JsonArray().add(TestJwts.jwk("provider-1", provider)));
        Router keysRouter = Router.router(vertx);
        keysRouter.get("/jwks").handler(ctx -> ctx.json(keys));
        jwks = await(vertx.createHttpServer().requestHandler(keysRouter).listen(0, "127.0.0.1"));
        AuthSettings settings = new AuthSettings(null, "http://127.0.0.1:" + jwks.actualPort() + "/jwks",
                "https://idp.example.org", "portops-api", 100, 100);
        auth = await(ApiAuth.create(vertx, settings, Clock.systemUTC()));
        Router router = Router.router(vertx);
        router.route().handler(auth::authenticate).handler(ctx -> ctx.end(ApiAuth.caller(ctx).subject()));
        api = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    @Test
    void aTokenSignedByTheProvidersKeyIsAcceptedAndAnyOtherIsNot() throws Exception {
        JsonObject claims = new Caller("alice@terminal", Set.of(Role.PLANNER), null, null).toClaims()
                .put("iss", "https://idp.example.org").put("aud", "portops-api")
                .put("exp", Instant.now().plusSeconds(300).getEpochSecond());

        HttpResponse<String> accepted = call(rs256(claims, provider));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo("alice@terminal");

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        assertThat(call(rs256(claims, generator.generateKeyPair())).statusCode()).isEqualTo(401);
        assertThat(call(rs256(claims.copy().put("iss", "https://elsewhere.example.org"), provider)).statusCode())
                .isEqualTo(401);
        assertThatThrownBy(() -> auth.mint(new Caller("x", Set.of(Role.ADMIN), null, null), Duration.ofMinutes(1)))
                .hasMessageContaining("OIDC provider");
    }

    private HttpResponse<String> call(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.actualPort() + "/"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String rs256(JsonObject claims, KeyPair key) throws GeneralSecurityException {
        return TestJwts.rs256(claims, "provider-1", key);
    }
}
