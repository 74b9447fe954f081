package org.portops.app;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.portops.ingest.mqtt.MqttSubscriber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.telemetry.EquipmentEvent;
import org.portops.model.telemetry.EventMessage;
import org.portops.model.telemetry.TelemetryCodec;
import org.portops.model.telemetry.TelemetryTopic;
import org.portops.model.telemetry.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A machine that publishes QoS 1 fault events with growing sequence numbers, the way a machine's controller should
 * talk to a broker that may restart: a session the broker keeps ({@code cleanStart=false}, so Paho resends what is in
 * flight after a reconnect instead of forgetting it) and a reconnect pause of at most 2 s. An event counts as
 * acknowledged once its PUBACK has come: that, and only that, is what the machine may forget.
 */
final class QosMachine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QosMachine.class);
    private static final TelemetryCodec CODEC = new TelemetryCodec();

    private final MqttAsyncClient client;
    private final EquipmentId machine;
    private final String topic;
    private final Map<Long, IMqttToken> sent = new ConcurrentHashMap<>();
    private long nextSequence = 1;

    QosMachine(String brokerUrl, String terminal, String machine) throws MqttException {
        this.machine = new EquipmentId(machine);
        this.topic = Topic.of(terminal, this.machine, TelemetryTopic.EVENTS).toString();
        this.client = new MqttAsyncClient(brokerUrl, "fault-test-" + machine + "-" + ProcessHandle.current().pid(),
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(600L);
        options.setAutomaticReconnect(true);
        // Paho 1.2.5 ignores setAutomaticReconnectDelay: this caps its pause, shared by every client of the JVM
        options.setMaxReconnectDelay(MqttSubscriber.RECONNECT_MAX_DELAY_MILLIS);
        options.setConnectionTimeout(10);
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                LOG.info("machine {} disconnected: {}", machine, response.getException());
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
                LOG.info("machine {}: {}", machine, exception.toString());
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                LOG.info("machine {} connected (again: {}) to {}", machine, reconnect, serverUri);
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        client.connect(options).waitForCompletion(10_000);
    }

    /**
     * Publishes the next event; while the client is not connected or its in-flight window is full, waits and tries
     * again (a machine keeps what it has not handed over), up to 60 s.
     */
    long publishNext() throws MqttException, InterruptedException {
        long sequence = nextSequence++;
        byte[] payload = CODEC.encode(new EventMessage(machine, sequence, Instant.now(),
                new EquipmentEvent.FaultRaised("F" + sequence, "fault test event " + sequence)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                sent.put(sequence, client.publish(topic, payload, 1, false));
                return sequence;
            } catch (MqttException e) {
                boolean waitable = e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT
                        || e.getReasonCode() == MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED
                        || e.getReasonCode() == MqttClientException.REASON_CODE_CONNECT_IN_PROGRESS;
                if (!waitable || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    /** Publishes {@code count} events, {@code gapMillis} apart. */
    void publish(int count, long gapMillis) throws MqttException, InterruptedException {
        for (int i = 0; i < count; i++) {
            publishNext();
            Thread.sleep(gapMillis);
        }
    }

    /** The sequence numbers whose PUBACK came. */
    Set<Long> acknowledged() {
        Set<Long> done = new TreeSet<>();
        sent.forEach((sequence, token) -> {
            if (token.isComplete() && token.getException() == null) {
                done.add(sequence);
            }
        });
        return done;
    }

    boolean acknowledged(long sequence) {
        IMqttToken token = sent.get(sequence);
        return token != null && token.isComplete() && token.getException() == null;
    }

    String machineId() {
        return machine.value();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect(5_000).waitForCompletion(5_000);
        }
        client.close(true);
    }
}
