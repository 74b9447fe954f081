package org.portops.vessel.api.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

/**
 * Reads an OIDC provider's discovery document ({@code issuer + /.well-known/openid-configuration}, OpenID Connect
 * Discovery 1.0) for its JWKS URL and its sign-in endpoints. The document must name the issuer it was read from, character for character: a
 * document naming another issuer is someone else's (or a misconfiguration), and tokens of that issuer would then
 * never verify anyway.
 */
final class OidcDiscovery {

    static final String WELL_KNOWN = "/.well-known/openid-configuration";
    private static final long TIMEOUT_MILLIS = 10_000;

    private OidcDiscovery() {
    }

    /** The provider as its document describes it; fails naming the URL and what is wrong with the document. */
    static Future<OidcProvider> read(Vertx vertx, String issuer) {
        String url = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + WELL_KNOWN;
        WebClient client = WebClient.create(vertx);
        return client.getAbs(url).timeout(TIMEOUT_MILLIS).send().eventually(() -> {
            client.close();
            return Future.succeededFuture();
        }).compose(response -> {
            if (response.statusCode() != 200) {
                return Future.failedFuture(problem(url, "answered HTTP " + response.statusCode()));
            }
            JsonObject document;
            try {
                document = response.bodyAsJsonObject();
            } catch (DecodeException | ClassCastException e) {
                return Future.failedFuture(problem(url, "is not a JSON object"));
            }
            if (document == null) {
                return Future.failedFuture(problem(url, "is empty"));
            }
            Object named = document.getValue("issuer");
            if (!issuer.equals(named)) {
                return Future.failedFuture(problem(url, "names the issuer " + named + ", not " + issuer));
            }
            Object jwks = document.getValue("jwks_uri");
            if (!(jwks instanceof String uri) || uri.isBlank()) {
                return Future.failedFuture(problem(url, "has no jwks_uri"));
            }
            if (!secure(uri)) {
                return Future.failedFuture(problem(url, "names a jwks_uri that is not https: " + uri));
            }
            String authorization = endpoint(document, "authorization_endpoint");
            String token = endpoint(document, "token_endpoint");
            for (String endpoint : new String[] {authorization, token}) {
                if (endpoint != null && !secure(endpoint)) {
                    return Future.failedFuture(problem(url, "names an endpoint that is not https: " + endpoint));
                }
            }
            return Future.succeededFuture(new OidcProvider(issuer, uri, authorization, token));
        }, failure -> Future.failedFuture(new IllegalStateException("OIDC discovery document " + url
                + " could not be read: " + failure.getMessage(), failure)));
    }

    private static String endpoint(JsonObject document, String name) {
        return document.getValue(name) instanceof String value && !value.isBlank() ? value : null;
    }

    /** Codes and tokens travel through these URLs: https, or plain http on loopback only (tests, a local proxy). */
    private static boolean secure(String uri) {
        return uri.startsWith("https://") || uri.startsWith("http://127.0.0.1") || uri.startsWith("http://localhost");
    }

    private static IllegalStateException problem(String url, String what) {
        return new IllegalStateException("OIDC discovery document " + url + " " + what);
    }
}
