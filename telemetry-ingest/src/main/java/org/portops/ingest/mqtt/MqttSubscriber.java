package org.portops.ingest.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.portops.ingest.Inbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Paho MQTT 5 client with one subscription filter (Paho matches every message against every filter of a
 * client, so one filter per client keeps that cheap), reading through {@link BufferedSockets}. Client state lives in memory: readings need none, and for
 * QoS 1 events the broker keeps the session ({@code cleanStart=false}, a session expiry), so a restarted ingest
 * with the same client id gets every event it had not acknowledged. With {@code manualAcks} a message is
 * acknowledged only when the ingest calls its {@link Inbound#acknowledge()}, after its effect is durable. Paho's
 * callback thread only hands each message to {@code sink} and returns, and never lets an exception escape.
 * {@link #connect} and {@link #close} block: call them on a worker thread.
 *
 * <p>A shared filter is subscribed twice, the second time once the first SUBACK is in, at every connect. HiveMQ CE
 * (2025.5, {@code PublishPollServiceImpl.pollMessages}) looks up a client's shared subscriptions on the connection's
 * event loop right after CONNACK and, finding none, marks the client as having none; a SUBSCRIBE stored meanwhile by
 * its persistence thread clears that mark, and the look-up can set it again just after, so the client stays marked
 * while it has a shared subscription. Its shared queue is then polled only when a message arrives, and the last
 * message of a burst waits for the next one (seen once after an ingest restart in {@code IngestOverHiveMqTest}).
 * The look-up holds the event loop that also writes the SUBACK, so a SUBSCRIBE sent after the SUBACK is stored after
 * the look-up has ended, and storing it clears the mark.
 *
 * <p>That is not the only way in: after its JVM was killed and restarted, HiveMQ CE left a resumed shared subscriber
 * with nothing delivered while its shared queue filled, connected and subscribed twice, for as long as it stayed
 * connected (reproduced in 7 of 12 kill-and-restart rounds on a loaded machine; once in CI, where 30 acknowledged
 * events waited more than 60 s). Every SUBSCRIBE makes HiveMQ clear the mark and poll the shared queue for the
 * client ({@code ClientSessionSubscriptionPersistenceImpl.invalidateSharedSubscriptionCacheAndPoll}), and one SUBSCRIBE
 * released every stalled round. So a shared filter is subscribed again whenever its client has heard nothing for
 * {@link #SILENT_RESUBSCRIBE_AFTER}: a stall lasts seconds, and a client that is being fed never sends one.
 */
public final class MqttSubscriber implements MqttCallback {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSubscriber.class);
    private static final long TIMEOUT_MILLIS = 10_000;
    /**
     * The longest pause between automatic reconnect attempts. Paho MQTT v5 1.2.5 ignores
     * {@code setAutomaticReconnectDelay}: its pause is one static field shared by every client of the JVM, doubled
     * at each failed attempt of any of them up to {@code maxReconnectDelay} (default 128 s). With the ingest's five
     * clients failing at once while a broker restarts, the pause reached two minutes within seconds, so the ingest
     * (and every machine in the same JVM) came back long after the broker: a broker-restart test saw no PUBACK
     * within 90 s. With every client of the JVM capped (the simulator's machines are too), each tries again within
     * 2 s; one client without the cap can still double the shared pause up to its own maximum.
     */
    public static final int RECONNECT_MAX_DELAY_MILLIS = 2_000;
    /** How long Paho waits for a CONNACK (its own default: 30 s); a loaded broker may take seconds to answer. */
    static final int CONNECT_TIMEOUT_SECONDS = 10;
    /**
     * How long a connected shared subscriber may hear nothing before it subscribes again (see the class). Wall time:
     * this watches the broker, not the terminal, whose clock may run fast in a demo.
     */
    public static final Duration SILENT_RESUBSCRIBE_AFTER = Duration.ofSeconds(3);
    /** One daemon thread for every subscriber's silence check: each check only reads a time and may send a SUBSCRIBE. */
    private static final ScheduledExecutorService SILENCE_CHECKS = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "mqtt-silence-check");
        thread.setDaemon(true);
        return thread;
    });
    /** Retained messages are not wanted: they are old state, not news (and shared subscriptions never get them). */
    private static final int NO_RETAINED = 2;

    /** How the client keeps its session. */
    public record Session(boolean persistent, Duration expiry, int receiveMaximum) {

        /** A clean session, gone when the client disconnects: for readings. */
        public static Session clean() {
            return new Session(false, Duration.ZERO, 65_535);
        }

        /** A session the broker keeps for {@code expiry}, acknowledged by hand: for events. */
        public static Session persistent(Duration expiry, int receiveMaximum) {
            return new Session(true, expiry, receiveMaximum);
        }
    }

    private final MqttAsyncClient client;
    private final String filter;
    private final int qos;
    private final Session session;
    private final Clock clock;
    private final Consumer<Inbound> sink;
    private final SocketFactory sockets;
    /** {@link System#nanoTime()} of the last message or SUBSCRIBE; written on Paho's threads and the check's. */
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile ScheduledFuture<?> silenceCheck;

    public MqttSubscriber(String brokerUrl, String clientId, String filter, int qos, Session session, Clock clock,
                          Consumer<Inbound> sink) throws MqttException {
        this(brokerUrl, clientId, filter, qos, session, clock, sink, new BufferedSockets());
    }

    /** @param sockets {@link BufferedSockets} for {@code tcp://}, an {@code SSLSocketFactory} for {@code ssl://} */
    public MqttSubscriber(String brokerUrl, String clientId, String filter, int qos, Session session, Clock clock,
                          Consumer<Inbound> sink, SocketFactory sockets) throws MqttException {
        this.sockets = sockets;
        this.client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        this.filter = filter;
        this.qos = qos;
        this.session = session;
        this.clock = clock;
        this.sink = sink;
        client.setCallback(this);
        client.setManualAcks(session.persistent());
    }

    public String filter() {
        return filter;
    }

    /** Connects and subscribes; blocks until both are confirmed. */
    public void connect() throws MqttException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(!session.persistent());
        if (session.persistent()) {
            options.setSessionExpiryInterval(session.expiry().toSeconds());
        }
        options.setReceiveMaximum(session.receiveMaximum());
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(RECONNECT_MAX_DELAY_MILLIS);
        options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        options.setKeepAliveInterval(30);
        options.setSocketFactory(sockets);
        client.connect(options).waitForCompletion(TIMEOUT_MILLIS);
        subscribe(null).waitForCompletion(TIMEOUT_MILLIS);
        if (shared()) {
            subscribe(null).waitForCompletion(TIMEOUT_MILLIS);
            lastHeardNanos = System.nanoTime();
            long every = SILENT_RESUBSCRIBE_AFTER.toMillis() / 3;
            silenceCheck = SILENCE_CHECKS.scheduleWithFixedDelay(this::subscribeAgainIfSilent, every, every,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** On the silence-check thread: a shared filter whose client heard nothing for a while is subscribed again. */
    private void subscribeAgainIfSilent() {
        long now = System.nanoTime();
        if (!client.isConnected() || now - lastHeardNanos < SILENT_RESUBSCRIBE_AFTER.toNanos()) {
            return;
        }
        lastHeardNanos = now;
        try {
            subscribe(null);
            LOG.debug("MQTT client {} heard nothing for {}: subscribed again to {}", client.getClientId(),
                    SILENT_RESUBSCRIBE_AFTER, filter);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("MQTT client {} could not subscribe again to {} after a silence: {}", client.getClientId(),
                    filter, e.getMessage());
        }
    }

    private boolean shared() {
        return filter.startsWith("$share/");
    }

    /** @param then called once the broker acknowledged the subscription; null: nothing */
    private IMqttToken subscribe(MqttActionListener then) throws MqttException {
        MqttSubscription subscription = new MqttSubscription(filter, qos);
        subscription.setRetainHandling(NO_RETAINED);
        // The array form: Paho 1.2.5's single-subscription overloads with a listener recurse into a stack overflow.
        return client.subscribe(new MqttSubscription[] {subscription}, null, then, new MqttProperties());
    }

    /** After a reconnect, on Paho's thread: subscribes without waiting, a shared filter twice (see the class). */
    private void subscribeAgain() {
        MqttActionListener thenOnceMore = !shared() ? null : new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                try {
                    subscribe(null);
                } catch (MqttException | RuntimeException e) {
                    LOG.warn("MQTT client {} could not subscribe once more to {}: {}", client.getClientId(), filter,
                            e.getMessage());
                }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable failure) {
                LOG.warn("MQTT client {} could not subscribe again to {}: {}", client.getClientId(), filter,
                        failure == null ? "no reason given" : failure.getMessage());
            }
        };
        try {
            subscribe(thenOnceMore);
        } catch (MqttException | RuntimeException e) {
            LOG.warn("MQTT client {} could not subscribe again to {}: {}", client.getClientId(), filter,
                    e.getMessage());
        }
    }

    /** Disconnects (acknowledgements not yet sent stay pending in the broker's session) and releases the client. */
    public void close() {
        ScheduledFuture<?> check = silenceCheck;
        if (check != null) {
            check.cancel(false);
        }
        try {
            if (client.isConnected()) {
                client.disconnect(TIMEOUT_MILLIS).waitForCompletion(TIMEOUT_MILLIS);
            }
        } catch (MqttException e) {
            LOG.debug("disconnect of {}: {}", client.getClientId(), e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("close of {}: {}", client.getClientId(), e.getMessage());
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        lastHeardNanos = System.nanoTime();
        try {
            int id = message.getId();
            int messageQos = message.getQos();
            Inbound.Acknowledgement ack = session.persistent() && messageQos > 0 ? () -> acknowledge(id, messageQos)
                    : Inbound.Acknowledgement.AUTOMATIC;
            sink.accept(new Inbound(topic, message.getPayload(), clock.instant(), messageQos, message.isDuplicate(),
                    ack, senderCertificate(message)));
        } catch (Throwable e) {
            LOG.error("message on {} dropped in the MQTT callback", topic, e);
        }
    }

    private static String senderCertificate(MqttMessage message) {
        MqttProperties properties = message.getProperties();
        if (properties == null) {
            return null;
        }
        for (UserProperty property : properties.getUserProperties()) {
            if (Inbound.CERTIFICATE_PROPERTY.equals(property.getKey())) {
                return property.getValue();
            }
        }
        return null;
    }

    private void acknowledge(int id, int messageQos) {
        try {
            client.messageArrivedComplete(id, messageQos);
        } catch (MqttException | RuntimeException e) {
            // The broker redelivers what was not acknowledged when the session resumes.
            LOG.debug("acknowledgement of message {} on {} not sent: {}", id, filter, e.getMessage());
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        LOG.warn("MQTT client {} disconnected: {}", client.getClientId(), response.getReasonString());
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.warn("MQTT client {}: {}", client.getClientId(), exception.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // This client only subscribes.
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        if (reconnect) {
            LOG.info("MQTT client {} connected again to {}", client.getClientId(), serverURI);
            subscribeAgain();
        }
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // No enhanced authentication in use.
    }
}
