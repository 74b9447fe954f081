package org.portops.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.Position;
import org.portops.model.telemetry.ConnectionMessage;
import org.portops.model.telemetry.ConnectionState;
import org.portops.model.telemetry.EquipmentEvent.InstructionRejected;
import org.portops.model.telemetry.EquipmentEvent.SpreaderLocked;
import org.portops.model.telemetry.EquipmentEvent.SpreaderUnlocked;
import org.portops.model.telemetry.EventMessage;
import org.portops.model.telemetry.Order;
import org.portops.model.telemetry.StateReading;
import org.portops.model.telemetry.TelemetryCodec;
import org.portops.model.telemetry.TelemetryFormatException;
import org.portops.model.telemetry.TelemetryMessage;
import org.portops.model.telemetry.TelemetryTopic;
import org.portops.model.telemetry.Topic;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;
import org.portops.sim.engine.Injection;

/**
 * What the simulator must deliver through any real broker: a subscriber decodes every machine's readings with
 * growing sequence numbers, the connection topic carries ONLINE / OFFLINE (and the will), spreader events name
 * the container, each attack reaches the subscriber as the bad message it is meant to be, and every machine
 * receives the orders sent on its own {@code order} topic and answers on its events.
 */
abstract class BrokerContract {

    private static final int MACHINES = 20;
    private static final Instant START = Instant.parse("2026-11-24T06:00:00Z");
    private final TelemetryCodec codec = new TelemetryCodec();

    /** A received message: the parsed topic and the raw payload. */
    record Received(Topic topic, byte[] payload) {
    }

    abstract String brokerUrl();

    /** 0 for a connection per machine, else the number of shared connections. */
    abstract int connections();

    private MqttClient subscriber(ConcurrentLinkedQueue<Received> inbox) throws MqttException {
        MqttClient client = new MqttClient(brokerUrl(), "test-sub-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.setCallback(new InboxCallback(inbox));
        client.connect(options);
        client.subscribe("portops/v1/NQCT/#", 1);
        return client;
    }

    private SimulatorConfig config() {
        return SimulatorConfig.defaults(brokerUrl()).withRate(2).withSpeedUp(20).withMachines(MACHINES, connections())
                .withClock(Clock.fixed(START, ZoneOffset.UTC)).withSeed(11)
                .withClientIdPrefix("sim-" + System.nanoTime());
    }

    private <T extends TelemetryMessage> List<T> decoded(List<Received> inbox, TelemetryTopic topic, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Received r : inbox) {
            if (r.topic().topic() == topic) {
                try {
                    out.add(type.cast(codec.decode(topic, r.payload())));
                } catch (TelemetryFormatException e) {
                    // Attack payloads are checked on their own.
                }
            }
        }
        return out;
    }

    private static void await(ConcurrentLinkedQueue<Received> inbox, Predicate<List<Received>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.test(List.copyOf(inbox)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    @Test
    void subscriberDecodesEveryMachinesReadingsWithGrowingSequence() throws Exception {
        ConcurrentLinkedQueue<Received> inbox = new ConcurrentLinkedQueue<>();
        MqttClient client = subscriber(inbox);
        try (TerminalSimulator simulator = TerminalSimulator.start(config())) {
            List<EquipmentId> machines = simulator.engine().machines().stream()
                    .filter(id -> !id.value().startsWith("RMS-")).toList();
            assertThat(machines).hasSize(MACHINES);
            await(inbox, list -> decoded(list, TelemetryTopic.EVENTS, EventMessage.class).stream()
                    .anyMatch(e -> e.event() instanceof SpreaderUnlocked));
            simulator.stop();
            List<Received> all = List.copyOf(inbox);
            Map<EquipmentId, List<StateReading>> readings = new LinkedHashMap<>();
            for (StateReading r : decoded(all, TelemetryTopic.STATE, StateReading.class)) {
                readings.computeIfAbsent(r.machineId(), id -> new ArrayList<>()).add(r);
            }
            assertThat(readings.keySet()).containsExactlyInAnyOrderElementsOf(machines);
            readings.forEach((id, list) -> {
                assertThat(list).as("readings of %s", id).hasSizeGreaterThan(5);
                for (int i = 1; i < list.size(); i++) {
                    assertThat(list.get(i).sequence()).as("sequence of %s", id).isGreaterThan(list.get(i - 1).sequence());
                }
            });
            List<ConnectionMessage> connection = decoded(all, TelemetryTopic.CONNECTION, ConnectionMessage.class);
            assertThat(connection).filteredOn(c -> c.state() == ConnectionState.ONLINE)
                    .extracting(ConnectionMessage::machineId).containsAll(machines);
            assertThat(connection).filteredOn(c -> c.state() == ConnectionState.OFFLINE)
                    .extracting(ConnectionMessage::machineId).containsAll(machines);
            List<EventMessage> events = decoded(all, TelemetryTopic.EVENTS, EventMessage.class);
            assertThat(events).anySatisfy(e -> assertThat(e.event()).isInstanceOfSatisfying(SpreaderLocked.class,
                    l -> assertThat(l.container()).isNotNull()));
            assertThat(events).anySatisfy(e -> assertThat(e.event()).isInstanceOfSatisfying(SpreaderUnlocked.class,
                    u -> assertThat(u.location()).isNotNull()));
        } finally {
            client.disconnect();
            client.close();
        }
    }

    @Test
    void everyAttackArrivesAsTheIntendedBadMessage() throws Exception {
        ConcurrentLinkedQueue<Received> inbox = new ConcurrentLinkedQueue<>();
        MqttClient client = subscriber(inbox);
        EquipmentId qc = new EquipmentId("QC01");
        EquipmentId other = new EquipmentId("QC02");
        Position far = new Position(1390, 5);
        try (TerminalSimulator simulator = TerminalSimulator.start(config())) {
            await(inbox, list -> decoded(list, TelemetryTopic.STATE, StateReading.class).stream()
                    .filter(r -> r.machineId().equals(qc)).count() > 3);
            simulator.inject(new Injection.Replay(qc));
            simulator.inject(new Injection.ForeignId(qc, other));
            simulator.inject(new Injection.Teleport(qc, far));
            simulator.inject(new Injection.Malformed(qc, Injection.Malformation.NOT_JSON));
            simulator.inject(new Injection.Malformed(qc, Injection.Malformation.MISSING_FIELD));
            await(inbox, list -> decoded(list, TelemetryTopic.STATE, StateReading.class).stream()
                    .anyMatch(r -> r.position().equals(far)));
            Thread.sleep(500);
            List<Received> fromQc = inbox.stream().filter(r -> r.topic().equipment().equals(qc)
                    && r.topic().topic() == TelemetryTopic.STATE).toList();
            List<StateReading> readings = decoded(fromQc, TelemetryTopic.STATE, StateReading.class);
            List<Long> sequences = readings.stream().filter(r -> r.machineId().equals(qc))
                    .map(StateReading::sequence).toList();
            assertThat(sequences.stream().distinct().count()).as("a replay repeats one sequence number: %s", sequences)
                    .isEqualTo(sequences.size() - 1L);
            assertThat(readings).anySatisfy(r -> assertThat(r.machineId()).isEqualTo(other));
            assertThat(readings).anySatisfy(r -> assertThat(r.position()).isEqualTo(far));
            List<String> refusals = new ArrayList<>();
            for (Received r : fromQc) {
                try {
                    codec.decode(TelemetryTopic.STATE, r.payload());
                } catch (TelemetryFormatException e) {
                    refusals.add(e.field());
                }
            }
            assertThat(refusals).containsExactly("payload", "sequence");
        } finally {
            client.disconnect();
            client.close();
        }
    }

    @Test
    void brokenConnectionLeavesTheWillOnTheConnectionTopic() throws Exception {
        ConcurrentLinkedQueue<Received> inbox = new ConcurrentLinkedQueue<>();
        MqttClient client = subscriber(inbox);
        try (TerminalSimulator simulator = TerminalSimulator.start(config())) {
            EquipmentId owner = connections() == 0 ? new EquipmentId("TT001") : new EquipmentId("SIM-GW01");
            simulator.output().breakConnection(owner);
            await(inbox, list -> decoded(list, TelemetryTopic.CONNECTION, ConnectionMessage.class).stream()
                    .anyMatch(c -> c.state() == ConnectionState.CONNECTIONBROKEN));
            assertThat(decoded(List.copyOf(inbox), TelemetryTopic.CONNECTION, ConnectionMessage.class))
                    .filteredOn(c -> c.state() == ConnectionState.CONNECTIONBROKEN)
                    .extracting(ConnectionMessage::machineId).containsExactly(owner);
        } finally {
            client.disconnect();
            client.close();
        }
    }

    @Test
    void everyMachineGetsTheOrdersSentOnItsOrderTopicAndAnswersThem() throws Exception {
        ConcurrentLinkedQueue<Received> inbox = new ConcurrentLinkedQueue<>();
        MqttClient client = subscriber(inbox);
        ContainerNumber stranger = ContainerNumber.fromParts("ZZZ", 'U', 4242);
        YardLocation from = new YardLocation(YardSlot.parse("A01-01-01-1"));
        YardLocation to = new YardLocation(YardSlot.parse("A01-03-01-1"));
        try (TerminalSimulator simulator = TerminalSimulator.start(config())) {
            List<EquipmentId> machines = simulator.engine().machines().stream()
                    .filter(id -> !id.value().startsWith("RMS-")).toList();
            for (EquipmentId machine : machines) {
                publish(client, new Order(machine, 1, START, new WorkInstructionId("WI-" + machine), stranger,
                        MoveKind.YARD_SHIFT, from, to));
            }
            EquipmentId qc = new EquipmentId("QC01");
            byte[] spoofed = codec.encode(new Order(new EquipmentId("QC02"), 2, START, new WorkInstructionId("WI-X"),
                    stranger, MoveKind.YARD_SHIFT, from, to));
            client.publish(Topic.of("NQCT", qc, TelemetryTopic.ORDER).toString(), spoofed, 1, false);
            await(inbox, list -> rejections(list).size() >= machines.size());
            Thread.sleep(500);

            assertThat(rejections(List.copyOf(inbox))).containsExactlyInAnyOrderElementsOf(machines.stream()
                    .map(m -> m + " WI-" + m + " UNKNOWN_CONTAINER").toList());
            assertThat(simulator.output().rejectedOrders()).as("the order for QC02 on the topic of QC01").isEqualTo(1);
        } finally {
            client.disconnect();
            client.close();
        }
    }

    private void publish(MqttClient client, Order order) throws MqttException {
        client.publish(Topic.of("NQCT", order.machineId(), TelemetryTopic.ORDER).toString(), codec.encode(order), 1,
                false);
    }

    private List<String> rejections(List<Received> inbox) {
        return decoded(inbox, TelemetryTopic.EVENTS, EventMessage.class).stream()
                .filter(e -> e.event() instanceof InstructionRejected)
                .map(e -> e.machineId() + " " + ((InstructionRejected) e.event()).instruction() + " "
                        + ((InstructionRejected) e.event()).reason()).toList();
    }

    /** Hands each message to the inbox and returns at once; never throws into Paho. */
    private static final class InboxCallback implements MqttCallback {

        private final ConcurrentLinkedQueue<Received> inbox;

        InboxCallback(ConcurrentLinkedQueue<Received> inbox) {
            this.inbox = inbox;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                inbox.add(new Received(Topic.parse(topic), message.getPayload()));
            } catch (RuntimeException e) {
                inbox.add(new Received(null, message.getPayload()));
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            // The test notices missing messages.
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            // The test notices missing messages.
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // The subscriber publishes nothing.
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            // Nothing to restore: a clean session per test.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication.
        }
    }
}
