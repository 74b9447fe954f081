package org.portops.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
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
    void embeddedPostgresAndBrokerKeepTheirDataAcrossARestart() throws Exception {
        int pgPort = FreePorts.next();
        int mqttPort = FreePorts.next();
        PortOps first = Launch.start(Launch.isolated(dataDir, pgPort, mqttPort));
        try {
            try (Connection db = postgres(pgPort); Statement sql = db.createStatement()) {
                sql.execute("CREATE TABLE restart_probe (id int PRIMARY KEY, note text)");
                sql.execute("INSERT INTO restart_probe VALUES (1, 'written before the restart')");
            }
            publishRetained(mqttPort, "online");
        } finally {
            first.stop();
        }

        PortOps second = Launch.start(Launch.isolated(dataDir, pgPort, mqttPort));
        try {
            try (Connection db = postgres(pgPort); Statement sql = db.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT note FROM restart_probe WHERE id = 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("written before the restart");
            }
            assertThat(retained(mqttPort)).isEqualTo("online");
            assertThat(Launch.get(second, "/health").statusCode()).isEqualTo(200);
        } finally {
            second.stop();
        }
    }

    @Test
    void moveDoneThroughTheLiveYardSurvivesARestart() throws Exception {
        int pgPort = FreePorts.next();
        MoveResult.Accepted moved;
        PortOps first = Launch.start(Launch.isolated(dataDir, pgPort, 0));
        try {
            moved = YardMoves.shiftOneContainer(first.liveYard(), "A01");
        } finally {
            first.stop();
        }

        PortOps second = Launch.start(Launch.isolated(dataDir, pgPort, 0));
        try {
            ContainerView found = second.liveYard().reader().container(moved.event().container())
                    .await(30, TimeUnit.SECONDS).orElseThrow();
            assertThat(found.location()).isEqualTo(moved.event().to());
            assertThat(found.sequence()).isEqualTo(moved.sequence());
            assertThat(second.liveYard().startup().seeded()).as("the restart replays, it does not seed again")
                    .isFalse();
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

    private static Connection postgres(int port) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
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
