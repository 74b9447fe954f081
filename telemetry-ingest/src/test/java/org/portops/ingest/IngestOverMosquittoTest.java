package org.portops.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.portops.ingest.IngestHarness.eventually;
import static org.portops.state.testsupport.Await.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.Position;
import org.portops.model.telemetry.TelemetryTopic;
import org.portops.state.testsupport.TestLayouts;

/** The ingest against Debian's mosquitto (skipped when it is not installed): shared subscriptions, QoS 1 events. */
class IngestOverMosquittoTest {

    @TempDir
    static Path folder;
    private static Brokers.Broker broker;
    private static IngestHarness harness;

    @BeforeAll
    static void start() throws Exception {
        broker = Brokers.mosquitto(folder);
        assumeTrue(broker != null, "Debian mosquitto not installed at " + Brokers.MOSQUITTO
                + " (apt-get install mosquitto) or it did not start; skipping the mosquitto ingest test");
        harness = new IngestHarness(broker.url(), TestLayouts.small(), Clock.systemUTC(), Clock.systemUTC());
        harness.deploy(harness.config());
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
    void readingsUpdateStateEventsAreStoredAndForgeriesQuarantined() throws Exception {
        MqttClient machine = harness.client("machine");
        for (int i = 1; i <= 3; i++) {
            harness.publish(machine, Messages.reading("RTG01", EquipmentKind.RTG, i, Instant.now(),
                    new Position(60 + i, 120), 0.5));
        }
        harness.publish(machine, Messages.fault("RTG01", 4, Instant.now(), "HOIST_OVERLOAD"));
        IngestHarness.publish(machine, Messages.topic("TEST", "RTG01", TelemetryTopic.STATE),
                Messages.encode(Messages.reading("RTG02", EquipmentKind.RTG, 9, Instant.now(), new Position(60, 120),
                        0)), 0);
        eventually(Duration.ofSeconds(10), () -> assertThat(await(harness.yard.reader()
                .equipment(new EquipmentId("RTG01")))).map(EquipmentState::position).contains(new Position(63, 120)));
        eventually(Duration.ofSeconds(10), () -> assertThat(harness.query("select type, outcome from telemetry_event "
                + "where machine_id = 'RTG01'")).containsExactly(List.of("faultRaised", "RECORDED")));
        eventually(Duration.ofSeconds(10), () -> assertThat(harness.query("select reason_code from "
                + "telemetry_quarantine")).containsExactly(List.of("SPOOFED_ID")));
    }
}
