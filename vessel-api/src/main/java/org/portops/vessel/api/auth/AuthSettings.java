package org.portops.vessel.api.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Where token keys come from: a shared HMAC secret (HS256; the embedded default keeps a generated one in the data
 * directory), an OIDC provider's JWKS URL (RS256/ES256 keys, read at start), or the provider's discovery document
 * ({@code issuer + /.well-known/openid-configuration}, which names its JWKS URL and must name the same issuer).
 * Tokens must name {@link #issuer} and {@link #audience}; their roles are read as {@link #roleMapping} says.
 *
 * @param hmacSecret        HS256 secret, at least 32 bytes; null when the keys come from the provider
 * @param jwksUrl           an OIDC provider's JWKS URL; null when the secret is used or the URL is discovered
 * @param discovery         read the JWKS URL from the provider's discovery document at {@link #issuer}
 * @param requestsPerSecond each client's sustained request rate
 * @param burst             how many requests a client may make at once above that rate
 */
public record AuthSettings(String hmacSecret, String jwksUrl, boolean discovery, String issuer, String audience,
                           double requestsPerSecond, int burst, RoleMapping roleMapping) {

    public static final String DEFAULT_ISSUER = "portops";
    public static final String DEFAULT_AUDIENCE = "portops-api";
    private static final int MIN_SECRET_BYTES = 32;

    public AuthSettings {
        int sources = (hmacSecret != null ? 1 : 0) + (jwksUrl != null ? 1 : 0) + (discovery ? 1 : 0);
        if (sources != 1) {
            throw new IllegalArgumentException("auth: give one of an HMAC secret, a JWKS URL or an OIDC issuer to "
                    + "discover, was " + sources);
        }
        if (hmacSecret != null && hmacSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("auth: the HMAC secret must have at least " + MIN_SECRET_BYTES
                    + " bytes");
        }
        if (discovery && !(issuer.startsWith("https://") || issuer.startsWith("http://127.0.0.1")
                || issuer.startsWith("http://localhost"))) {
            throw new IllegalArgumentException("auth: an OIDC issuer to discover must be an https:// URL (plain "
                    + "http on loopback only), was " + issuer);
        }
        if (requestsPerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("auth: rate limit must be positive, was " + requestsPerSecond
                    + "/s, burst " + burst);
        }
        if (roleMapping == null) {
            throw new IllegalArgumentException("auth: a role mapping is required");
        }
    }

    /** An HMAC secret or a JWKS URL, PortOps role names in {@code roles}. */
    public AuthSettings(String hmacSecret, String jwksUrl, String issuer, String audience, double requestsPerSecond,
                        int burst) {
        this(hmacSecret, jwksUrl, false, issuer, audience, requestsPerSecond, burst, RoleMapping.PORTOPS);
    }

    /**
     * An OIDC provider found through its discovery document at {@code issuer}; its tokens must name
     * {@code audience} (the client id PortOps is registered with, for ID tokens) and carry their roles as
     * {@code roleMapping} says. Default rate limit.
     */
    public static AuthSettings oidc(String issuer, String audience, RoleMapping roleMapping) {
        return new AuthSettings(null, null, true, issuer, audience, 200, 400, roleMapping);
    }

    /** Settings with an HMAC secret and the default issuer, audience and rate limit (200/s, burst 400). */
    public static AuthSettings hmac(String secret) {
        return new AuthSettings(secret, null, DEFAULT_ISSUER, DEFAULT_AUDIENCE, 200, 400);
    }

    public AuthSettings withRateLimit(double perSecond, int burstSize) {
        return new AuthSettings(hmacSecret, jwksUrl, discovery, issuer, audience, perSecond, burstSize, roleMapping);
    }

    /**
     * From the environment: the keys from {@code PORTOPS_AUTH_OIDC_ISSUER} (the terminal's OIDC provider, found
     * through its discovery document), {@code PORTOPS_AUTH_JWKS_URL} or {@code PORTOPS_AUTH_HMAC_SECRET};
     * {@code PORTOPS_AUTH_ISSUER} (else the OIDC issuer, else {@value #DEFAULT_ISSUER}),
     * {@code PORTOPS_AUTH_AUDIENCE}, {@code PORTOPS_AUTH_ROLES_CLAIM} and {@code PORTOPS_AUTH_ROLE_MAP}
     * ({@link RoleMapping#parse}), {@code PORTOPS_API_RATE}, {@code PORTOPS_API_BURST}; without keys there, the
     * development secret in {@code dataDir/auth/}, created on first use, which {@code portops token} mints with.
     */
    public static AuthSettings resolve(Map<String, String> environment, Path dataDir) {
        String oidcIssuer = blankToNull(environment.get("PORTOPS_AUTH_OIDC_ISSUER"));
        String jwks = blankToNull(environment.get("PORTOPS_AUTH_JWKS_URL"));
        String secret = blankToNull(environment.get("PORTOPS_AUTH_HMAC_SECRET"));
        if (oidcIssuer == null && jwks == null && secret == null) {
            secret = developmentSecret(dataDir);
        }
        String issuer = blankToNull(environment.get("PORTOPS_AUTH_ISSUER"));
        RoleMapping roles = RoleMapping.parse(environment.getOrDefault("PORTOPS_AUTH_ROLES_CLAIM", "roles"),
                environment.get("PORTOPS_AUTH_ROLE_MAP"));
        return new AuthSettings(oidcIssuer == null && jwks == null ? secret : null, oidcIssuer == null ? jwks : null,
                oidcIssuer != null, issuer != null ? issuer : oidcIssuer != null ? oidcIssuer : DEFAULT_ISSUER,
                environment.getOrDefault("PORTOPS_AUTH_AUDIENCE", DEFAULT_AUDIENCE),
                Double.parseDouble(environment.getOrDefault("PORTOPS_API_RATE", "200")),
                Integer.parseInt(environment.getOrDefault("PORTOPS_API_BURST", "400")), roles);
    }

    /** The embedded default's secret, kept readable by its owner only. */
    public static String developmentSecret(Path dataDir) {
        Path file = dataDir.resolve("auth").resolve("dev-hmac.key");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[48];
            new SecureRandom().nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions keeps its defaults
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("development token key " + file + " cannot be read or made", e);
        }
    }

    /** How long a development token lives unless asked otherwise. */
    public static Duration defaultTokenLifetime() {
        return Duration.ofHours(12);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
