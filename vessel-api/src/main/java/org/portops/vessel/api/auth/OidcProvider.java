package org.portops.vessel.api.auth;

/**
 * What an OIDC provider's discovery document says about it: the keys for verifying its tokens, and where a browser
 * signs in ({@code authorization_endpoint}) and where the code it comes back with is exchanged for tokens
 * ({@code token_endpoint}). The two endpoints are null when the document does not name them (a provider used for
 * token verification only).
 */
public record OidcProvider(String issuer, String jwksUri, String authorizationEndpoint, String tokenEndpoint) {

    /** Whether a browser can sign in through this provider (the authorization-code flow). */
    public boolean offersSignIn() {
        return authorizationEndpoint != null && tokenEndpoint != null;
    }
}
