package org.portops.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.portops.ingest.mqtt.BufferedSockets;
import org.portops.ingest.mqtt.MqttPublisher;
import org.portops.ingest.mqtt.MqttSubscriber;
import org.portops.ingest.order.OrderDispatcher;
import org.portops.ingest.tls.CertificateDirectory;
import org.portops.model.event.Addresses;
import org.portops.model.event.WorkInstructionChanged;
import org.portops.model.event.YardEvent;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.telemetry.TelemetryCodec;
import org.portops.model.telemetry.TelemetryTopic;
import org.portops.model.telemetry.Topic;
import org.portops.state.LiveYard;
import org.portops.state.json.YardEventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The telemetry ingest as a verticle: Paho clients (one filter each) on the terminal's {@code state},
 * {@code reefer} and {@code connection} topics (clean sessions) and its {@code events} (a persistent session, QoS 1,
 * acknowledged by hand once durable), as MQTT 5 shared subscriptions so several nodes split the load ({@code state}
 * over {@link IngestConfig#readingsConnections} clients of the group, so the broker hands readings over on several
 * connections at once: docs/telemetry.md); the
 * {@link TelemetryIngest} core on this verticle's context; timers for flushing, offline detection and history
 * partitions; and dispatched work instructions sent down to their machines.
 *
 * <p>Paho's callback threads only hand messages over: readings to a bounded queue (shed and counted when full),
 * events and connection changes to an unbounded one (bounded in practice by the events session's receive maximum:
 * the broker sends no more unacknowledged events than that), and the context drains both.
 */
public final class IngestVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(IngestVerticle.class);
    /** Unacknowledged events the broker may have in flight to this node. */
    private static final int EVENTS_RECEIVE_MAXIMUM = 1_000;
    /** Readings checked per turn of the context before other work gets a go. */
    private static final int DRAIN_CHUNK = 2_000;
    private static final Duration PARTITION_MAINTENANCE = Duration.ofHours(1);

    private final LiveYard yard;
    private final Pool pool;
    private final TerminalLayout layout;
    private final Clock clock;
    private final IngestConfig config;
    private final IngestMetrics metrics;
    private final TelemetryCodec codec = new TelemetryCodec();
    private final Queue<Inbound> readings;
    private final Queue<Inbound> urgent = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final List<MqttSubscriber> subscribers = new ArrayList<>();
    private final List<Long> timers = new ArrayList<>();
    private TelemetryIngest ingest;
    private MqttPublisher publisher;
    private MessageConsumer<JsonObject> instructions;
    private volatile boolean running;
    /** Tells this start's clean-session clients from the previous start's. */
    private final String startId = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36);

    private IngestVerticle(LiveYard yard, Pool pool, TerminalLayout layout, Clock clock, IngestConfig config,
                           MeterRegistry registry) {
        this.yard = yard;
        this.pool = pool;
        this.layout = layout;
        this.clock = clock;
        this.config = config;
        this.metrics = new IngestMetrics(registry);
        this.readings = new ArrayBlockingQueue<>(config.inboundQueueBound());
    }

    /**
     * An ingest for the live yard's terminal, counting in Micrometer's global registry. The schema must be migrated
     * ({@code Database.migrate}); deploy the verticle once per node, each node with its own client id prefix.
     */
    public static IngestVerticle create(LiveYard yard, Pool pool, TerminalLayout layout, Clock clock,
                                        IngestConfig config) {
        return create(yard, pool, layout, clock, config, Metrics.globalRegistry);
    }

    /** The same, counting in {@code registry}. */
    public static IngestVerticle create(LiveYard yard, Pool pool, TerminalLayout layout, Clock clock,
                                        IngestConfig config, MeterRegistry registry) {
        return new IngestVerticle(yard, pool, layout, clock, config, registry);
    }

    public IngestMetrics metrics() {
        return metrics;
    }

    @Override
    public Future<?> start() {
        ingest = new TelemetryIngest(vertx, yard, pool, layout, clock, config, metrics);
        running = true;
        return ingest.maintainPartitions()
                .compose(maintenance -> ingest.loadActiveAlerts())
                .compose(alerts -> vertx.executeBlocking(this::clients))
                .compose(this::connect)
                .onSuccess(v -> {
                    timers.add(vertx.setPeriodic(config.flushInterval().toMillis(), id -> ingest.flush()));
                    long offlineEvery = Math.max(100, Math.min(1_000, config.offlineTimeout().toMillis() / 4));
                    timers.add(vertx.setPeriodic(offlineEvery, id -> ingest.checkOffline()));
                    timers.add(vertx.setPeriodic(PARTITION_MAINTENANCE.toMillis(), id -> ingest.maintainPartitions()
                            .onFailure(e -> LOG.warn("telemetry partition maintenance failed: {}", e.toString()))));
                    instructions = vertx.eventBus().localConsumer(Addresses.INSTRUCTION_CHANGED,
                            message -> dispatch(message.body()));
                    LOG.info("telemetry ingest for {} subscribed to {} at {}", config.terminalCode(),
                            subscribers.stream().map(MqttSubscriber::filter).toList(), config.brokerUrl());
                });
    }

    /** The clients, not yet connected; the subscribers are kept in {@link #subscribers} for {@link #stop()}. */
    private List<Connecting> clients() throws MqttException {
        List<Connecting> clients = new ArrayList<>();
        for (int connection = 1; connection <= config.readingsSubscribers(); connection++) {
            clients.add(subscriber(TelemetryTopic.STATE, connection, MqttSubscriber.Session.clean(),
                    readings::offer)::connect);
        }
        clients.add(subscriber(TelemetryTopic.REEFER, MqttSubscriber.Session.clean(), readings::offer)::connect);
        clients.add(subscriber(TelemetryTopic.CONNECTION, MqttSubscriber.Session.clean(), urgent::add)::connect);
        clients.add(subscriber(TelemetryTopic.EVENTS, MqttSubscriber.Session.persistent(config.sessionExpiry(),
                EVENTS_RECEIVE_MAXIMUM), urgent::add)::connect);
        publisher = new MqttPublisher(config.brokerUrl(), config.clientIdPrefix() + "-orders", sockets());
        clients.add(publisher::connect);
        return clients;
    }

    /**
     * Connects the clients side by side, each on a worker of its own (unordered): every one of them waits on broker
     * round trips (CONNECT, SUBSCRIBE, for a shared filter a second SUBSCRIBE), one after another they made a start
     * wait for all those round trips in a row. A failure is reported once every client is done trying.
     */
    private Future<?> connect(List<Connecting> clients) {
        return Future.join(clients.stream().map(client -> vertx.executeBlocking(() -> {
            client.connect();
            return null;
        }, false)).toList());
    }

    private interface Connecting {
        void connect() throws MqttException;
    }

    /** Plain buffered TCP, or TLS with PortOps's own client certificate. */
    private SocketFactory sockets() throws MqttException {
        if (config.tls() == null) {
            return new BufferedSockets();
        }
        try {
            return config.tls().certificates().clientContext(CertificateDirectory.PORTOPS_CLIENT).getSocketFactory();
        } catch (IOException e) {
            throw new MqttException(e);
        }
    }

    private interface Queueing {
        boolean offer(Inbound in);
    }

    private MqttSubscriber subscriber(TelemetryTopic topic, MqttSubscriber.Session session, Queueing queue)
            throws MqttException {
        return subscriber(topic, 1, session, queue);
    }

    /** @param connection 1.. among the topic's connections (readings may come over several) */
    private MqttSubscriber subscriber(TelemetryTopic topic, int connection, MqttSubscriber.Session session,
                                      Queueing queue)
            throws MqttException {
        String filter = config.shared()
                ? Topic.sharedFilter(config.sharedGroup(), config.terminalCode(), topic)
                : Topic.filter(config.terminalCode(), topic);
        // A clean session has nothing to resume: each start takes a client id of its own, so the broker's clean-up
        // of the previous start's session (same filter, same shared group) can never race with this one's
        // subscription. The events session is resumed by its stable id.
        String clientId = config.clientIdPrefix() + "-" + topic.segment()
                + (session.persistent() ? "" : "-" + startId) + (connection == 1 ? "" : "-" + connection);
        MqttSubscriber subscriber = new MqttSubscriber(config.brokerUrl(), clientId, filter, topic.qos(), session,
                clock, in -> handOver(in, queue), sockets());
        subscribers.add(subscriber);
        return subscriber;
    }

    /** On Paho's callback thread: queue and return. */
    private void handOver(Inbound in, Queueing queue) {
        if (!running) {
            return;
        }
        if (!queue.offer(in)) {
            metrics.shedInbound();
            return;
        }
        if (drainScheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    private void drain() {
        drainScheduled.set(false);
        for (Inbound in = urgent.poll(); in != null; in = urgent.poll()) {
            accept(in);
        }
        boolean more = true;
        for (int i = 0; i < DRAIN_CHUNK && more; i++) {
            Inbound in = readings.poll();
            more = in != null;
            if (more) {
                accept(in);
            }
        }
        ingest.flushLiveState();
        if (more && drainScheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    private void accept(Inbound in) {
        try {
            ingest.accept(in);
        } catch (RuntimeException e) {
            LOG.error("message on {} could not be handled", in.topic(), e);
        }
    }

    private void dispatch(JsonObject body) {
        YardEvent event = YardEventJson.decode(body);
        if (!(event instanceof WorkInstructionChanged changed)) {
            return;
        }
        List<OrderDispatcher.Outgoing> orders = ingest.ordersFor(changed.instruction());
        if (orders.isEmpty()) {
            return;
        }
        vertx.executeBlocking(() -> {
            for (OrderDispatcher.Outgoing order : orders) {
                publisher.publish(order.topic().toString(), codec.encode(order.order()), TelemetryTopic.ORDER.qos());
            }
            return orders.size();
        }).onSuccess(sent -> orders.forEach(o -> metrics.orderPublished()))
                .onFailure(e -> LOG.warn("orders of {} not sent: {}", changed.instruction().id(), e.toString()));
    }

    @Override
    public Future<?> stop() {
        running = false;
        timers.forEach(vertx::cancelTimer);
        Future<Void> unregistered = instructions == null ? Future.succeededFuture() : instructions.unregister();
        return unregistered
                .compose(v -> vertx.executeBlocking(() -> {
                    subscribers.forEach(MqttSubscriber::close);
                    if (publisher != null) {
                        publisher.close();
                    }
                    return null;
                }))
                .compose(v -> ingest == null ? Future.succeededFuture() : ingest.drain());
    }
}
