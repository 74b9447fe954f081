package org.portops.ingest;

import java.time.Instant;

/**
 * One MQTT message as handed over by the Paho callback: the topic, the raw payload, when it arrived (the ingest's
 * clock), whether the broker marked it as a redelivery, and how to acknowledge it once its effect is durable.
 */
public record Inbound(String topic, byte[] payload, Instant receivedAt, int qos, boolean redelivery,
                      Acknowledgement acknowledgement) {

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
