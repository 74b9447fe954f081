package org.portops.map.access;

import static org.portops.state.testsupport.Await.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The terminal's OIDC provider as Keycloak plays it, on a local port: a discovery document, a JWKS, a sign-in page
 * (where the password and the one-time code would be asked; here a button) that sends the browser back with a code,
 * and a token endpoint that gives ID and access tokens for a code only to the client that began the sign-in: the
 * same client id and redirect URI, and the code verifier whose S256 challenge came with the sign-in (RFC 7636). A
 * code is good once. What each exchange was refused for is kept, so a test can tell the provider refused.
 */
final class TestProvider implements AutoCloseable {

    static final String CLIENT_ID = "portops-map";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** What the provider remembers of a sign-in between its page and the token endpoint. */
    private record Grant(String clientId, String redirectUri, String challenge, String nonce, String user) {
    }

    private final Vertx vertx;
    private final KeyPair key;
    private final HttpServer server;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    final List<String> refusedExchanges = new CopyOnWriteArrayList<>();
    final List<JsonObject> authorizationRequests = new CopyOnWriteArrayList<>();
    /** Rewrites the ID token's claims before signing (a test's forgery); identity by default. */
    volatile UnaryOperator<JsonObject> idTokenClaims = UnaryOperator.identity();
    /** Whether the ID token carries the realm roles (Keycloak's mapper option "Add to ID token"). */
    volatile boolean rolesInIdToken = true;
    final String issuer;

    TestProvider(Vertx vertx) throws GeneralSecurityException {
        this.vertx = vertx;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        router.get("/realms/terminal/.well-known/openid-configuration").handler(this::discovery);
        router.get("/realms/terminal/certs").handler(ctx -> ctx.json(new JsonObject()
                .put("keys", new JsonArray().add(jwk()))));
        router.get("/realms/terminal/auth").handler(this::signInPage);
        router.post("/realms/terminal/auth").handler(this::signedIn);
        router.post("/realms/terminal/token").handler(this::token);
        server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        issuer = "http://127.0.0.1:" + server.actualPort() + "/realms/terminal";
    }

    private void discovery(RoutingContext ctx) {
        ctx.json(new JsonObject().put("issuer", issuer).put("jwks_uri", issuer + "/certs")
                .put("authorization_endpoint", issuer + "/auth").put("token_endpoint", issuer + "/token")
                .put("code_challenge_methods_supported", new JsonArray().add("S256")));
    }

    /** The page the browser lands on: the request's parameters carried in a form, a button per person. */
    private void signInPage(RoutingContext ctx) {
        JsonObject request = new JsonObject();
        ctx.queryParams().forEach(request::put);
        authorizationRequests.add(request);
        StringBuilder hidden = new StringBuilder();
        ctx.queryParams().forEach((name, value) -> hidden.append("<input type=hidden name=\"").append(name)
                .append("\" value=\"").append(value.replace("\"", "&quot;")).append("\">"));
        ctx.response().putHeader("content-type", "text/html; charset=utf-8").end("""
                <!doctype html><title>Terminal sign-in</title><form method=post>%s
                <button id=jan name=user value=jan.devries>Sign in as jan.devries (password and one-time code)</button>
                <button id=cancel name=user value=>Cancel</button></form>""".formatted(hidden));
    }

    private void signedIn(RoutingContext ctx) {
        var form = ctx.request().formAttributes();
        String redirect = form.get("redirect_uri");
        String state = URLEncoder.encode(form.get("state"), StandardCharsets.UTF_8);
        String user = form.get("user");
        if (user == null || user.isEmpty()) {
            ctx.redirect(redirect + "?error=access_denied&error_description=" + URLEncoder.encode(
                    "the person cancelled the sign-in", StandardCharsets.UTF_8) + "&state=" + state);
            return;
        }
        ctx.redirect(redirect + "?code=" + code(form.get("client_id"), redirect, form.get("code_challenge"),
                form.get("code_challenge_method"), form.get("nonce"), user) + "&state=" + state);
    }

    /** A code for {@code user}, as the sign-in page gives after the person signed in. */
    String code(String clientId, String redirectUri, String challenge, String method, String nonce, String user) {
        if (!"S256".equals(method)) {
            throw new IllegalArgumentException("code_challenge_method " + method + ", not S256");
        }
        String code = UUID.randomUUID().toString();
        grants.put(code, new Grant(clientId, redirectUri, challenge, nonce, user));
        return code;
    }

    private void token(RoutingContext ctx) {
        var form = ctx.request().formAttributes();
        Grant grant = grants.remove(String.valueOf(form.get("code")));
        String refusal = grant == null ? "unknown or used code"
                : !"authorization_code".equals(form.get("grant_type")) ? "grant_type " + form.get("grant_type")
                : !grant.clientId().equals(form.get("client_id")) ? "client_id " + form.get("client_id")
                : !grant.redirectUri().equals(form.get("redirect_uri")) ? "redirect_uri " + form.get("redirect_uri")
                : form.get("code_verifier") == null ? "no code_verifier"
                : !OidcSignIn.challenge(form.get("code_verifier")).equals(grant.challenge())
                ? "code_verifier does not match the code_challenge" : null;
        if (refusal != null) {
            refusedExchanges.add(refusal);
            ctx.response().setStatusCode(400).putHeader("content-type", "application/json")
                    .end(new JsonObject().put("error", "invalid_grant").put("error_description", refusal).encode());
            return;
        }
        try {
            JsonObject id = claims(grant.user(), CLIENT_ID).put("nonce", grant.nonce()).put("azp", CLIENT_ID)
                    .put("amr", new JsonArray().add("pwd").add("otp"));
            if (!rolesInIdToken) {
                id.remove("realm_access");
            }
            JsonObject access = claims(grant.user(), new JsonArray().add("account").add(CLIENT_ID))
                    .put("scope", "openid profile");
            ctx.json(new JsonObject().put("token_type", "Bearer").put("expires_in", 300)
                    .put("id_token", sign(idTokenClaims.apply(id))).put("access_token", sign(access)));
        } catch (GeneralSecurityException e) {
            ctx.fail(e);
        }
    }

    private JsonObject claims(String user, Object audience) {
        long now = Instant.now().getEpochSecond();
        return new JsonObject().put("iss", issuer).put("aud", audience).put("sub", user)
                .put("preferred_username", user).put("iat", now).put("exp", now + 300)
                .put("realm_access", new JsonObject().put("roles", new JsonArray().add("terminal-operations")
                        .add("offline_access")));
    }

    String sign(JsonObject claims) throws GeneralSecurityException {
        String header = BASE64URL.encodeToString(new JsonObject().put("alg", "RS256").put("typ", "JWT")
                .put("kid", "idp-1").encode().getBytes(StandardCharsets.UTF_8));
        String signed = header + "." + BASE64URL.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key.getPrivate());
        signature.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + BASE64URL.encodeToString(signature.sign());
    }

    private JsonObject jwk() {
        RSAPublicKey publicKey = (RSAPublicKey) key.getPublic();
        return new JsonObject().put("kty", "RSA").put("kid", "idp-1").put("use", "sig").put("alg", "RS256")
                .put("n", BASE64URL.encodeToString(unsigned(publicKey.getModulus())))
                .put("e", BASE64URL.encodeToString(unsigned(publicKey.getPublicExponent())));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    @Override
    public void close() {
        await(server.close());
    }
}
