package org.portops.vessel.api.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.portops.vessel.api.ApiException;
import org.portops.vessel.api.Responses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer-token authentication shared by every PortOps HTTP interface (the vessel API, the ops map): verifies the
 * JWT (signature, expiry, issuer, audience) — PortOps's own, or an ID or access token of the terminal's OIDC
 * provider, whose keys come from its discovery document and JWKS — reads the {@link Caller} from its claims (the
 * roles mapped from the provider's names by {@link AuthSettings#roleMapping}), applies the caller's rate
 * limit and leaves the caller in the routing context ({@link #caller}).
 */
public final class ApiAuth {

    private static final Logger LOG = LoggerFactory.getLogger(ApiAuth.class);
    private static final String CALLER = "portops.caller";
    private static final String BEARER = "Bearer ";

    /** How often at most the JWKS is read again for a token whose key id the cached keys do not know. */
    public static final Duration JWKS_MIN_REFETCH = Duration.ofSeconds(30);
    /** How long cached JWKS keys are used before they are read again in the background. */
    public static final Duration JWKS_MAX_AGE = Duration.ofHours(1);

    private final Function<String, Future<JWTAuth>> verifiers;
    private final OidcProvider provider;
    private final AuthSettings settings;
    private final RateLimiter limiter;
    private final Clock clock;

    private ApiAuth(Function<String, Future<JWTAuth>> verifiers, OidcProvider provider, AuthSettings settings,
                    Clock clock) {
        this.verifiers = verifiers;
        this.provider = provider;
        this.settings = settings;
        this.clock = clock;
        this.limiter = new RateLimiter(settings.requestsPerSecond(), settings.burst(), clock);
    }

    /** Ready to verify tokens; with a JWKS URL, once the provider's keys are read. */
    public static Future<ApiAuth> create(Vertx vertx, AuthSettings settings, Clock clock) {
        return create(vertx, settings, clock, JWKS_MIN_REFETCH, JWKS_MAX_AGE);
    }

    /**
     * As {@link #create(Vertx, AuthSettings, Clock)}, with the JWKS cache's pacing: an unknown key id reads the keys
     * again at most once per {@code minRefetch}; keys older than {@code maxAge} are read again in the background.
     */
    public static Future<ApiAuth> create(Vertx vertx, AuthSettings settings, Clock clock, Duration minRefetch,
                                         Duration maxAge) {
        JWTOptions verification = new JWTOptions().setIssuer(settings.issuer()).addAudience(settings.audience())
                .setLeeway(30);
        if (settings.hmacSecret() != null) {
            JWTAuthOptions options = new JWTAuthOptions()
                    .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(settings.hmacSecret()))
                    .setJWTOptions(verification);
            Future<JWTAuth> jwt = Future.succeededFuture(JWTAuth.create(vertx, options));
            return Future.succeededFuture(new ApiAuth(token -> jwt, null, settings, clock));
        }
        if (!settings.discovery()) {
            return JwksKeys.load(vertx, settings.jwksUrl(), verification, minRefetch, maxAge, clock)
                    .map(keys -> new ApiAuth(keys::verifierFor, null, settings, clock));
        }
        return OidcDiscovery.read(vertx, settings.issuer()).compose(provider -> JwksKeys.load(vertx,
                        provider.jwksUri(), verification, minRefetch, maxAge, clock)
                .map(keys -> new ApiAuth(keys::verifierFor, provider, settings, clock)));
    }

    /** The terminal's OIDC provider as its discovery document describes it, when the keys come from one. */
    public Optional<OidcProvider> provider() {
        return Optional.ofNullable(provider);
    }

    /** The client id PortOps is registered with at the provider: the audience its tokens must name. */
    public String audience() {
        return settings.audience();
    }

    /**
     * The claims of {@code token} once its signature, expiry, issuer and audience are verified, as
     * {@link #authenticate} verifies a bearer token; fails with the reason otherwise.
     */
    public Future<JsonObject> verifiedClaims(String token) {
        return verifiers.apply(token).compose(jwt -> jwt.authenticate(new TokenCredentials(token)))
                .map(ApiAuth::claims);
    }

    /** The caller {@code claims} (of a {@link #verifiedClaims verified} token) name, with its roles mapped. */
    public Caller.Claims callerOf(JsonObject claims) {
        return Caller.fromClaims(claims, settings.roleMapping());
    }

    /** A signed token for {@code caller}, valid for {@code lifetime}; only with an HMAC secret. */
    public String mint(Caller caller, Duration lifetime) {
        return new TokenMinter(settings, clock).mint(caller, lifetime);
    }

    /** The route handler: 401 without a valid token, 403 for unusable claims, 429 over the rate limit. */
    public void authenticate(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            unauthorized(ctx, "an Authorization: Bearer <JWT> header is required");
            return;
        }
        String token = header.substring(BEARER.length()).strip();
        verifiedClaims(token).onComplete(result -> {
            if (result.failed()) {
                unauthorized(ctx, "the bearer token was refused: " + result.cause().getMessage());
                return;
            }
            switch (callerOf(result.result())) {
                case Caller.Claims.Invalid invalid -> {
                    denied(ctx, 403, invalid.reason());
                    Responses.error(ctx, 403, null, invalid.reason());
                }
                case Caller.Claims.Valid valid -> admit(ctx, valid.caller());
            }
        });
    }

    private void admit(RoutingContext ctx, Caller caller) {
        RateLimiter.Outcome outcome = limiter.take(caller.subject());
        if (!outcome.allowed()) {
            long seconds = Math.max(1, (outcome.retryAfter().toMillis() + 999) / 1000);
            ctx.response().putHeader("Retry-After", String.valueOf(seconds));
            String reason = "rate limit of " + settings.requestsPerSecond() + " requests/s (burst " + settings.burst()
                    + ") exceeded by " + caller.subject() + "; retry after " + seconds + " s";
            denied(ctx, 429, reason);
            Responses.error(ctx, 429, null, reason);
            return;
        }
        ctx.put(CALLER, caller);
        ctx.next();
    }

    /** The caller {@link #authenticate} admitted. */
    public static Caller caller(RoutingContext ctx) {
        Caller caller = ctx.get(CALLER);
        if (caller == null) {
            throw new IllegalStateException("route " + ctx.request().path() + " runs without authentication");
        }
        return caller;
    }

    /** The admitted caller, if it holds {@code permission}; else a 403 naming what it lacks. */
    public static Caller require(RoutingContext ctx, Permission permission) {
        Caller caller = caller(ctx);
        if (caller.may(permission) instanceof Decision.Refused refused) {
            throw ApiException.forbidden(refused.reason());
        }
        return caller;
    }

    private static JsonObject claims(User user) {
        JsonObject token = user.attributes().getJsonObject("accessToken");
        return token != null ? token : user.principal();
    }

    /** Every refused request leaves a line with its reason (never the token itself). */
    private static void denied(RoutingContext ctx, int status, String reason) {
        LOG.info("denied {} {} from {} ({}): {}", ctx.request().method(), ctx.request().path(),
                ctx.request().remoteAddress(), status, reason);
    }

    private static void unauthorized(RoutingContext ctx, String message) {
        denied(ctx, 401, message);
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        Responses.error(ctx, 401, null, message);
    }
}
