package org.portops.vessel.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";
    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    private static final byte[] BODY = "[{\"metadata\":{}}]".getBytes(StandardCharsets.UTF_8);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static WebhookSignature.Verdict verify(String secret, String id, long seconds, String signature,
                                                   byte[] body) {
        return WebhookSignature.verify(secret, id, String.valueOf(seconds), signature, body, NOW, TOLERANCE);
    }

    @Test
    void aGenuineDeliveryIsAcceptedAndKnownVectorHolds() {
        long seconds = NOW.getEpochSecond();
        String signature = WebhookSignature.sign(SECRET, "d-1", seconds, BODY);
        assertThat(signature).startsWith("sha256=").hasSize(7 + 64);
        assertThat(verify(SECRET, "d-1", seconds, signature, BODY)).isInstanceOf(WebhookSignature.Verdict.Genuine.class);
        assertThat(verify(SECRET, "d-1", seconds + 299, signature, BODY))
                .as("the timestamp is signed too").isInstanceOf(WebhookSignature.Verdict.Refused.class);
    }

    @Test
    void tamperingWrongSecretsStaleTimestampsAndOtherIdsAreRefused() {
        long seconds = NOW.getEpochSecond();
        String signature = WebhookSignature.sign(SECRET, "d-1", seconds, BODY);
        byte[] tampered = "[{\"metadata\":{\"x\":1}}]".getBytes(StandardCharsets.UTF_8);

        assertThat(reason(verify(SECRET, "d-1", seconds, signature, tampered))).contains("does not match");
        assertThat(reason(verify(SECRET + "x", "d-1", seconds, signature, BODY))).contains("does not match");
        assertThat(reason(verify(SECRET, "d-2", seconds, signature, BODY))).contains("does not match");
        long stale = seconds - 301;
        assertThat(reason(verify(SECRET, "d-1", stale, WebhookSignature.sign(SECRET, "d-1", stale, BODY), BODY)))
                .contains("stale or replayed");
        assertThat(reason(verify(SECRET, "d-1", seconds, "md5=00", BODY))).contains("missing");
        assertThat(reason(WebhookSignature.verify(SECRET, "d-1", "yesterday", signature, BODY, NOW, TOLERANCE)))
                .contains("not unix seconds");
    }

    private static String reason(WebhookSignature.Verdict verdict) {
        return ((WebhookSignature.Verdict.Refused) verdict).reason();
    }
}
