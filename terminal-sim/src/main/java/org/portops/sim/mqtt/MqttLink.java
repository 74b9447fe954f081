package org.portops.sim.mqtt;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.telemetry.ConnectionMessage;
import org.portops.model.telemetry.ConnectionState;
import org.portops.model.telemetry.TelemetryCodec;
import org.portops.model.telemetry.TelemetryTopic;
import org.portops.model.telemetry.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT connection carrying the messages of one or more machines. Its last will is CONNECTIONBROKEN,
 * retained, on the {@code connection} topic of {@code owner}: the machine itself when the connection is dedicated
 * to it, else a gateway id. QoS 1 messages the client cannot take yet (in-flight window full) wait in a backlog and
 * go first on the next publish; QoS 0 readings are dropped and counted instead.
 */
final class MqttLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);
    private static final long TIMEOUT_MILLIS = 10_000;
    private static final int RECONNECT_MAX_DELAY_MILLIS = 2_000;

    private final MqttAsyncClient client;
    private final EquipmentId owner;
    private final String terminal;
    private final TelemetryCodec codec;
    private final Deque<Pending> backlog = new ArrayDeque<>();
    private final AtomicLong published;
    private final AtomicLong dropped;
    /** What this link subscribes to; subscribed again after an automatic reconnect (clean start forgets them). */
    private volatile String[] filters = new String[0];
    /** Null: Paho's default for the URL's scheme. */
    private final SocketFactory sockets;

    private record Pending(String topic, byte[] payload, int qos, boolean retained) {
    }

    MqttLink(String brokerUrl, String clientId, EquipmentId owner, String terminal, TelemetryCodec codec,
             AtomicLong published, AtomicLong dropped, SocketFactory sockets) throws MqttException {
        this.sockets = sockets;
        this.client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        this.owner = owner;
        this.terminal = terminal;
        this.codec = codec;
        this.published = published;
        this.dropped = dropped;
    }

    EquipmentId owner() {
        return owner;
    }

    MqttAsyncClient client() {
        return client;
    }

    void connect(Instant now) throws MqttException {
        startConnect(now).waitForCompletion(TIMEOUT_MILLIS);
    }

    /** Sends CONNECT with the will and returns at once; wait on the token for the CONNACK. */
    IMqttToken startConnect(Instant now) throws MqttException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        // Paho 1.2.5 shares one reconnect pause among all clients of the JVM and doubles it at every failed attempt
        // of any of them, up to this cap (default 128 s); with the ingest in the same JVM, both must cap it
        options.setMaxReconnectDelay(RECONNECT_MAX_DELAY_MILLIS);
        options.setKeepAliveInterval(30);
        if (sockets != null) {
            options.setSocketFactory(sockets);
        }
        Topic willTopic = Topic.of(terminal, owner, TelemetryTopic.CONNECTION);
        MqttMessage will = new MqttMessage(codec.encode(new ConnectionMessage(owner, 0, now,
                ConnectionState.CONNECTIONBROKEN)));
        will.setQos(1);
        will.setRetained(true);
        options.setWill(willTopic.toString(), will);
        return client.connect(options);
    }

    /** Waits for a connect {@link #startConnect started}. */
    static void awaitConnected(IMqttToken token) throws MqttException {
        token.waitForCompletion(TIMEOUT_MILLIS);
    }

    /** Subscribes at QoS 1 to {@code topicFilters}, messages going to {@code callback}; wait on the token. */
    IMqttToken subscribe(List<String> topicFilters, MqttCallback callback) throws MqttException {
        filters = topicFilters.toArray(String[]::new);
        client.setCallback(callback);
        return client.subscribe(filters, qos(filters.length));
    }

    /** Subscribes again after a reconnect; called from Paho's callback, so it does not wait. */
    void resubscribe() {
        if (filters.length == 0) {
            return;
        }
        try {
            client.subscribe(filters, qos(filters.length));
        } catch (MqttException e) {
            LOG.warn("{} could not subscribe again to {}: {}", owner, List.of(filters), e.getMessage());
        }
    }

    private static int[] qos(int count) {
        int[] levels = new int[count];
        Arrays.fill(levels, 1);
        return levels;
    }

    synchronized void publish(String topic, byte[] payload, int qos, boolean retained) {
        flushBacklog();
        if (!backlog.isEmpty() && qos > 0) {
            backlog.addLast(new Pending(topic, payload, qos, retained));
            return;
        }
        if (!send(new Pending(topic, payload, qos, retained)) && qos > 0) {
            backlog.addLast(new Pending(topic, payload, qos, retained));
        }
    }

    synchronized void flushBacklog() {
        while (!backlog.isEmpty() && send(backlog.peekFirst())) {
            backlog.pollFirst();
        }
    }

    synchronized int backlog() {
        return backlog.size();
    }

    private boolean send(Pending message) {
        try {
            client.publish(message.topic(), message.payload(), message.qos(), message.retained());
            published.incrementAndGet();
            return true;
        } catch (MqttException e) {
            if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT
                    && e.getReasonCode() != MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED) {
                LOG.warn("publish on {} failed: {}", message.topic(), e.getMessage());
            }
            if (message.qos() == 0) {
                dropped.incrementAndGet();
            }
            return false;
        }
    }

    /** Publishes the owner's OFFLINE (for a gateway) and disconnects cleanly, so the will is not sent. */
    void disconnect(Instant now, boolean gateway) {
        try {
            drain();
            if (gateway && client.isConnected()) {
                publish(Topic.of(terminal, owner, TelemetryTopic.CONNECTION).toString(),
                        codec.encode(new ConnectionMessage(owner, 1, now, ConnectionState.OFFLINE)), 1, true);
                drain();
            }
            if (client.isConnected()) {
                client.disconnect(TIMEOUT_MILLIS).waitForCompletion(TIMEOUT_MILLIS);
            }
        } catch (MqttException e) {
            LOG.warn("disconnect of {} failed: {}", owner, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits (bounded) until the QoS 1 backlog and the client's in-flight window are empty. */
    private void drain() throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000;
        while ((backlog() > 0 || client.getPendingTokens().length > 0) && System.nanoTime() < deadline) {
            flushBacklog();
            Thread.sleep(20);
        }
    }

    /** Drops the connection without DISCONNECT, as a crash would: the broker publishes the will. */
    void breakConnection() throws MqttException {
        client.disconnectForcibly(0, 100, false);
    }

    @Override
    public void close() {
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("close of {}: {}", owner, e.getMessage());
        }
    }
}
