package org.portops.ingest;

import static org.portops.state.testsupport.Await.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.telemetry.TelemetryMessage;
import org.portops.model.telemetry.Topic;
import org.portops.state.LiveYard;
import org.portops.state.testsupport.TestDatabase;
import org.portops.state.testsupport.TestHazelcast;
import org.portops.state.testsupport.TestPostgres;

/**
 * Everything an ingest test runs against, all real: a Vert.x instance, a Hazelcast member, a fresh migrated
 * PostgreSQL database, the live yard opened on them, and the ingest verticle deployed against a real broker.
 */
final class IngestHarness implements AutoCloseable {

    final Vertx vertx = Vertx.vertx();
    final HazelcastInstance hazelcast;
    final TestDatabase database;
    final Pool pool;
    final LiveYard yard;
    final TerminalLayout layout;
    final String brokerUrl;
    final Clock clock;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final String clientIdPrefix = "ingest-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<MqttClient> clients = new ArrayList<>();
    private String deployment;
    private IngestVerticle verticle;

    IngestHarness(String brokerUrl, TerminalLayout layout, Clock yardClock, Clock ingestClock) {
        this.brokerUrl = brokerUrl;
        this.layout = layout;
        this.clock = ingestClock;
        this.hazelcast = loneMember();
        this.database = TestPostgres.newDatabase(TestPostgres.embedded());
        this.pool = database.pool(vertx);
        this.yard = await(LiveYard.open(vertx, hazelcast, pool, layout, yardClock));
    }

    /**
     * A Hazelcast member that forms its cluster alone at once. With TCP join on, as {@link TestHazelcast#member}
     * starts one, it first asks every member on 127.0.0.1:5701.. (other tests' and other builds' clusters) and waits
     * for their refusals, seconds on a busy machine; an ingest test never has a second member.
     */
    private static HazelcastInstance loneMember() {
        Config config = TestHazelcast.config(TestHazelcast.uniqueClusterName("ingest"));
        config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(false);
        return Hazelcast.newHazelcastInstance(config);
    }

    /** Test settings: a unique client id prefix, quick flushes, a short offline timeout. */
    IngestConfig config() {
        return IngestConfig.defaults(brokerUrl, layout.terminalCode()).withClientIdPrefix(clientIdPrefix)
                .withFlushInterval(Duration.ofMillis(100));
    }

    IngestVerticle deploy(IngestConfig config) {
        verticle = IngestVerticle.create(yard, pool, layout, clock, config, registry);
        deployment = await(vertx.deployVerticle(verticle));
        return verticle;
    }

    IngestVerticle verticle() {
        return verticle;
    }

    void undeploy() {
        if (deployment != null) {
            await(vertx.undeploy(deployment));
            deployment = null;
        }
    }

    /** A connected MQTT client, closed with the harness. */
    MqttClient client(String name) throws MqttException {
        MqttClient client = new MqttClient(brokerUrl, name + "-" + UUID.randomUUID().toString().substring(0, 6),
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options);
        clients.add(client);
        return client;
    }

    static void publish(MqttClient client, String topic, byte[] payload, int qos) throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(qos);
        client.publish(topic, message);
    }

    /** Publishes a contract message on its machine's topic, with the topic's QoS. */
    void publish(MqttClient client, TelemetryMessage message) throws MqttException {
        publish(client, Topic.of(layout.terminalCode(), message.machineId(), message.topic()).toString(),
                Messages.encode(message), message.topic().qos());
    }

    long count(String sql, Object... parameters) {
        return query(sql, parameters).isEmpty() ? 0 : ((Number) query(sql, parameters).getFirst().getFirst())
                .longValue();
    }

    List<List<Object>> query(String sql, Object... parameters) {
        try (Connection connection = database.jdbc(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Retries {@code assertion} until it passes or {@code within} is over (then its last failure is thrown). */
    static void eventually(Duration within, Runnable assertion) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        for (MqttClient client : clients) {
            try {
                if (client.isConnected()) {
                    client.disconnect();
                }
                client.close();
            } catch (MqttException e) {
                // The broker may already be gone.
            }
        }
        undeploy();
        await(yard.close());
        await(pool.close());
        await(vertx.close());
        hazelcast.shutdown();
        database.drop();
    }
}
