package org.portops.vessel.api.events;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook delivery is signed, and how a receiver checks it: HMAC-SHA256 with the subscription's secret over
 * {@code <delivery id>.<unix seconds>.<body>}, sent as {@code X-PortOps-Signature: sha256=<hex>} with
 * {@code X-PortOps-Delivery} and {@code X-PortOps-Timestamp}. A receiver recomputes it over the raw body, compares
 * in constant time, refuses a timestamp outside its tolerance and a delivery id it has already accepted.
 */
public final class WebhookSignature {

    public static final String DELIVERY_HEADER = "X-PortOps-Delivery";
    public static final String TIMESTAMP_HEADER = "X-PortOps-Timestamp";
    public static final String SIGNATURE_HEADER = "X-PortOps-Signature";
    private static final String PREFIX = "sha256=";

    /** Why a delivery was refused, or that it is genuine. */
    public sealed interface Verdict {
        record Genuine() implements Verdict {
        }

        record Refused(String reason) implements Verdict {
        }
    }

    private WebhookSignature() {
    }

    /** The {@code X-PortOps-Signature} value. */
    public static String sign(String secret, String deliveryId, long unixSeconds, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(secret, deliveryId, unixSeconds, body));
    }

    /** The receiver's check of signature and freshness (replays of an accepted id are the receiver's to track). */
    public static Verdict verify(String secret, String deliveryId, String timestamp, String signature, byte[] body,
                                 Instant now, Duration tolerance) {
        if (deliveryId == null || timestamp == null || signature == null || !signature.startsWith(PREFIX)) {
            return new Verdict.Refused("missing " + DELIVERY_HEADER + ", " + TIMESTAMP_HEADER + " or "
                    + SIGNATURE_HEADER + " (sha256=...)");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return new Verdict.Refused(TIMESTAMP_HEADER + " is not unix seconds: " + timestamp);
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return new Verdict.Refused("timestamp " + seconds + " is more than " + tolerance.toSeconds()
                    + " s from now (" + now.getEpochSecond() + "): stale or replayed");
        }
        byte[] expected = mac(secret, deliveryId, seconds, body);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return new Verdict.Refused("signature is not hex");
        }
        return MessageDigest.isEqual(expected, given) ? new Verdict.Genuine()
                : new Verdict.Refused("signature does not match the body, delivery id and timestamp");
    }

    private static byte[] mac(String secret, String deliveryId, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((deliveryId + "." + unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
