package org.portops.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.ingest.IngestHarness.eventually;
import static org.portops.state.testsupport.Await.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.Position;
import org.portops.state.testsupport.TestLayouts;

/** Readings reach live state as soon as they are checked, not on the flush timer (here an hour). */
class LiveStateWithoutTimerTest {

    @TempDir
    static Path folder;
    private static Brokers.Broker broker;
    private static IngestHarness harness;

    @BeforeAll
    static void start() throws Exception {
        broker = Brokers.hiveMq(folder);
        harness = new IngestHarness(broker.url(), TestLayouts.small(), Clock.systemUTC(), Clock.systemUTC());
        harness.deploy(harness.config().withFlushInterval(Duration.ofHours(1)));
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

    @Test
    void eachReadingIsVisibleWithinMomentsWithoutWaitingForTheFlushTimer() throws Exception {
        MqttClient machine = harness.client("machine");
        for (int i = 1; i <= 3; i++) {
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            harness.publish(machine, Messages.reading("TT001", EquipmentKind.TERMINAL_TRACTOR, i, at,
                    new Position(100, 50), 0.0));
            eventually(Duration.ofSeconds(3), () -> assertThat(await(harness.yard.reader()
                    .equipment(new EquipmentId("TT001")))).map(EquipmentState::lastSeen).contains(at));
        }
        assertThat(harness.verticle().metrics().stageTimer(IngestMetrics.Stage.TOTAL).count()).isEqualTo(3);
    }
}
