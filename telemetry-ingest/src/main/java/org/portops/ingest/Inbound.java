package org.portops.ingest;

import java.time.Instant;

/**
 * One MQTT message as handed over by the Paho callback: the topic, the raw payload, when it arrived (the ingest's
 * clock), whether the broker marked it as a redelivery, how to acknowledge it once its effect is durable, and the
 * common name of the client certificate it was published through ({@code null} when the broker did not say: no TLS,
 * no client certificate, or a broker that does not stamp it).
 */
public record Inbound(String topic, byte[] payload, Instant receivedAt, int qos, boolean redelivery,
                      Acknowledgement acknowledgement, String senderCertificate) {

    /**
     * The MQTT 5 user property in which the embedded broker tells subscribers the common name of the publisher's
     * client certificate; the broker removes one sent by a client, so it cannot be forged.
     */
    public static final String CERTIFICATE_PROPERTY = "portops-client-cert";

    /** A message whose sender's certificate is not known. */
    public Inbound(String topic, byte[] payload, Instant receivedAt, int qos, boolean redelivery,
                   Acknowledgement acknowledgement) {
        this(topic, payload, receivedAt, qos, redelivery, acknowledgement, null);
    }

    /** Sends the MQTT acknowledgement of a manually acknowledged QoS 1 message. */
    @FunctionalInterface
    public interface Acknowledgement {

        /** For messages acknowledged by the client itself (QoS 0, or a session without manual acks). */
        Acknowledgement AUTOMATIC = () -> { };

        void acknowledge();
    }

    public void acknowledge() {
        acknowledgement.acknowledge();
    }
}
