package org.portops.vessel.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portops.state.testsupport.Await.await;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Operator sign-in through the terminal's OIDC provider, played by a local server: its discovery document names
 * its JWKS, whose key signs the ID and access tokens it would issue after the authorization-code flow (with MFA,
 * which is the provider's business). PortOps finds the keys through the discovery document, checks issuer and
 * audience, and maps the provider's role names (Keycloak's {@code realm_access.roles} here) to its own roles.
 */
class OidcSignInTest {

    private static final String CLIENT_ID = "portops-map";
    private static final RoleMapping KEYCLOAK_ROLES = RoleMapping.parse("realm_access.roles",
            "terminal-operations=operator, vessel-planning=planner, it-admins=admin");

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicReference<String> documentIssuer = new AtomicReference<>();
    private final AtomicReference<String> tokenEndpoint = new AtomicReference<>();
    private KeyPair providerKey;
    private String issuer;
    private HttpServer api;

    @BeforeEach
    void startProvider() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        providerKey = generator.generateKeyPair();
        JsonObject jwks = new JsonObject().put("keys", new JsonArray().add(TestJwts.jwk("idp-1", providerKey)));
        Router provider = Router.router(vertx);
        provider.get("/realms/terminal/.well-known/openid-configuration").handler(ctx -> ctx.json(new JsonObject()
                .put("issuer", documentIssuer.get())
                .put("authorization_endpoint", issuer + "/protocol/openid-connect/auth")
                .put("token_endpoint", tokenEndpoint.get())
                .put("jwks_uri", issuer + "/protocol/openid-connect/certs")
                .put("id_token_signing_alg_values_supported", new JsonArray().add("RS256"))));
        provider.get("/realms/terminal/protocol/openid-connect/certs").handler(ctx -> ctx.json(jwks));
        HttpServer server = await(vertx.createHttpServer().requestHandler(provider).listen(0, "127.0.0.1"));
        issuer = "http://127.0.0.1:" + server.actualPort() + "/realms/terminal";
        documentIssuer.set(issuer);
        tokenEndpoint.set(issuer + "/protocol/openid-connect/token");
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    private ApiAuth signIn() {
        ApiAuth auth = await(ApiAuth.create(vertx, AuthSettings.oidc(issuer, CLIENT_ID, KEYCLOAK_ROLES),
                Clock.systemUTC()));
        Router router = Router.router(vertx);
        router.route().handler(auth::authenticate).handler(ctx -> {
            Caller caller = ApiAuth.caller(ctx);
            ctx.end(caller.subject() + " " + caller.roles().stream().map(Role::claim).sorted().toList());
        });
        api = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        return auth;
    }

    /** An ID token as Keycloak issues it: the client id as audience, realm roles nested, other applications' too. */
    private JsonObject idToken(String subject, String... realmRoles) {
        return new JsonObject().put("iss", issuer).put("aud", CLIENT_ID).put("sub", subject)
                .put("azp", CLIENT_ID).put("preferred_username", subject).put("amr", new JsonArray().add("pwd")
                        .add("otp"))
                .put("iat", Instant.now().getEpochSecond()).put("exp", Instant.now().plusSeconds(300).getEpochSecond())
                .put("realm_access", new JsonObject().put("roles", new JsonArray(Arrays.asList((Object[]) realmRoles))));
    }

    @Test
    void anIdTokenOfTheProviderSignsInWithTheRolesMappedFromItsClaim() throws Exception {
        signIn();
        HttpResponse<String> operator = call(rs256(idToken("jan.devries", "terminal-operations",
                "offline_access", "uma_authorization"), providerKey));
        assertThat(operator.statusCode()).as(operator.body()).isEqualTo(200);
        assertThat(operator.body()).isEqualTo("jan.devries [operator]");

        HttpResponse<String> both = call(rs256(idToken("eva", "vessel-planning", "it-admins"), providerKey));
        assertThat(both.body()).isEqualTo("eva [admin, planner]");
    }

    @Test
    void anAccessTokenWithSeveralAudiencesIncludingPortOpsIsAccepted() throws Exception {
        signIn();
        JsonObject access = idToken("piet", "vessel-planning").put("aud", new JsonArray().add("account")
                .add(CLIENT_ID));
        HttpResponse<String> response = call(rs256(access, providerKey));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("piet [planner]");
    }

    @Test
    void aTokenOfAnotherIssuerAudienceOrKeyIsRefusedWithTheReason() throws Exception {
        signIn();
        HttpResponse<String> otherIssuer = call(rs256(idToken("mallory", "it-admins")
                .put("iss", "http://127.0.0.1:1/realms/other"), providerKey));
        assertThat(otherIssuer.statusCode()).isEqualTo(401);
        assertThat(otherIssuer.body()).contains("the bearer token was refused").contains("iss");

        HttpResponse<String> otherAudience = call(rs256(idToken("mallory", "it-admins").put("aud", "billing"),
                providerKey));
        assertThat(otherAudience.statusCode()).isEqualTo(401);
        assertThat(otherAudience.body()).contains("aud");

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        assertThat(call(rs256(idToken("mallory", "it-admins"), generator.generateKeyPair())).statusCode())
                .isEqualTo(401);

        JsonObject expired = idToken("mallory", "it-admins").put("exp", Instant.now().minusSeconds(120)
                .getEpochSecond());
        assertThat(call(rs256(expired, providerKey)).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutAnyMappedRoleIsForbiddenNamingWhatItHas() throws Exception {
        signIn();
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(ApiAuth.class);
        ListAppender<ILoggingEvent> denials = new ListAppender<>();
        denials.start();
        log.addAppender(denials);
        HttpResponse<String> response = call(rs256(idToken("guest", "offline_access", "uma_authorization"),
                providerKey));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(response.body()).getString("error")).isEqualTo("token of guest has none of the "
                + "roles PortOps maps from realm_access.roles ([it-admins, terminal-operations, vessel-planning]); "
                + "it has [offline_access, uma_authorization]");

        HttpResponse<String> noClaim = call(rs256(idToken("guest").put("realm_access", new JsonObject()),
                providerKey));
        assertThat(noClaim.statusCode()).isEqualTo(403);
        assertThat(noClaim.body()).contains("has no realm_access.roles claim");
        log.detachAppender(denials);
        assertThat(denials.list).extracting(ILoggingEvent::getFormattedMessage).as("every denial logged")
                .hasSize(2).allSatisfy(line -> assertThat(line).startsWith("denied GET / from 127.0.0.1:")
                        .contains("(403): token of guest has"));
    }

    @Test
    void aDiscoveryDocumentNamingAnotherIssuerIsRefusedAtStart() {
        documentIssuer.set("https://idp.attacker.example/realms/terminal");
        assertThatThrownBy(() -> await(ApiAuth.create(vertx, AuthSettings.oidc(issuer, CLIENT_ID, KEYCLOAK_ROLES),
                Clock.systemUTC())))
                .hasMessageContaining("OIDC discovery document " + issuer + "/.well-known/openid-configuration")
                .hasMessageContaining("names the issuer https://idp.attacker.example/realms/terminal, not " + issuer);
    }

    @Test
    void theSignInEndpointsAreReadFromTheDocumentAndAPlainHttpOneIsRefusedAtStart() {
        ApiAuth auth = signIn();
        assertThat(auth.provider()).hasValue(new OidcProvider(issuer, issuer + "/protocol/openid-connect/certs",
                issuer + "/protocol/openid-connect/auth", issuer + "/protocol/openid-connect/token"));
        assertThat(auth.provider().orElseThrow().offersSignIn()).isTrue();

        tokenEndpoint.set("http://idp.terminal.example/token");
        assertThatThrownBy(() -> await(ApiAuth.create(vertx, AuthSettings.oidc(issuer, CLIENT_ID, KEYCLOAK_ROLES),
                Clock.systemUTC()))).hasMessageContaining("names an endpoint that is not https: "
                + "http://idp.terminal.example/token");
    }

    @Test
    void roleMappingsThatNameNoPortOpsRoleAreRefusedNamingThePair() {
        assertThatThrownBy(() -> RoleMapping.parse("groups", "ops=operator,planners=captain"))
                .hasMessage("auth: role mapping 'planners=captain' names no PortOps role; known: [admin, operator, "
                        + "supervisor, planner, viewer, crane-driver, line, gate-clerk]");
        assertThatThrownBy(() -> RoleMapping.parse("groups", "ops"))
                .hasMessage("auth: role mapping 'ops' is not of the form provider-role=portops-role");
        assertThatThrownBy(() -> RoleMapping.parse("realm_access..roles", ""))
                .hasMessageContaining("must be a claim name or a dot-separated path");
        assertThat(RoleMapping.parse("scope", "portops.operate=operator")
                .read(new JsonObject().put("scope", "openid portops.operate"), "x"))
                .isEqualTo(new RoleMapping.Roles.Found(java.util.Set.of(Role.OPERATOR)));
    }

    @Test
    void theEnvironmentSelectsTheProviderAndItsRoleMapping() {
        AuthSettings settings = AuthSettings.resolve(java.util.Map.of("PORTOPS_AUTH_OIDC_ISSUER", issuer,
                "PORTOPS_AUTH_AUDIENCE", CLIENT_ID, "PORTOPS_AUTH_ROLES_CLAIM", "realm_access.roles",
                "PORTOPS_AUTH_ROLE_MAP", "terminal-operations=operator"), java.nio.file.Path.of("unused"));
        assertThat(settings.discovery()).isTrue();
        assertThat(settings.issuer()).isEqualTo(issuer);
        assertThat(settings.hmacSecret()).isNull();
        assertThat(settings.roleMapping()).isEqualTo(RoleMapping.parse("realm_access.roles",
                "terminal-operations=operator"));
        assertThatThrownBy(() -> AuthSettings.oidc("http://idp.example.org/realms/t", CLIENT_ID, KEYCLOAK_ROLES))
                .hasMessageContaining("must be an https:// URL");
    }

    private HttpResponse<String> call(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.actualPort() + "/"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String rs256(JsonObject claims, KeyPair key) throws GeneralSecurityException {
        return TestJwts.rs256(claims, "idp-1", key);
    }
}
