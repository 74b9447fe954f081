package org.portops.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.ingest.IngestHarness.eventually;
import static org.portops.state.testsupport.Await.await;

import io.vertx.core.json.JsonObject;
import com.hivemq.extension.sdk.api.services.Services;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.portops.ingest.mqtt.MqttSubscriber;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.equipment.Position;
import org.portops.model.event.Addresses;
import org.portops.model.event.Alert;
import org.portops.model.event.AlertKind;
import org.portops.model.layout.BlockLayout;
import org.portops.model.telemetry.ConnectionState;
import org.portops.model.telemetry.Order;
import org.portops.model.telemetry.TelemetryTopic;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.StackId;
import org.portops.model.yard.Tier;
import org.portops.model.yard.YardSlot;
import org.portops.state.ChangeResult;
import org.portops.state.ContainerView;
import org.portops.state.StackView;
import org.portops.state.testsupport.TestLayouts;

/**
 * The ingest against an embedded HiveMQ, real PostgreSQL and Hazelcast, with hand-made machine messages. The test that
 * restarts the ingest runs first, so every other test runs on the shared subscriptions a restarted ingest re-made:
 * once, before the ingest's subscriber subscribed each shared filter a second time after its SUBACK
 * ({@link MqttSubscriber}), HiveMQ held back the last QoS 0 reading of a burst in the test after the restart (its
 * look-up of the client's shared subscriptions right after CONNACK can leave the client marked as having none).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestOverHiveMqTest {

    @TempDir
    static Path folder;
    private static Brokers.Broker broker;
    private static IngestHarness harness;
    private static final ConcurrentLinkedQueue<Alert> ALERTS = new ConcurrentLinkedQueue<>();
    private static MqttClient machine;
    private static final Set<StackId> USED_STACKS = new HashSet<>();
    private static final int READINGS_CONNECTIONS = 2;

    @BeforeAll
    static void start() throws Exception {
        broker = Brokers.hiveMq(folder);
        harness = new IngestHarness(broker.url(), TestLayouts.small(), Clock.systemUTC(), Clock.systemUTC());
        harness.vertx.eventBus().<JsonObject>consumer(Addresses.ALERT_RAISED,
                message -> ALERTS.add(Alert.fromMap(message.body().getMap())));
        harness.deploy(config());
        machine = harness.client("machine");
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** Two readings connections, so every test here also runs with readings split over two connections. */
    private static IngestConfig config() {
        return harness.config().withOfflineTimeout(Duration.ofSeconds(3)).withReadingsConnections(READINGS_CONNECTIONS);
    }

    private static Instant now() {
        return Instant.now();
    }

    private static Optional<EquipmentState> equipment(String id) {
        return await(harness.yard.reader().equipment(new EquipmentId(id)));
    }

    @Test
    void readingsUpdateEquipmentStateLatestWinsAndGoToHistory() throws Exception {
        for (int i = 1; i <= 5; i++) {
            harness.publish(machine, Messages.reading("TT001", EquipmentKind.TERMINAL_TRACTOR, i, now(),
                    new Position(100 + i, 50), 1.0));
        }
        eventually(Duration.ofSeconds(10), () -> assertThat(equipment("TT001")).hasValueSatisfying(state -> {
            assertThat(state.position()).isEqualTo(new Position(105, 50));
            assertThat(state.status()).isEqualTo(EquipmentStatus.WORKING);
        }));
        eventually(Duration.ofSeconds(10), () -> assertThat(harness.count(
                "select count(*) from telemetry_reading where machine_id = 'TT001' and topic = 'state'")).isEqualTo(5));
    }

    @Test
    void readingsArrivingOutOfOrderAreKeptAndLiveStateShowsTheNewest() throws Exception {
        Instant t = now();
        // Sequence 3 overtakes 2, as a broker may hand QoS 0 messages of one publisher to a shared subscription;
        // then 2 comes again: a duplicate.
        harness.publish(machine, Messages.reading("QC01", EquipmentKind.QUAY_CRANE, 1, t, new Position(100, 50), 0.5));
        harness.publish(machine, Messages.reading("QC01", EquipmentKind.QUAY_CRANE, 3, t.plusMillis(200),
                new Position(102, 50), 0.5));
        harness.publish(machine, Messages.reading("QC01", EquipmentKind.QUAY_CRANE, 2, t.plusMillis(100),
                new Position(101, 50), 0.5));
        harness.publish(machine, Messages.reading("QC01", EquipmentKind.QUAY_CRANE, 2, t.plusMillis(100),
                new Position(101, 50), 0.5));
        eventually(Duration.ofSeconds(10), () -> assertThat(harness.count(
                "select count(*) from telemetry_reading where machine_id = 'QC01' and topic = 'state'")).isEqualTo(3));
        eventually(Duration.ofSeconds(10), () -> assertThat(harness.query("select reason_code from "
                + "telemetry_quarantine where machine_claimed = 'QC01'")).containsExactly(List.of("REPLAY")));
        eventually(Duration.ofSeconds(10), () -> assertThat(equipment("QC01").map(EquipmentState::position))
                .contains(new Position(102, 50)));
    }

    @Test
    void readingsOfOneMachineSplitOverTwoConnectionsInEitherOrderAreAllAcceptedAndLiveStateKeepsTheNewest()
            throws Exception {
        // HiveMQ hands the shared group's readings to whichever of the two connections polls, so a machine's readings
        // arrive on both and the two Paho callback threads hand them over in either order. Each pair is also
        // published newest first, so late arrivals happen whatever the broker does.
        int readings = 400;
        Instant t = now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < readings; i += 2) {
            for (String id : List.of("QC02", "RTG03")) {
                EquipmentKind kind = id.startsWith("QC") ? EquipmentKind.QUAY_CRANE : EquipmentKind.RTG;
                for (int sequence : new int[] {i + 1, i}) {
                    harness.publish(machine, Messages.reading(id, kind, sequence, t.plusMillis(sequence),
                            new Position(200 + sequence / 1_000.0, 60), 0.0));
                }
            }
        }
        // QoS 0: what the broker sent the ingest is what counts (it may hold back or drop a reading, which is its
        // business); every reading it sent must be accepted and stored, none refused.
        for (String id : List.of("QC02", "RTG03")) {
            String topic = Messages.topic("TEST", id, TelemetryTopic.STATE);
            eventually(Duration.ofSeconds(20), () -> {
                long delivered = Brokers.DELIVERIES.stream().filter(d -> d.endsWith(" " + topic)).count();
                assertThat(delivered).as("%s's readings sent to the ingest", id).isGreaterThan(readings / 2);
                assertThat(harness.count("select count(*) from telemetry_reading where machine_id = ? and topic = "
                        + "'state'", id)).as("%s's readings stored", id).isEqualTo(delivered);
            });
            assertThat(Brokers.DELIVERIES.stream().filter(d -> d.endsWith(" " + topic))
                    .map(d -> d.substring(0, d.indexOf(' '))).distinct())
                    .as("readings clients that got %s's readings", id).hasSize(READINGS_CONNECTIONS)
                    .allMatch(client -> client.startsWith(harness.clientIdPrefix + "-state-"));
            long newest = harness.count("select max(sequence) from telemetry_reading where machine_id = ? and topic = "
                    + "'state'", id);
            eventually(Duration.ofSeconds(10), () -> assertThat(equipment(id)).hasValueSatisfying(state -> {
                assertThat(state.position()).isEqualTo(new Position(200 + newest / 1_000.0, 60));
                assertThat(state.lastSeen()).isEqualTo(t.plusMillis(newest));
            }));
        }
        assertThat(harness.count("select count(*) from telemetry_quarantine where machine_claimed in "
                + "('QC02', 'RTG03')")).isZero();
        assertThat(ALERTS).filteredOn(a -> a.kind() == AlertKind.SPOOFING || a.kind() == AlertKind.REPLAY)
                .extracting(Alert::subject).doesNotContain("QC02", "RTG03");
    }

    /** A 20' box on top of a stack, and an empty ground slot elsewhere in a row without plugs. */
    private record Shift(ContainerNumber container, YardSlot from, YardSlot to) {
    }

    /** Picks a box and a destination no other test of this class has used. */
    private static synchronized Shift shift() {
        ContainerNumber box = null;
        YardSlot from = null;
        YardSlot to = null;
        for (BlockLayout block : harness.layout.blocks()) {
            for (int bay = 1; bay <= block.bays(); bay++) {
                for (int row = 1; row <= block.rows(); row++) {
                    StackId stack = StackId.of(block.id().value(), bay, row);
                    if (block.reeferRows().contains(row) || USED_STACKS.contains(stack)) {
                        continue;
                    }
                    StackView view = await(harness.yard.reader().stack(stack));
                    if (view.height() == 0 && to == null) {
                        to = stack.at(new Tier(1));
                    } else if (view.height() > 0 && box == null) {
                        StackView.TierView top = view.tiers().get(view.height() - 1);
                        ContainerView container = await(harness.yard.reader().container(top.container())).orElseThrow();
                        if (!top.longContainer() && !container.container().isReefer()) {
                            box = top.container();
                            from = stack.at(top.tier());
                        }
                    }
                }
            }
        }
        assertThat(box).as("a movable 20' box").isNotNull();
        assertThat(to).as("an empty ground slot").isNotNull();
        USED_STACKS.add(from.stack());
        USED_STACKS.add(to.stack());
        return new Shift(box, from, to);
    }

    private static Location locationOf(ContainerNumber container) {
        return await(harness.yard.reader().container(container)).map(ContainerView::location).orElse(null);
    }

    @Test
    void lockUnlockPairMovesTheContainerInTheLiveYardAndTheMoveLog() throws Exception {
        Shift shift = shift();
        String box = shift.container().value();
        harness.publish(machine, Messages.lock("RTG01", 1, now(), box, "yard:" + shift.from()));
        harness.publish(machine, Messages.unlock("RTG01", 2, now(), box, "yard:" + shift.to()));
        eventually(Duration.ofSeconds(10), () -> assertThat(locationOf(shift.container()))
                .isEqualTo(new YardLocation(shift.to())));
        assertThat(harness.query("select kind, from_location, to_location from move_log where container = ? "
                + "order by seq desc limit 1", box)).containsExactly(List.of("YARD_SHIFT", "yard:" + shift.from(),
                "yard:" + shift.to()));
        eventually(Duration.ofSeconds(5), () -> assertThat(harness.query("select type, outcome, move_kind from "
                + "telemetry_event where container = ? order by id", box)).containsExactly(
                Arrays.asList("spreaderLocked", "PAIRED", null), List.of("spreaderUnlocked", "MOVED", "YARD_SHIFT")));
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void pendingLockSurvivesAnIngestRestart() throws Exception {
        Shift shift = shift();
        String box = shift.container().value();
        harness.publish(machine, Messages.lock("RTG02", 1, now(), box, "yard:" + shift.from()));
        eventually(Duration.ofSeconds(10), () -> assertThat(harness.count("select count(*) from telemetry_event "
                + "where container = ? and outcome = 'LOCK_PENDING'", box)).isEqualTo(1));
        harness.undeploy();
        harness.deploy(config());
        harness.publish(machine, Messages.unlock("RTG02", 2, now(), box, "yard:" + shift.to()));
        eventually(Duration.ofSeconds(10), () -> assertThat(locationOf(shift.container()))
                .isEqualTo(new YardLocation(shift.to())));
    }

    @Test
    void theIngestSubscribesEachSharedFilterOnceMoreAfterItsSuback() {
        // The restart test ran first: two deployments. Readings clients take a new client id at each start, the
        // events client keeps its id (its session is resumed). Each deployment has two state clients.
        for (TelemetryTopic topic : List.of(TelemetryTopic.STATE, TelemetryTopic.REEFER, TelemetryTopic.CONNECTION)) {
            String filter = "$share/portops-ingest/portops/v1/TEST/+/" + topic.segment();
            String clientIds = harness.clientIdPrefix + "-" + topic.segment() + "-";
            Map<String, List<String>> byClient = Brokers.SUBSCRIBES.stream().filter(s -> s.startsWith(clientIds))
                    .collect(Collectors.groupingBy(s -> s.substring(0, s.indexOf(' ')), Collectors.mapping(
                            s -> s.substring(s.indexOf(' ') + 1), Collectors.toList())));
            // Twice at once, then again after each silence of MqttSubscriber.SILENT_RESUBSCRIBE_AFTER.
            assertThat(byClient).as(filter).hasSize(topic == TelemetryTopic.STATE ? 2 * READINGS_CONNECTIONS : 2)
                    .allSatisfy((client, filters) -> assertThat(filters).startsWith(filter, filter)
                            .containsOnly(filter));
        }
        String events = "$share/portops-ingest/portops/v1/TEST/+/events";
        assertThat(Brokers.subscribesOf(harness.clientIdPrefix + "-events")).startsWith(events, events)
                .containsOnly(events).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void aSubscriberReconnectedByTheBrokerSubscribesAgainGetsWholeBurstsAndResubscribesWhenSilent() throws Exception {
        String filter = "$share/g/reconnect/+/state";
        String clientId = "reconnecting-" + harness.clientIdPrefix;
        List<String> received = new CopyOnWriteArrayList<>();
        MqttSubscriber subscriber = new MqttSubscriber(broker.url(), clientId, filter, 0,
                MqttSubscriber.Session.clean(), Clock.systemUTC(),
                inbound -> received.add(new String(inbound.payload(), StandardCharsets.UTF_8)));
        try {
            subscriber.connect();
            assertThat(Brokers.subscribesOf(clientId)).containsExactly(filter, filter);
            burst("a");
            eventually(Duration.ofSeconds(10), () -> assertThat(received).containsExactly("a0", "a1", "a2", "a3",
                    "a4"));

            assertThat(Services.clientService().disconnectClient(clientId).get(10, TimeUnit.SECONDS)).isTrue();
            eventually(Duration.ofSeconds(15), () -> assertThat(Brokers.subscribesOf(clientId))
                    .hasSizeGreaterThanOrEqualTo(4).containsOnly(filter));
            received.clear();
            burst("b");
            eventually(Duration.ofSeconds(10), () -> assertThat(received).containsExactly("b0", "b1", "b2", "b3",
                    "b4"));
            // Silent since the burst: it subscribes again (see MqttSubscriber), and only while connected.
            int afterBurst = Brokers.subscribesOf(clientId).size();
            eventually(MqttSubscriber.SILENT_RESUBSCRIBE_AFTER.multipliedBy(3), () ->
                    assertThat(Brokers.subscribesOf(clientId)).hasSizeGreaterThan(afterBurst).containsOnly(filter));
        } finally {
            subscriber.close();
        }
    }

    @Test
    void aPlainFilterIsSubscribedOnce() throws Exception {
        String clientId = "plain-" + harness.clientIdPrefix;
        MqttSubscriber subscriber = new MqttSubscriber(broker.url(), clientId, "plain/+/state", 0,
                MqttSubscriber.Session.clean(), Clock.systemUTC(), inbound -> { });
        try {
            subscriber.connect();
            assertThat(Brokers.subscribesOf(clientId)).containsExactly("plain/+/state");
        } finally {
            subscriber.close();
        }
    }

    /** Five QoS 0 messages on one machine's topic of the reconnect test, then nothing. */
    private static void burst(String prefix) throws Exception {
        for (int i = 0; i < 5; i++) {
            IngestHarness.publish(machine, "reconnect/M1/state", (prefix + i).getBytes(StandardCharsets.UTF_8), 0);
        }
    }

    @Test
    void refusedMoveIsRecordedWithItsReasonAndNotRetried() throws Exception {
        Shift shift = shift();
        String box = shift.container().value();
        YardSlot floating = new YardSlot(shift.to().stack(), new Tier(3));
        harness.publish(machine, Messages.lock("RTG03", 1, now(), box, "yard:" + shift.from()));
        harness.publish(machine, Messages.unlock("RTG03", 2, now(), box, "yard:" + floating));
        eventually(Duration.ofSeconds(10), () -> assertThat(harness.query("select outcome, outcome_text from "
                + "telemetry_event where container = ? and type = 'spreaderUnlocked'", box))
                .singleElement().satisfies(row -> {
                    assertThat(row.get(0)).isEqualTo("MOVE_REFUSED");
                    assertThat((String) row.get(1)).contains("has nothing to stand on");
                }));
        assertThat(locationOf(shift.container())).isEqualTo(new YardLocation(shift.from()));
        eventually(Duration.ofSeconds(5), () -> assertThat(harness.count("select count(*) from audit_log where "
                + "action = 'telemetry.move.refused' and subject = ?", box)).isEqualTo(1));
    }

    @Test
    void dispatchedInstructionGoesDownAndMachineEventsMoveItThroughItsLifeCycle() throws Exception {
        ConcurrentLinkedQueue<Order> orders = new ConcurrentLinkedQueue<>();
        MqttClient cab = harness.client("cab");
        cab.subscribe(new MqttSubscription[] {new MqttSubscription("portops/v1/TEST/QC02/order", 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
                    (topic, message) -> orders.add(Messages.CODEC.decodeOrder(message.getPayload()))});
        Shift shift = shift();
        WorkInstructionId id = new WorkInstructionId("WI-T1");
        WorkInstruction planned = WorkInstruction.planned(id, shift.container(), MoveKind.YARD_SHIFT,
                new YardLocation(shift.from()), new YardLocation(shift.to()), 1, now());
        assertThat(await(harness.yard.updateInstruction(planned))).isEqualTo(ChangeResult.APPLIED);
        assertThat(await(harness.yard.updateInstruction(planned.dispatch(List.of(new EquipmentId("QC02")), now()))))
                .isEqualTo(ChangeResult.APPLIED);
        eventually(Duration.ofSeconds(10), () -> assertThat(orders).singleElement().satisfies(order -> {
            assertThat(order.instruction()).isEqualTo(id);
            assertThat(order.container()).isEqualTo(shift.container());
            assertThat(order.to()).isEqualTo(new YardLocation(shift.to()));
        }));
        harness.publish(machine, Messages.accepted("QC02", 1, now(), "WI-T1"));
        eventually(Duration.ofSeconds(10), () -> assertThat(state(id)).isEqualTo(WorkInstructionState.IN_PROGRESS));
        harness.publish(machine, Messages.completed("QC02", 2, now(), "WI-T1"));
        eventually(Duration.ofSeconds(10), () -> assertThat(state(id)).isEqualTo(WorkInstructionState.DONE));
        harness.publish(machine, Messages.accepted("QC02", 3, now(), "WI-T1"));
        eventually(Duration.ofSeconds(10), () -> assertThat(harness.query("select outcome, outcome_text from "
                + "telemetry_event where machine_id = 'QC02' and sequence = 3")).singleElement().satisfies(row -> {
                    assertThat(row.get(0)).isEqualTo("INSTRUCTION_REFUSED");
                    assertThat((String) row.get(1)).contains("cannot go from DONE to IN_PROGRESS");
                }));
        assertThat(state(id)).isEqualTo(WorkInstructionState.DONE);
    }

    private static WorkInstructionState state(WorkInstructionId id) {
        return await(harness.yard.reader().workInstruction(id)).map(WorkInstruction::state).orElse(null);
    }

    @Test
    void machineIsMarkedOfflineByItsWillAndBySilence() throws Exception {
        harness.publish(machine, Messages.reading("TT002", EquipmentKind.TERMINAL_TRACTOR, 1, now(),
                new Position(200, 50), 0.0));
        harness.publish(machine, Messages.reading("TT003", EquipmentKind.TERMINAL_TRACTOR, 1, now(),
                new Position(220, 50), 0.0));
        eventually(Duration.ofSeconds(5), () -> assertThat(equipment("TT002").map(EquipmentState::status))
                .contains(EquipmentStatus.WORKING));
        harness.publish(machine, Messages.connection("TT002", 0, now().minusSeconds(600),
                ConnectionState.CONNECTIONBROKEN));
        eventually(Duration.ofSeconds(2), () -> assertThat(equipment("TT002").map(EquipmentState::status))
                .contains(EquipmentStatus.OFFLINE));
        eventually(Duration.ofSeconds(10), () -> assertThat(equipment("TT003").map(EquipmentState::status))
                .contains(EquipmentStatus.OFFLINE));
        assertThat(ALERTS).filteredOn(a -> a.kind() == AlertKind.EQUIPMENT_OFFLINE).extracting(Alert::subject)
                .contains("TT002", "TT003");
    }

    @Test
    void spoofedAndReplayedMessagesAreQuarantinedAndRaiseAlerts() throws Exception {
        harness.publish(machine, Messages.reading("TT004", EquipmentKind.TERMINAL_TRACTOR, 10, now(),
                new Position(300, 50), 0.0));
        byte[] forged = Messages.encode(Messages.reading("TT001", EquipmentKind.TERMINAL_TRACTOR, 11, now(),
                new Position(300, 50), 0.0));
        IngestHarness.publish(machine, Messages.topic("TEST", "TT004", TelemetryTopic.STATE), forged, 0);
        harness.publish(machine, Messages.reading("TT004", EquipmentKind.TERMINAL_TRACTOR, 10, now(),
                new Position(300, 50), 0.0));
        eventually(Duration.ofSeconds(10), () -> assertThat(harness.query("select reason_code, machine_claimed from "
                + "telemetry_quarantine where machine_claimed = 'TT004' order by id")).containsExactly(
                List.of("SPOOFED_ID", "TT004"), List.of("REPLAY", "TT004")));
        eventually(Duration.ofSeconds(5), () -> assertThat(ALERTS).filteredOn(a -> a.subject().equals("TT004"))
                .extracting(Alert::kind).contains(AlertKind.SPOOFING, AlertKind.REPLAY));
        eventually(Duration.ofSeconds(5), () -> assertThat(harness.count("select count(*) from audit_log where "
                + "action in ('security.spoofing', 'security.replay') and subject = 'TT004'")).isEqualTo(2));
        assertThat(harness.verticle().metrics().rejections("SPOOFED_ID")).isGreaterThanOrEqualTo(1);
    }
}
