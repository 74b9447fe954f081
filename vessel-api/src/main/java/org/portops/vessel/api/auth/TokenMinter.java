package org.portops.vessel.api.auth;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints HS256 tokens with PortOps's own secret: the development tokens of the embedded default
 * ({@code portops token}) and tests. Needs no running Vert.x, so the command line can use it.
 */
public final class TokenMinter {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = BASE64URL.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final AuthSettings settings;
    private final Clock clock;

    public TokenMinter(AuthSettings settings, Clock clock) {
        if (settings.hmacSecret() == null) {
            String provider = settings.jwksUrl() != null ? settings.jwksUrl() : settings.issuer();
            throw new IllegalArgumentException("tokens come from the OIDC provider at " + provider
                    + "; PortOps mints only with its HMAC secret");
        }
        this.settings = settings;
        this.clock = clock;
    }

    /** A token for {@code caller}, valid from now for {@code lifetime} (at least 1 s). */
    public String mint(Caller caller, Duration lifetime) {
        if (lifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("a token lives at least 1 s, asked " + lifetime);
        }
        long now = clock.instant().getEpochSecond();
        JsonObject claims = caller.toClaims()
                .put("iss", settings.issuer())
                .put("aud", settings.audience())
                .put("iat", now)
                .put("exp", now + lifetime.toSeconds());
        String signed = HEADER + "." + BASE64URL.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
        return signed + "." + BASE64URL.encodeToString(hmac(signed));
    }

    private byte[] hmac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.hmacSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
