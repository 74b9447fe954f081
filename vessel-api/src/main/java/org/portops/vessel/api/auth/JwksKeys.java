package org.portops.vessel.api.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OIDC provider's signing keys, read from its JWKS URL and cached. A provider rotates keys by publishing a new one
 * and signing with it: a token whose {@code kid} the cache does not know makes the keys be read again, at most once
 * per {@code minRefetch} (so tokens with made-up kids cannot turn PortOps into a load generator against the
 * provider), and concurrent requests share one read. Keys older than {@code maxAge} are read again in the background
 * while the cached ones go on verifying, so a key the provider withdrew stops being accepted. A failed read keeps the
 * cached keys.
 */
final class JwksKeys {

    private static final Logger LOG = LoggerFactory.getLogger(JwksKeys.class);
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    /** The keys of one read: a verifier, the key ids it knows, when they were read. */
    private record KeySet(JWTAuth verifier, Set<String> kids, Instant readAt) {
    }

    private final Vertx vertx;
    private final WebClient client;
    private final String url;
    private final JWTOptions verification;
    private final Duration minRefetch;
    private final Duration maxAge;
    private final Clock clock;
    private final AtomicReference<KeySet> current = new AtomicReference<>();
    // several event loops verify tokens at once: the read under way and when the last began are guarded by this
    private Future<KeySet> reading;
    private Instant lastRead = Instant.MIN;

    private JwksKeys(Vertx vertx, String url, JWTOptions verification, Duration minRefetch, Duration maxAge,
                     Clock clock) {
        this.vertx = vertx;
        this.client = WebClient.create(vertx);
        this.url = url;
        this.verification = verification;
        this.minRefetch = minRefetch;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Ready once the keys are read the first time; fails when they cannot be. */
    static Future<JwksKeys> load(Vertx vertx, String url, JWTOptions verification, Duration minRefetch,
                                 Duration maxAge, Clock clock) {
        JwksKeys keys = new JwksKeys(vertx, url, verification, minRefetch, maxAge, clock);
        return keys.read().onFailure(failure -> keys.client.close()).map(read -> keys);
    }

    /** The verifier for {@code token}: the cached keys, read again first when they do not know its key id. */
    Future<JWTAuth> verifierFor(String token) {
        KeySet keys = current.get();
        String kid = kid(token);
        if (kid != null && !keys.kids().contains(kid)) {
            Future<KeySet> reread = readAgain();
            if (reread != null) {
                return reread.map(KeySet::verifier).otherwise(failure -> current.get().verifier());
            }
        } else if (!clock.instant().isBefore(keys.readAt().plus(maxAge))) {
            readAgain();
        }
        return Future.succeededFuture(keys.verifier());
    }

    /** The read under way, or a new one; null when the last read started less than {@code minRefetch} ago. */
    private synchronized Future<KeySet> readAgain() {
        if (reading != null) {
            return reading;
        }
        if (clock.instant().isBefore(lastRead.plus(minRefetch))) {
            return null;
        }
        return read();
    }

    private synchronized Future<KeySet> read() {
        lastRead = clock.instant();
        Future<KeySet> fresh = fetch();
        reading = fresh;
        fresh.onComplete(done -> {
            synchronized (this) {
                reading = null;
            }
            if (done.failed()) {
                LOG.warn("reading the JWKS of {} failed; the cached keys stay in use", url, done.cause());
            }
        });
        return fresh;
    }

    private Future<KeySet> fetch() {
        return client.getAbs(url).send().compose(response -> {
            if (response.statusCode() != 200) {
                return Future.failedFuture("JWKS " + url + " answered " + response.statusCode());
            }
            JsonArray keys = response.bodyAsJsonObject().getJsonArray("keys", new JsonArray());
            List<JsonObject> jwks = new ArrayList<>();
            Set<String> kids = new HashSet<>();
            keys.forEach(key -> {
                jwks.add((JsonObject) key);
                if (((JsonObject) key).getValue("kid") instanceof String kid) {
                    kids.add(kid);
                }
            });
            JWTAuth verifier = JWTAuth.create(vertx, new JWTAuthOptions().setJwks(jwks).setJWTOptions(verification));
            KeySet read = new KeySet(verifier, Set.copyOf(kids), clock.instant());
            current.set(read);
            return Future.succeededFuture(read);
        });
    }

    /** The {@code kid} of a token's header, null when it has none or the token is not a JWT. */
    static String kid(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            JsonObject header = new JsonObject(new String(BASE64URL.decode(token.substring(0, dot)),
                    StandardCharsets.UTF_8));
            return header.getValue("kid") instanceof String kid ? kid : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
