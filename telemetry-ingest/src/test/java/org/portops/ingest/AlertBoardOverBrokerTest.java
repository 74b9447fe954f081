package org.portops.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.ingest.IngestHarness.eventually;
import static org.portops.state.testsupport.Await.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.Position;
import org.portops.model.event.Addresses;
import org.portops.model.event.Alert;
import org.portops.model.event.AlertKind;
import org.portops.model.telemetry.TelemetryTopic;
import org.portops.state.alert.ActiveAlert;
import org.portops.state.alert.AlertFilter;
import org.portops.state.testsupport.TestLayouts;

/**
 * Alerts land on the live state's board of active alerts and clear there, through a real broker (embedded HiveMQ),
 * Hazelcast and PostgreSQL.
 */
class AlertBoardOverBrokerTest {

    private static final Duration OFFLINE_AFTER = Duration.ofSeconds(3);

    @TempDir
    static Path folder;
    private static Brokers.Broker broker;
    private static IngestHarness harness;
    private static final ConcurrentLinkedQueue<Alert> CLEARED = new ConcurrentLinkedQueue<>();
    private static MqttClient machine;

    @BeforeAll
    static void start() throws Exception {
        broker = Brokers.hiveMq(folder);
        harness = new IngestHarness(broker.url(), TestLayouts.small(), Clock.systemUTC(), Clock.systemUTC());
        harness.vertx.eventBus().<JsonObject>consumer(Addresses.ALERT_CLEARED,
                message -> CLEARED.add(Alert.fromMap(message.body().getMap())));
        harness.deploy(harness.config().withOfflineTimeout(OFFLINE_AFTER));
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

    private static Optional<ActiveAlert> onBoard(AlertKind kind, String subject) {
        return await(harness.yard.alerts().alert(ActiveAlert.key(kind, subject, "")));
    }

    private static void reading(String id, long sequence) throws Exception {
        harness.publish(machine, Messages.reading(id, EquipmentKind.TERMINAL_TRACTOR, sequence, Instant.now(),
                new Position(400, 50), 0.0));
    }

    @Test
    void silentMachineRaisesAnOfflineAlertOnTheBoardThatClearsWhenItReportsAgain() throws Exception {
        reading("TT001", 1);
        eventually(Duration.ofSeconds(15), () -> assertThat(onBoard(AlertKind.EQUIPMENT_OFFLINE, "TT001"))
                .hasValueSatisfying(alert -> {
                    assertThat(alert.text()).contains("TT001 is offline: silent for");
                    assertThat(alert.occurrences()).isEqualTo(1);
                    assertThat(alert.acknowledged()).isFalse();
                }));
        assertThat(await(harness.yard.alerts().active(new AlertFilter(AlertKind.EQUIPMENT_OFFLINE, "TT001"))))
                .hasSize(1);

        CLEARED.clear();
        reading("TT001", 2);

        eventually(Duration.ofSeconds(5), () -> assertThat(onBoard(AlertKind.EQUIPMENT_OFFLINE, "TT001")).isEmpty());
        eventually(Duration.ofSeconds(5), () -> assertThat(CLEARED).filteredOn(a -> a.subject().equals("TT001"))
                .singleElement().satisfies(cleared -> {
                    assertThat(cleared.kind()).isEqualTo(AlertKind.EQUIPMENT_OFFLINE);
                    assertThat(cleared.text()).startsWith("TT001 reported again at ");
                }));
    }

    @Test
    void offlineAlertRaisedBeforeAnIngestRestartClearsWhenTheMachineReports() throws Exception {
        reading("TT002", 1);
        eventually(Duration.ofSeconds(15), () -> assertThat(onBoard(AlertKind.EQUIPMENT_OFFLINE, "TT002")).isPresent());
        harness.undeploy();
        harness.deploy(harness.config().withOfflineTimeout(OFFLINE_AFTER));

        reading("TT002", 2);

        eventually(Duration.ofSeconds(5), () -> assertThat(onBoard(AlertKind.EQUIPMENT_OFFLINE, "TT002")).isEmpty());
    }

    @Test
    void spoofedMessagesRaiseOneSpoofingAlertOnTheBoardCountingEveryOne() throws Exception {
        reading("TT003", 1);
        byte[] forged = Messages.encode(Messages.reading("TT004", EquipmentKind.TERMINAL_TRACTOR, 11, Instant.now(),
                new Position(400, 50), 0.0));
        for (int i = 0; i < 3; i++) {
            IngestHarness.publish(machine, Messages.topic("TEST", "TT003", TelemetryTopic.STATE), forged, 0);
        }

        eventually(Duration.ofSeconds(10), () -> assertThat(onBoard(AlertKind.SPOOFING, "TT003"))
                .hasValueSatisfying(alert -> {
                    assertThat(alert.occurrences()).as("rate-limited repeats still count").isEqualTo(3);
                    assertThat(alert.kind().severity()).isEqualTo(AlertKind.Severity.CRITICAL);
                    assertThat(alert.text()).isEqualTo("message on TT003's topic claims to be from TT004");
                }));
        assertThat(harness.verticle().metrics().rejections("SPOOFED_ID")).isGreaterThanOrEqualTo(3);
    }
}
