package org.portops.sim.mqtt;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.telemetry.InstantAction;
import org.portops.model.telemetry.Order;
import org.portops.model.telemetry.TelemetryCodec;
import org.portops.model.telemetry.TelemetryMessage;
import org.portops.model.telemetry.TelemetryTopic;
import org.portops.model.telemetry.Topic;
import org.portops.sim.engine.Outbound;
import org.portops.sim.engine.TelemetrySink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the engine's messages over MQTT with each topic's QoS and retain flag. Either one connection per
 * machine ({@code connections == 0}: each machine's own last will) or the machines spread over a few shared
 * connections (gateways {@code SIM-GW01}.., each with its own will; for load tests). What PortOps sends down is
 * received as a machine would: each machine's connection subscribes to its own {@code order} topic (the first
 * also to every machine's {@code instantActions}); with gateways the first subscribes to both topics of all
 * machines. Orders and actions go to {@code orders} and {@code actions} from Paho's callback thread.
 */
public final class MqttOutput implements TelemetrySink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttOutput.class);

    private final TelemetryCodec codec = new TelemetryCodec();
    private final Map<EquipmentId, MqttLink> dedicated = new LinkedHashMap<>();
    private final List<MqttLink> shared = new ArrayList<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong rejectedActions = new AtomicLong();
    private final AtomicLong rejectedOrders = new AtomicLong();
    private final MachineSockets sockets;

    /**
     * Connects: one link per machine of {@code machines} when {@code connections} is 0, else {@code connections}
     * gateway links. Throws when the broker refuses.
     */
    public MqttOutput(String brokerUrl, String terminal, String clientIdPrefix, List<EquipmentId> machines,
                      int connections, Instant now, Consumer<InstantAction> actions, Consumer<Order> orders)
            throws MqttException {
        this(brokerUrl, terminal, clientIdPrefix, machines, connections, now, actions, orders, null);
    }

    /**
     * Connects as {@link #MqttOutput(String, String, String, List, int, Instant, Consumer, Consumer)}, each machine's
     * link with the sockets {@code sockets} gives for it (its own client certificate); null: Paho's default.
     */
    public MqttOutput(String brokerUrl, String terminal, String clientIdPrefix, List<EquipmentId> machines,
                      int connections, Instant now, Consumer<InstantAction> actions, Consumer<Order> orders,
                      MachineSockets sockets) throws MqttException {
        this.sockets = sockets;
        try {
            if (connections == 0) {
                // all CONNECTs in flight at once: one after the other, a broker's few hundred ms each add up to
                // most of a minute for a whole terminal
                List<IMqttToken> connecting = new ArrayList<>(machines.size());
                for (EquipmentId machine : machines) {
                    MqttLink link = link(brokerUrl, clientIdPrefix + "-" + machine, machine, terminal);
                    dedicated.put(machine, link);
                    connecting.add(link.startConnect(now));
                }
                for (IMqttToken token : connecting) {
                    MqttLink.awaitConnected(token);
                }
            } else {
                for (int i = 1; i <= connections; i++) {
                    EquipmentId gateway = new EquipmentId(String.format("SIM-GW%02d", i));
                    MqttLink link = link(brokerUrl, clientIdPrefix + "-" + gateway, gateway, terminal);
                    link.connect(now);
                    shared.add(link);
                }
            }
            subscribeDownlinks(terminal, actions, orders);
        } catch (MqttException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private MqttLink link(String brokerUrl, String clientId, EquipmentId owner, String terminal) throws MqttException {
        try {
            return new MqttLink(brokerUrl, clientId, owner, terminal, codec, published, dropped,
                    sockets == null ? null : sockets.of(owner));
        } catch (IOException e) {
            throw new MqttException(e);
        }
    }

    private MqttLink first() {
        return shared.isEmpty() ? dedicated.values().iterator().next() : shared.getFirst();
    }

    private void subscribeDownlinks(String terminal, Consumer<InstantAction> actions, Consumer<Order> orders)
            throws MqttException {
        if (dedicated.isEmpty() && shared.isEmpty()) {
            return;
        }
        String allActions = Topic.filter(terminal, TelemetryTopic.INSTANT_ACTIONS);
        List<IMqttToken> subscribing = new ArrayList<>();
        if (shared.isEmpty()) {
            for (Map.Entry<EquipmentId, MqttLink> own : dedicated.entrySet()) {
                List<String> filters = new ArrayList<>();
                filters.add(Topic.of(terminal, own.getKey(), TelemetryTopic.ORDER).toString());
                if (subscribing.isEmpty()) {
                    filters.add(allActions);
                }
                subscribing.add(own.getValue().subscribe(filters,
                        new DownlinkCallback(own.getValue(), actions, orders)));
            }
        } else {
            MqttLink gateway = shared.getFirst();
            subscribing.add(gateway.subscribe(List.of(Topic.filter(terminal, TelemetryTopic.ORDER), allActions),
                    new DownlinkCallback(gateway, actions, orders)));
        }
        for (IMqttToken token : subscribing) {
            token.waitForCompletion(10_000);
        }
    }

    @Override
    public void publish(Outbound message) {
        Topic topic = message.topic();
        byte[] payload = switch (message) {
            case Outbound.Message m -> codec.encode(m.message());
            case Outbound.Raw raw -> raw.payload();
        };
        TelemetryTopic kind = topic.topic();
        linkFor(topic.equipment()).publish(topic.toString(), payload, kind.qos(), kind.retained());
    }

    private MqttLink linkFor(EquipmentId machine) {
        MqttLink own = dedicated.get(machine);
        if (own != null) {
            return own;
        }
        if (shared.isEmpty()) {
            return first();
        }
        return shared.get(Math.floorMod(machine.value().hashCode(), shared.size()));
    }

    /** Retries QoS 1 messages that waited for the in-flight window; call now and then. */
    public void flush() {
        dedicated.values().forEach(MqttLink::flushBacklog);
        shared.forEach(MqttLink::flushBacklog);
    }

    public long published() {
        return published.get();
    }

    /** Readings dropped because a connection could not take them (never events). */
    public long dropped() {
        return dropped.get();
    }

    /** Instant actions refused: bad topic, bad payload, or a payload for another machine. */
    public long rejectedActions() {
        return rejectedActions.get();
    }

    /** Orders refused before reaching the engine: bad topic, bad payload, or a payload for another machine. */
    public long rejectedOrders() {
        return rejectedOrders.get();
    }

    /**
     * Breaks the connection owned by {@code owner} (a machine with a dedicated connection, or a gateway such as
     * {@code SIM-GW01}) without a DISCONNECT, as a crash would, so the broker publishes its last will.
     */
    public void breakConnection(EquipmentId owner) throws MqttException {
        MqttLink link = dedicated.get(owner);
        if (link == null) {
            link = shared.stream().filter(l -> l.owner().equals(owner)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException(owner + " owns no connection"));
        }
        link.breakConnection();
    }

    /** Disconnects cleanly (gateways first publish their OFFLINE), then releases the clients. */
    public void disconnect(Instant now) {
        // side by side, as the connects: each link waits for its own in-flight messages and DISCONNECT
        try (ExecutorService disconnecting = Executors.newVirtualThreadPerTaskExecutor()) {
            dedicated.values().forEach(link -> disconnecting.execute(() -> link.disconnect(now, false)));
            shared.forEach(link -> disconnecting.execute(() -> link.disconnect(now, true)));
        }
    }

    @Override
    public void close() {
        dedicated.values().forEach(MqttLink::close);
        shared.forEach(MqttLink::close);
    }

    /** Paho's callback of one link: decode and hand off at once, never throw back into Paho's thread. */
    private final class DownlinkCallback implements MqttCallback {

        private final MqttLink link;
        private final Consumer<InstantAction> actions;
        private final Consumer<Order> orders;

        DownlinkCallback(MqttLink link, Consumer<InstantAction> actions, Consumer<Order> orders) {
            this.link = link;
            this.actions = actions;
            this.orders = orders;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            boolean order = topic.endsWith("/" + TelemetryTopic.ORDER.segment());
            try {
                Topic parsed = Topic.parse(topic);
                if (order) {
                    orders.accept(owned(parsed, codec.decodeOrder(message.getPayload())));
                } else {
                    actions.accept(owned(parsed, codec.decodeInstantAction(message.getPayload())));
                }
            } catch (RuntimeException e) {
                (order ? rejectedOrders : rejectedActions).incrementAndGet();
                LOG.warn("{} on {} refused: {}", order ? "order" : "instant action", topic, e.getMessage());
            }
        }

        private static <M extends TelemetryMessage> M owned(Topic topic, M message) {
            if (!message.machineId().equals(topic.equipment())) {
                throw new IllegalArgumentException("payload for " + message.machineId() + " on the topic of "
                        + topic.equipment());
            }
            return message;
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            LOG.info("simulator connection lost: {}", response.getReasonString());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("MQTT error: {}", exception.getMessage());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // Publishing is fire-and-forget; the backlog is retried on the next publish or flush.
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            LOG.debug("simulator connected to {} (reconnect: {})", serverURI, reconnect);
            if (reconnect) {
                link.resubscribe();
            }
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication in use.
        }
    }
}
