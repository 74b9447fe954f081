package org.portops.map.access;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.portops.model.equipment.EquipmentId;
import org.portops.vessel.api.auth.ApiAuth;
import org.portops.vessel.api.auth.Caller;
import org.portops.vessel.api.auth.OidcProvider;
import org.portops.vessel.api.auth.Role;

/**
 * Sign-in and role checks of the map and the cab, on the vessel API's {@link ApiAuth} (the same tokens, keys and
 * rate limit). A browser signs in once with its token ({@code POST /api/map/session} with
 * {@code Authorization: Bearer}), which the server keeps in an HttpOnly, SameSite=Strict cookie: an
 * {@code EventSource} cannot send an Authorization header, and a cookie script cannot read cannot be stolen by it.
 * Every request is then verified again from that cookie, so an expired or forged token is refused on every call.
 * With the terminal's OIDC provider, a browser can instead sign in there ({@link OidcSignIn}) and come back with
 * the same cookie.
 */
public final class MapAccess {

    public static final String COOKIE = "portops_session";
    private static final String BEARER = "Bearer ";

    private final ApiAuth auth;
    private final Optional<OidcSignIn> provider;

    public MapAccess(ApiAuth auth) {
        this.auth = auth;
        this.provider = auth.provider().filter(OidcProvider::offersSignIn).map(found -> new OidcSignIn(auth, found));
    }

    /**
     * The session routes: sign in with a token, who is signed in, sign out; and, when the keys come from the
     * terminal's OIDC provider, sign-in through it ({@link OidcSignIn}). {@code GET /api/map/sign-in/methods} tells
     * the pages which ways to offer.
     */
    public void mount(Router router) {
        router.delete("/api/map/session").handler(MapAccess::signOut);
        router.post("/api/map/session").handler(signedIn()).handler(MapAccess::signIn);
        router.get("/api/map/session").handler(signedIn()).handler(ctx -> ctx.json(toJson(ApiAuth.caller(ctx))));
        router.get(OidcSignIn.START + "/methods").handler(ctx -> ctx.json(new JsonObject()
                .put("token", true).put("provider", provider.isPresent())));
        provider.ifPresent(signIn -> {
            router.get(OidcSignIn.START).handler(signIn::start);
            router.get(OidcSignIn.CALLBACK).handler(signIn::callback);
        });
    }

    /** Route handler: 401 without a valid token (header or session cookie), else the caller is in the context. */
    public Handler<RoutingContext> signedIn() {
        return ctx -> {
            cookieAsHeader(ctx);
            auth.authenticate(ctx);
        };
    }

    /**
     * Route handler for a route of the service that verifies bearer tokens itself (the what-if): a page's request
     * carries the session cookie, which is handed on as the Authorization header; nothing is verified here.
     */
    public static Handler<RoutingContext> sessionAsBearer() {
        return ctx -> {
            cookieAsHeader(ctx);
            ctx.next();
        };
    }

    private static void cookieAsHeader(RoutingContext ctx) {
        if (ctx.request().getHeader("Authorization") == null) {
            Cookie session = ctx.request().getCookie(COOKIE);
            if (session != null && !session.getValue().isBlank()) {
                // the cookie carries the same JWT; ApiAuth verifies it as it would the header
                ctx.request().headers().set("Authorization", BEARER + session.getValue());
            }
        }
    }

    /** Route handler: only callers holding {@code permission} pass; others get a 403 naming what they lack. */
    public static Handler<RoutingContext> requires(MapPermission permission) {
        return ctx -> refusal(ApiAuth.caller(ctx), permission).ifPresentOrElse(
                reason -> forbidden(ctx, reason), ctx::next);
    }

    /** Why {@code caller} may not act on {@code machine}'s work, if it may not: a driver drives its own machine only. */
    public static Optional<String> mayDrive(Caller caller, EquipmentId machine) {
        return refusal(caller, MapPermission.DRIVE_MACHINE).or(() -> machine.equals(caller.machine())
                ? Optional.empty()
                : Optional.of(caller.subject() + " drives " + caller.machine() + ", not " + machine));
    }

    /** Why {@code caller} lacks {@code permission}, if it does. */
    public static Optional<String> refusal(Caller caller, MapPermission permission) {
        for (Role role : caller.roles()) {
            if (MapPermission.grantedTo(role).contains(permission)) {
                return Optional.empty();
            }
        }
        return Optional.of(caller.subject() + " (" + caller.roles().stream().map(Role::claim).sorted().toList()
                + ") may not " + permission.name().toLowerCase().replace('_', ' '));
    }

    /** {@code POST /api/map/session}, after {@link #signedIn}: keeps the verified token in the session cookie. */
    public static void signIn(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        Caller caller = ApiAuth.caller(ctx);
        ctx.response().addCookie(sessionCookie(header.substring(BEARER.length()).strip(), ctx.request().isSSL()));
        ctx.json(toJson(caller));
    }

    /** The session cookie holding {@code token}; over HTTPS sent back over HTTPS only. */
    static Cookie sessionCookie(String token, boolean secure) {
        return Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true).setSecure(secure)
                .setSameSite(CookieSameSite.STRICT);
    }

    /** {@code DELETE /api/map/session}: forgets the cookie; the token itself stays valid until it expires. */
    public static void signOut(RoutingContext ctx) {
        ctx.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setMaxAge(0));
        ctx.response().setStatusCode(204).end();
    }

    /** Who is signed in and what the pages may offer them (the server checks again on every request). */
    public static JsonObject toJson(Caller caller) {
        JsonArray permissions = new JsonArray();
        for (MapPermission permission : MapPermission.values()) {
            if (refusal(caller, permission).isEmpty()) {
                permissions.add(permission.name());
            }
        }
        return new JsonObject().put("subject", caller.subject())
                .put("roles", new JsonArray(caller.roles().stream().map(Role::claim).sorted().toList()))
                .put("machine", caller.machine() == null ? null : caller.machine().value())
                .put("permissions", permissions);
    }

    static void forbidden(RoutingContext ctx, String reason) {
        ctx.response().setStatusCode(403).putHeader("content-type", "application/json")
                .end(new JsonObject().put("status", 403).put("error", reason).encode());
    }
}
