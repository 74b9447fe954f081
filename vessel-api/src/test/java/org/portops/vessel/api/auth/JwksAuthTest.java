package org.portops.vessel.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portops.state.testsupport.Await.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens of an OIDC provider, verified with the keys its JWKS URL publishes (served here by a local server). */
class JwksAuthTest {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

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
        RSAPublicKey key = (RSAPublicKey) provider.getPublic();
        JsonObject keys = new JsonObject().put("keys", new JsonArray().add(new JsonObject()
                .put("kty", "RSA").put("kid", "provider-1").put("use", "sig").put("alg", "RS256")
                .put("n", BASE64URL.encodeToString(unsigned(key.getModulus())))
                .put("e", BASE64URL.encodeToString(unsigned(key.getPublicExponent())))));
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
        String header = BASE64URL.encodeToString(new JsonObject().put("alg", "RS256").put("typ", "JWT")
                .put("kid", "provider-1").encode().getBytes(StandardCharsets.UTF_8));
        String signed = header + "." + BASE64URL.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key.getPrivate());
        signature.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + BASE64URL.encodeToString(signature.sign());
    }

    /** The big-endian magnitude without the sign byte JWK does not want. */
    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
