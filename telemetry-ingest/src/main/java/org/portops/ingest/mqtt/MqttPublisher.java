package org.portops.ingest.mqtt;

import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.DisconnectedBufferOptions;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Paho client that sends orders down to machines. While the broker is unreachable, messages wait in Paho's
 * in-memory buffer (bounded) and go out on reconnect. {@link #connect}, {@link #publish} and {@link #close} may
 * block: call them on a worker thread.
 */
public final class MqttPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(MqttPublisher.class);
    private static final long TIMEOUT_MILLIS = 10_000;
    private static final int BUFFER = 10_000;

    private final MqttAsyncClient client;
    private final SocketFactory sockets;

    public MqttPublisher(String brokerUrl, String clientId) throws MqttException {
        this(brokerUrl, clientId, new BufferedSockets());
    }

    /** @param sockets {@link BufferedSockets} for {@code tcp://}, an {@code SSLSocketFactory} for {@code ssl://} */
    public MqttPublisher(String brokerUrl, String clientId, SocketFactory sockets) throws MqttException {
        this.sockets = sockets;
        this.client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
        buffer.setBufferEnabled(true);
        buffer.setBufferSize(BUFFER);
        buffer.setPersistBuffer(false);
        client.setBufferOpts(buffer);
    }

    public void connect() throws MqttException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(MqttSubscriber.RECONNECT_MAX_DELAY_MILLIS);
        options.setConnectionTimeout(MqttSubscriber.CONNECT_TIMEOUT_SECONDS);
        options.setSocketFactory(sockets);
        client.connect(options).waitForCompletion(TIMEOUT_MILLIS);
    }

    public void publish(String topic, byte[] payload, int qos) throws MqttException {
        client.publish(topic, payload, qos, false);
    }

    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(TIMEOUT_MILLIS).waitForCompletion(TIMEOUT_MILLIS);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("close of {}: {}", client.getClientId(), e.getMessage());
        }
    }
}
