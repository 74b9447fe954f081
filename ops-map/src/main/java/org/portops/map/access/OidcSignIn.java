package org.portops.map.access;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.portops.vessel.api.auth.ApiAuth;
import org.portops.vessel.api.auth.Caller;
import org.portops.vessel.api.auth.OidcProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator sign-in through the terminal's OIDC provider, the authorization-code flow with PKCE (RFC 7636, S256):
 * {@code GET /api/map/sign-in} sends the browser to the provider (where passwords and multi-factor authentication
 * live) with a fresh {@code state}, {@code nonce} and code challenge; the provider sends it back to
 * {@code /api/map/sign-in/callback} with a code, which the server exchanges for tokens with the code verifier only
 * it and this browser know. The ID token must verify (signature, issuer, audience, expiry) and carry this sign-in's
 * nonce; the session cookie then holds the access token when it is a PortOps token (its audience names PortOps and
 * its roles map), else the ID token, and is verified again on every request as a pasted token is.
 *
 * <p>The state, nonce, verifier and the page to return to wait in an HttpOnly cookie scoped to the callback, not on
 * the server, so any node of a cluster can finish a sign-in another began. It is {@code SameSite=Lax}: the
 * provider's redirect back is a cross-site navigation, on which a {@code Strict} cookie would not be sent.
 */
public final class OidcSignIn {

    static final String START = "/api/map/sign-in";
    static final String CALLBACK = "/api/map/sign-in/callback";
    static final String PENDING_COOKIE = "portops_sign_in";
    /** How long a browser has at the provider to sign in. */
    static final int PENDING_SECONDS = 600;
    private static final long TOKEN_TIMEOUT_MILLIS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(OidcSignIn.class);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** What a browser's sign-in waits with while it is at the provider. */
    record Pending(String state, String nonce, String verifier, String returnTo) {

        String encode() {
            return String.join(".", state, nonce, verifier,
                    BASE64URL.encodeToString(returnTo.getBytes(StandardCharsets.UTF_8)));
        }

        static Pending decode(String cookie) {
            String[] parts = cookie.split("\\.", -1);
            if (parts.length != 4) {
                throw new IllegalArgumentException("the sign-in cookie has " + parts.length + " parts, not 4");
            }
            return new Pending(parts[0], parts[1], parts[2],
                    safeReturn(new String(Base64.getUrlDecoder().decode(parts[3]), StandardCharsets.UTF_8)));
        }
    }

    private final ApiAuth auth;
    private final OidcProvider provider;
    private final SecureRandom random = new SecureRandom();

    OidcSignIn(ApiAuth auth, OidcProvider provider) {
        if (!provider.offersSignIn()) {
            throw new IllegalArgumentException("the OIDC provider " + provider.issuer()
                    + " names no authorization_endpoint and token_endpoint in its discovery document");
        }
        this.auth = auth;
        this.provider = provider;
    }

    /** {@code GET /api/map/sign-in?return=/cab}: off to the provider with a new state, nonce and code challenge. */
    void start(RoutingContext ctx) {
        Pending pending = new Pending(secret(), secret(), secret(), safeReturn(ctx.request().getParam("return")));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", auth.audience());
        query.put("redirect_uri", redirectUri(ctx));
        query.put("scope", "openid profile");
        query.put("state", pending.state());
        query.put("nonce", pending.nonce());
        query.put("code_challenge", challenge(pending.verifier()));
        query.put("code_challenge_method", "S256");
        String endpoint = provider.authorizationEndpoint();
        ctx.response().addCookie(pendingCookie(ctx, pending.encode(), PENDING_SECONDS))
                .putHeader("cache-control", "no-store")
                .putHeader("location", endpoint + (endpoint.contains("?") ? "&" : "?") + form(query))
                .setStatusCode(302).end();
    }

    /** {@code GET /api/map/sign-in/callback?code=…&state=…}: the code exchanged, the session cookie set. */
    void callback(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(PENDING_COOKIE);
        // the pending sign-in is used once, whatever comes of it
        ctx.response().addCookie(pendingCookie(ctx, "", 0));
        Pending pending;
        try {
            pending = cookie == null || cookie.getValue().isBlank() ? null : Pending.decode(cookie.getValue());
        } catch (IllegalArgumentException e) {
            pending = null;
        }
        String returnTo = pending == null ? "/" : pending.returnTo();
        String refusal = refusal(ctx, pending);
        if (refusal != null) {
            refuse(ctx, returnTo, refusal);
            return;
        }
        Pending signingIn = pending;
        exchange(ctx.vertx(), ctx.request().getParam("code"), signingIn.verifier(), redirectUri(ctx))
                .compose(tokens -> session(tokens, signingIn.nonce()))
                .onSuccess(session -> {
                    LOG.info("signed in {} through the OIDC provider {}", session.caller().subject(), provider.issuer());
                    ctx.response().addCookie(MapAccess.sessionCookie(session.token(), ctx.request().isSSL()))
                            .putHeader("cache-control", "no-store")
                            .putHeader("location", returnTo).setStatusCode(302).end();
                })
                .onFailure(failure -> refuse(ctx, returnTo, failure.getMessage()));
    }

    /** Why the provider's answer cannot finish this browser's sign-in, if it cannot. */
    private static String refusal(RoutingContext ctx, Pending pending) {
        String error = ctx.request().getParam("error");
        if (error != null) {
            String description = ctx.request().getParam("error_description");
            return "the provider refused the sign-in: " + error + (description == null ? "" : " (" + description + ")");
        }
        if (pending == null) {
            return "no sign-in is under way in this browser (it took more than " + PENDING_SECONDS / 60
                    + " minutes, or the browser refused the sign-in cookie)";
        }
        String state = ctx.request().getParam("state");
        if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.US_ASCII),
                pending.state().getBytes(StandardCharsets.US_ASCII))) {
            return "the answer's state does not match this browser's sign-in (a forged or stale answer)";
        }
        if (ctx.request().getParam("code") == null) {
            return "the provider's answer has no code";
        }
        return null;
    }

    /** The token endpoint's answer to the code and the verifier (RFC 6749 4.1.3, RFC 7636 4.5). */
    private Future<JsonObject> exchange(Vertx vertx, String code, String verifier, String redirectUri) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("grant_type", "authorization_code").add("code", code)
                .add("redirect_uri", redirectUri).add("client_id", auth.audience()).add("code_verifier", verifier);
        // sign-ins are rare: a client per exchange, closed after it, keeps nothing open between them
        WebClient client = WebClient.create(vertx);
        return client.postAbs(provider.tokenEndpoint()).timeout(TOKEN_TIMEOUT_MILLIS)
                .putHeader("accept", "application/json").sendForm(form)
                .eventually(() -> {
                    client.close();
                    return Future.succeededFuture();
                })
                .recover(failure -> Future.failedFuture(new IllegalStateException("the provider's token endpoint "
                        + provider.tokenEndpoint() + " could not be reached: " + failure.getMessage())))
                .compose(OidcSignIn::tokens);
    }

    private static Future<JsonObject> tokens(HttpResponse<?> response) {
        JsonObject body;
        try {
            body = response.bodyAsJsonObject();
        } catch (DecodeException | ClassCastException e) {
            body = null;
        }
        if (response.statusCode() != 200 || body == null) {
            String error = body == null ? "HTTP " + response.statusCode()
                    : body.getString("error", "HTTP " + response.statusCode())
                    + (body.getString("error_description") == null ? "" : " (" + body.getString("error_description") + ")");
            return Future.failedFuture(new IllegalStateException("the provider refused the code: " + error));
        }
        if (!(body.getValue("id_token") instanceof String)) {
            return Future.failedFuture(new IllegalStateException("the provider's token answer has no id_token"));
        }
        return Future.succeededFuture(body);
    }

    /** A verified token and its caller: what the session cookie will hold. */
    private record Session(String token, Caller caller) {
    }

    /**
     * The ID token proves who signed in, in this browser (its nonce); the session keeps the access token when
     * PortOps accepts it as a caller, else the ID token (providers put roles in one or both).
     */
    private Future<Session> session(JsonObject tokens, String nonce) {
        String idToken = tokens.getString("id_token");
        return auth.verifiedClaims(idToken)
                .recover(failure -> Future.failedFuture(new IllegalStateException("the provider's ID token was "
                        + "refused: " + failure.getMessage())))
                .compose(claims -> {
                    if (!nonce.equals(claims.getValue("nonce"))) {
                        return Future.failedFuture(new IllegalStateException("the ID token does not carry this "
                                + "sign-in's nonce (a token issued for another sign-in)"));
                    }
                    if (!(tokens.getValue("access_token") instanceof String accessToken)) {
                        return caller(idToken, claims);
                    }
                    String subject = claims.getString("sub");
                    return auth.verifiedClaims(accessToken).compose(access -> Objects.equals(subject,
                                    access.getString("sub"))
                                    ? caller(accessToken, access)
                                    : Future.failedFuture("the access token names another subject"))
                            .recover(notForPortOps -> caller(idToken, claims));
                });
    }

    private Future<Session> caller(String token, JsonObject claims) {
        return switch (auth.callerOf(claims)) {
            case Caller.Claims.Valid valid -> Future.succeededFuture(new Session(token, valid.caller()));
            case Caller.Claims.Invalid invalid -> Future.failedFuture(new IllegalStateException(invalid.reason()));
        };
    }

    private static void refuse(RoutingContext ctx, String returnTo, String reason) {
        LOG.info("denied {} {} from {} (sign-in): {}", ctx.request().method(), ctx.request().path(),
                ctx.request().remoteAddress(), reason);
        ctx.response().putHeader("cache-control", "no-store")
                .putHeader("location", returnTo + (returnTo.contains("?") ? "&" : "?") + "sign_in_error="
                        + URLEncoder.encode(reason, StandardCharsets.UTF_8))
                .setStatusCode(302).end();
    }

    /**
     * Where the provider sends the browser back: this server as the browser reached it. The provider compares it
     * with the redirect URIs registered for PortOps, so a forged Host header only makes the provider refuse.
     */
    private static String redirectUri(RoutingContext ctx) {
        return ctx.request().scheme() + "://" + ctx.request().authority() + CALLBACK;
    }

    /** A path on this server; anything else (another site, {@code //evil}, {@code /\evil}) returns to the map. */
    static String safeReturn(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")
                || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return path;
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** {@code BASE64URL(SHA-256(ASCII(verifier)))}, the S256 code challenge. */
    static String challenge(String verifier) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static Cookie pendingCookie(RoutingContext ctx, String value, int maxAgeSeconds) {
        return Cookie.cookie(PENDING_COOKIE, value).setPath(CALLBACK).setHttpOnly(true)
                .setSecure(ctx.request().isSSL()).setSameSite(CookieSameSite.LAX).setMaxAge(maxAgeSeconds);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
