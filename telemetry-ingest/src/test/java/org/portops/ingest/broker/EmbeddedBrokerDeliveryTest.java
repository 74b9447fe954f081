package org.portops.ingest.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded HiveMQ's delivery settings reach the broker's own JVM. Observed through QoS 1 on shared subscriptions, as
 * the ingest's events client meets them after a restart: a persistent session comes back to a queue of messages, and
 * HiveMQ hands it one poll of them, polling again only once all of those are acknowledged; so a subscriber that
 * acknowledges nothing receives exactly one poll.
 */
class EmbeddedBrokerDeliveryTest {

    private static final String TOPIC = "portops/v1/TEST/QC01/events";
    private static final int QUEUED = 400;

    @TempDir
    Path dir;

    @Test
    void theInflightWindowSizesEachPollYetNoSubscriberGetsMoreThanItsReceiveMaximum() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("mqtt"), 0, true,
                new EmbeddedBroker.Delivery(200, 50))) {
            for (String group : List.of("wide", "narrow")) {
                connect(broker, group, 65_535, new AtomicInteger()).disconnect();
            }
            publish(broker, QUEUED);
            AtomicInteger wideReceived = new AtomicInteger();
            AtomicInteger narrowReceived = new AtomicInteger();
            MqttClient wide = connect(broker, "wide", 65_535, wideReceived);
            MqttClient narrow = connect(broker, "narrow", 100, narrowReceived);
            try {
                awaitSettled(wideReceived);
                awaitSettled(narrowReceived);
                assertThat(wideReceived.get()).as("queued QoS 1 messages in one poll with the window at 200 (HiveMQ's "
                        + "own: 50)").isEqualTo(200);
                assertThat(narrowReceived.get()).as("queued QoS 1 messages in one poll at receive maximum 100")
                        .isEqualTo(100);
            } finally {
                close(wide);
                close(narrow);
            }
        }
    }

    @Test
    void aWindowOrBatchOutsideWhatMqttAllowsIsRefused() {
        assertThatThrownBy(() -> new EmbeddedBroker.Delivery(0, 50)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("in-flight window must be 1..65535 messages, was 0");
        assertThatThrownBy(() -> new EmbeddedBroker.Delivery(50, 70_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("poll batch must be 1..65535 messages, was 70000");
    }

    /**
     * The persistent session of a QoS 1 subscriber of its own share group, which counts what it receives and
     * acknowledges nothing. A callback, not a listener per subscription: Paho matches those against the message's
     * topic, which a {@code $share/} filter never matches.
     */
    private static MqttClient connect(EmbeddedBroker broker, String group, int receiveMaximum,
                                      AtomicInteger received) throws Exception {
        MqttClient client = new MqttClient(broker.url(), "delivery-" + group, new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.incrementAndGet();
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(300L);
        options.setReceiveMaximum(receiveMaximum);
        client.connect(options);
        client.subscribe("$share/" + group + "/" + TOPIC, 1);
        return client;
    }

    private static void publish(EmbeddedBroker broker, int count) throws Exception {
        MqttClient publisher = new MqttClient(broker.url(), "delivery-publisher", new MemoryPersistence());
        publisher.connect(new MqttConnectionOptions());
        try {
            for (int i = 0; i < count; i++) {
                byte[] payload = ("event " + i).getBytes(StandardCharsets.UTF_8);
                // the client may see the acknowledgement before it frees the in-flight slot: a fast publisher is
                // told to wait (REASON_CODE_MAX_INFLIGHT), and waits
                while (true) {
                    try {
                        publisher.publish(TOPIC, payload, 1, false);
                        break;
                    } catch (MqttException e) {
                        if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                            throw e;
                        }
                        Thread.sleep(2);
                    }
                }
            }
        } finally {
            close(publisher);
        }
    }

    /** Waits until nothing more arrives for a second (a poll's messages come within milliseconds of each other). */
    private static void awaitSettled(AtomicInteger received) throws InterruptedException {
        int last = -1;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            int now = received.get();
            if (now == last && now > 0) {
                return;
            }
            last = now;
            Thread.sleep(1_000);
        }
    }

    private static void close(MqttClient client) throws Exception {
        client.disconnect(0);
        client.close();
    }
}
