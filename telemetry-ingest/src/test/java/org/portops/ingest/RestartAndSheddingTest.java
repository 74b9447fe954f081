package org.portops.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.ingest.IngestHarness.eventually;
import static org.portops.state.testsupport.Await.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
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
import org.portops.state.alert.AlertFilter;
import org.portops.state.testsupport.TestLayouts;

/** QoS 1 events survive an ingest restart exactly once; under overload readings are shed and counted, events never. */
class RestartAndSheddingTest {

    @TempDir
    static Path folder;
    private static Brokers.Broker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = Brokers.hiveMq(folder);
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static final String[] MACHINES = {"QC01", "QC02", "RTG01", "RTG02", "TT001"};

    @Test
    void eventsPublishedWhileIngestRestartsAllEndUpStoredExactlyOnce() throws Exception {
        try (IngestHarness harness = new IngestHarness(broker.url(), TestLayouts.small(), Clock.systemUTC(),
                Clock.systemUTC())) {
            harness.deploy(harness.config());
            MqttClient machine = harness.client("machine");
            int total = 600;
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < total; i++) {
                        String id = MACHINES[i % MACHINES.length];
                        harness.publish(machine, Messages.fault(id, i / MACHINES.length, Instant.now(), "F" + i));
                        Thread.sleep(5);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            eventually(Duration.ofSeconds(20), () -> assertThat(harness.count("select count(*) from telemetry_event"))
                    .isGreaterThan(100));
            harness.undeploy();
            Thread.sleep(1_000);
            harness.deploy(harness.config());
            publishing.join();
            eventually(Duration.ofSeconds(30), () -> assertThat(harness.count("select count(*) from telemetry_event"))
                    .isEqualTo(total));
            assertThat(harness.count("select count(distinct (machine_id, sequence)) from telemetry_event"))
                    .isEqualTo(total);
            assertThat(harness.count("select count(*) from telemetry_event where outcome <> 'RECORDED'")).isZero();
            assertThat(harness.count("select count(*) from telemetry_quarantine")).isZero();
        }
    }

    @Test
    void underOverloadReadingsAreShedAndCountedButEventsNever() throws Exception {
        try (IngestHarness harness = new IngestHarness(broker.url(), TestLayouts.small(), Clock.systemUTC(),
                Clock.systemUTC())) {
            harness.deploy(harness.config().withQueues(1, 1, 1));
            Queue<Alert> raised = new ConcurrentLinkedQueue<>();
            harness.vertx.eventBus().<JsonObject>consumer(Addresses.ALERT_RAISED,
                    message -> raised.add(Alert.fromMap(message.body().getMap())));
            MqttClient machine = harness.client("machine");
            int events = 0;
            for (int i = 0; i < 5_000; i++) {
                String id = MACHINES[i % MACHINES.length];
                long sequence = i / MACHINES.length * 2L;
                if (i % 100 == 0) {
                    harness.publish(machine, Messages.fault(id, sequence + 1, Instant.now(), "OVERLOAD"));
                    events++;
                }
                EquipmentKind kind = id.startsWith("QC") ? EquipmentKind.QUAY_CRANE
                        : id.startsWith("RTG") ? EquipmentKind.RTG : EquipmentKind.TERMINAL_TRACTOR;
                harness.publish(machine, Messages.reading(id, kind, sequence, Instant.now(), new Position(150, 18),
                        0.0));
            }
            int published = events;
            eventually(Duration.ofSeconds(20), () -> assertThat(harness.count("select count(*) from telemetry_event"))
                    .isEqualTo(published));
            IngestMetrics metrics = harness.verticle().metrics();
            assertThat(metrics.shed()).as("readings shed").isPositive();
            assertThat(harness.count("select count(*) from telemetry_reading") + metrics.shed())
                    .isLessThanOrEqualTo(5_000);
            assertThat(metrics.shedFromHistory()).as("shed before history, its queue full").isPositive();
            assertThat(raised).filteredOn(alert -> alert.kind() == AlertKind.HISTORY_SHED).isNotEmpty()
                    .allSatisfy(alert -> assertThat(alert.text()).startsWith("telemetry history is full ("));
            eventually(Duration.ofSeconds(20), () -> assertThat(await(harness.yard.alerts().active(
                    new AlertFilter(AlertKind.HISTORY_SHED, TelemetryIngest.HISTORY))))
                    .as("cleared once history caught up").isEmpty());
        }
    }
}
