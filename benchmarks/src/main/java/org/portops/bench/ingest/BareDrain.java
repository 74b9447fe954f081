package org.portops.bench.ingest;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.portops.ingest.mqtt.BufferedSockets;
import org.portops.model.telemetry.TelemetryTopic;
import org.portops.model.telemetry.Topic;

/**
 * The reference consumer: one Paho MQTT 5 client subscribed the way the ingest subscribes to readings (a shared
 * subscription unless the run says otherwise, QoS 0, clean session, memory persistence, the same receive maximum,
 * the ingest's {@link BufferedSockets}) that only counts what arrives.
 * It listens on its own terminal code, so the ingest never sees its traffic and it never sees the ingest's.
 */
final class BareDrain implements MqttCallback, AutoCloseable {

    static final String TERMINAL = "BENCHBARE";

    private final MqttAsyncClient client;
    private final AtomicLong received = new AtomicLong();

    BareDrain(String brokerUrl, String clientId, boolean shared) throws MqttException {
        client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        client.setCallback(this);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setReceiveMaximum(65_535);
        options.setKeepAliveInterval(30);
        options.setSocketFactory(new BufferedSockets());
        client.connect(options).waitForCompletion(10_000);
        MqttSubscription subscription = new MqttSubscription(shared
                ? Topic.sharedFilter("bench-bare", TERMINAL, TelemetryTopic.STATE)
                : Topic.filter(TERMINAL, TelemetryTopic.STATE), 0);
        client.subscribe(new MqttSubscription[] {subscription}).waitForCompletion(10_000);
    }

    long received() {
        return received.get();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        received.incrementAndGet();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(5_000).waitForCompletion(5_000);
            }
            client.close(true);
        } catch (MqttException e) {
            // the broker may be gone already
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        System.err.println("[bench ingest] bare subscriber disconnected: " + response.getReasonString());
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        System.err.println("[bench ingest] bare subscriber: " + exception.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // subscribes only
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        // connects once; a reconnect would show as a drop in the drained rate
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }
}
