package org.portops.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portops.app.config.Setting;
import org.portops.state.ContainerView;
import org.portops.state.MoveResult;

/** A launcher restarted on the same data directory finds what the previous one stored. */
class PortOpsRestartTest {

    private static final String RETAINED_TOPIC = "portops/v1/TEST/QC01/connection";

    @TempDir
    Path dataDir;

    @Test
    void moveThroughTheLiveYardAndRetainedMessageSurviveARestart() throws Exception {
        int pgPort = FreePorts.next();
        int mqttPort = FreePorts.next();
        MoveResult.Accepted moved;
        PortOps first = Launch.start(Launch.isolated(dataDir, pgPort, mqttPort));
        try {
            moved = YardMoves.shiftOneContainer(first.liveYard(), "A01");
            publishRetained(mqttPort, "online");
        } finally {
            first.stop();
        }

        PortOps second = Launch.start(Launch.isolated(dataDir, pgPort, mqttPort));
        try {
            ContainerView found = second.liveYard().reader().container(moved.event().container())
                    .await(30, TimeUnit.SECONDS).orElseThrow();
            assertThat(found.location()).isEqualTo(moved.event().to());
            assertThat(found.sequence()).isEqualTo(moved.sequence());
            assertThat(second.liveYard().startup().seeded()).as("the restart replays, it does not seed again")
                    .isFalse();
            assertThat(retained(mqttPort)).isEqualTo("online");
            assertThat(Launch.get(second, "/health").statusCode()).isEqualTo(200);
        } finally {
            second.stop();
        }
    }

    @Test
    void secondLauncherOnADataDirectoryInUseIsRefusedAndTheFirstKeepsRunning() throws Exception {
        PortOps first = Launch.start(Launch.isolated(dataDir, FreePorts.next(), 0));
        try {
            Map<Setting, String> sameDirectory = Launch.isolated(dataDir, FreePorts.next(), 0);

            assertThatThrownBy(() -> Launch.start(sameDirectory))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("PostgreSQL did not start")
                    .hasMessageContaining(dataDir.resolve("postgres") + " is used by another PortOps");
            assertThat(Launch.get(first, "/health").statusCode()).isEqualTo(200);
        } finally {
            first.stop();
        }
    }

    private static void publishRetained(int port, String payload) throws Exception {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, "restart-writer", new MemoryPersistence());
        try {
            client.connect(new MqttConnectionOptions());
            client.publish(RETAINED_TOPIC, payload.getBytes(StandardCharsets.UTF_8), 1, true);
            client.disconnect();
        } finally {
            client.close();
        }
    }

    private static String retained(int port) throws Exception {
        BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, "restart-reader", new MemoryPersistence());
        try {
            client.connect(new MqttConnectionOptions());
            client.subscribe(new MqttSubscription[] {new MqttSubscription(RETAINED_TOPIC, 1)},
                    new IMqttMessageListener[] {(topic, message) ->
                            received.offer(new String(message.getPayload(), StandardCharsets.UTF_8))});
            String payload = received.poll(10, TimeUnit.SECONDS);
            client.disconnect();
            return payload;
        } finally {
            client.close();
        }
    }
}
