package org.portops.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.app.Eventually.eventually;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.portops.app.config.ConfigResolver;
import org.portops.app.config.Setting;
import org.portops.app.infra.PostgresServer;
import org.portops.ingest.broker.EmbeddedBroker;

/**
 * Faults of issue 9 caused for real against one running PortOps, whose PostgreSQL (embedded, its own process) and
 * MQTT broker (HiveMQ in its own JVM) the test owns: PostgreSQL is stopped and started again while a machine keeps
 * publishing QoS 1 events, and the broker's JVM is killed (SIGKILL) and started again on its port and files. Each
 * time: health says what is down while it is down and UP after, and every event the broker acknowledged to the
 * machine ends up in {@code telemetry_event} exactly once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortOpsFaultTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final String TERMINAL = "NQCT";

    @TempDir
    static Path dir;
    private static Map<Setting, String> pgSettings;
    private static PostgresServer postgres;
    private static EmbeddedBroker broker;
    private static PortOps portops;

    @BeforeAll
    static void start() throws Exception {
        pgSettings = new EnumMap<>(Setting.class);
        pgSettings.put(Setting.DATA_DIR, dir.resolve("db").toString());
        pgSettings.put(Setting.PG_PORT, Integer.toString(FreePorts.next()));
        postgres = PostgresServer.start(ConfigResolver.resolve(pgSettings, Map.of()));
        broker = EmbeddedBroker.start(Files.createDirectories(dir.resolve("broker")), 0, true);
        Map<Setting, String> settings = new EnumMap<>(Setting.class);
        settings.put(Setting.DATA_DIR, dir.resolve("portops").toString());
        settings.put(Setting.HTTP_PORT, "0");
        settings.put(Setting.HZ_PORT, Integer.toString(FreePorts.next()));
        settings.put(Setting.CLUSTER_NAME, "fault-" + ProcessHandle.current().pid());
        settings.put(Setting.PG_URL, postgres.jdbcUrl());
        settings.put(Setting.PG_USER, postgres.user());
        if (!postgres.password().isEmpty()) {
            settings.put(Setting.PG_PASSWORD, postgres.password());
        }
        settings.put(Setting.MQTT_URL, broker.url());
        portops = Launch.start(settings);
    }

    @AfterAll
    static void stop() throws Exception {
        if (portops != null) {
            portops.stop();
        }
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void postgresStoppedMidStreamDegradesHealthAndLosesNoAcknowledgedEvent() throws Exception {
        try (QosMachine machine = new QosMachine(broker.url(), TERMINAL, "QC01")) {
            machine.publish(20, 10);
            eventually(WITHIN, Duration.ofMillis(100), () -> assertThat(stored("QC01")).hasSize(20));

            postgres.close();
            eventually(WITHIN, Duration.ofMillis(200), () -> {
                HttpResponse<String> health = Launch.get(portops, "/health");
                assertThat(health.statusCode()).isEqualTo(503);
                JsonObject postgresHealth = new JsonObject(health.body()).getJsonObject("checks")
                        .getJsonObject("postgres");
                assertThat(postgresHealth.getString("status")).isEqualTo("DOWN");
                assertThat(postgresHealth.getString("detail")).isNotBlank();
            });
            machine.publish(30, 10);
            // the broker holds them: acknowledged to the machine, not yet to PortOps, which has nowhere to put them
            eventually(WITHIN, Duration.ofMillis(100), () -> assertThat(machine.acknowledged()).hasSize(50));

            postgres = PostgresServer.start(ConfigResolver.resolve(pgSettings, Map.of()));
            machine.publish(20, 10);
            eventually(WITHIN, Duration.ofMillis(200), () ->
                    assertThat(Launch.get(portops, "/health").statusCode()).isEqualTo(200));
            eventually(WITHIN, Duration.ofMillis(200), () -> assertThat(stored("QC01"))
                    .containsAll(machine.acknowledged()));
            assertThat(machine.acknowledged()).hasSize(70);
            assertThat(count("select count(*) from telemetry_event where machine_id = 'QC01'"))
                    .as("each event stored once").isEqualTo(stored("QC01").size());
        }
    }

    @Test
    @Order(2)
    void brokerKilledMidStreamAndRestartedLosesNoAcknowledgedEvent() throws Exception {
        try (QosMachine machine = new QosMachine(broker.url(), TERMINAL, "QC02")) {
            machine.publish(30, 10);
            int port = broker.port();
            ProcessHandle brokerJvm = broker.process();
            brokerJvm.destroyForcibly();
            assertThat(brokerJvm.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
            eventually(WITHIN, Duration.ofMillis(200), () -> {
                HttpResponse<String> health = Launch.get(portops, "/health");
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(new JsonObject(health.body()).getJsonObject("checks").getJsonObject("mqtt")
                        .getString("status")).isEqualTo("DOWN");
            });
            broker = EmbeddedBroker.start(dir.resolve("broker"), port, true);
            long started = System.nanoTime();
            machine.publish(30, 10);
            eventually(WITHIN, Duration.ofMillis(100), () -> assertThat(machine.acknowledged(60)).isTrue());
            long firstAckAfterRestart = (System.nanoTime() - started) / 1_000_000;
            eventually(WITHIN, Duration.ofMillis(200), () ->
                    assertThat(Launch.get(portops, "/health").statusCode()).isEqualTo(200));
            eventually(WITHIN, Duration.ofMillis(200), () -> assertThat(stored("QC02"))
                    .containsAll(machine.acknowledged()));
            assertThat(machine.acknowledged()).as("events acknowledged, the last %d ms after the restart",
                    firstAckAfterRestart).hasSizeGreaterThanOrEqualTo(30);
            assertThat(count("select count(*) from telemetry_event where machine_id = 'QC02'"))
                    .as("each event stored once").isEqualTo(stored("QC02").size());
        }
    }

    private static Set<Long> stored(String machine) throws Exception {
        Set<Long> sequences = new TreeSet<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(),
                postgres.password()); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select sequence from telemetry_event where machine_id = '"
                     + machine + "'")) {
            while (rows.next()) {
                sequences.add(rows.getLong(1));
            }
        }
        return sequences;
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(),
                postgres.password()); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
