package org.portops.vessel.api.auth;

import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/** Tokens and keys as an OIDC provider makes them, for the tests that play one: RS256 JWTs and their JWKs. */
final class TestJwts {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private TestJwts() {
    }

    /** {@code claims} signed with {@code key} under the key id {@code kid}. */
    static String rs256(JsonObject claims, String kid, KeyPair key) throws GeneralSecurityException {
        String header = BASE64URL.encodeToString(new JsonObject().put("alg", "RS256").put("typ", "JWT")
                .put("kid", kid).encode().getBytes(StandardCharsets.UTF_8));
        String signed = header + "." + BASE64URL.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key.getPrivate());
        signature.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + BASE64URL.encodeToString(signature.sign());
    }

    /** The public half of {@code pair} as a JWK of a provider's key set. */
    static JsonObject jwk(String kid, KeyPair pair) {
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        return new JsonObject().put("kty", "RSA").put("kid", kid).put("use", "sig").put("alg", "RS256")
                .put("n", BASE64URL.encodeToString(unsigned(key.getModulus())))
                .put("e", BASE64URL.encodeToString(unsigned(key.getPublicExponent())));
    }

    /** The big-endian magnitude without the sign byte JWK does not want. */
    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
