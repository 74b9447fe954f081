package org.portops.bench.ingest;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.portops.ingest.IngestConfig;
import org.portops.ingest.IngestMetrics;
import org.portops.ingest.IngestVerticle;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.layout.TerminalLayout;
import org.portops.state.Database;
import org.portops.state.LiveYard;
import org.portops.state.YardHazelcast;
import org.portops.state.YardMaps;

/**
 * PortOps as the service runs it on one node, all in this JVM except PostgreSQL: an embedded PostgreSQL (durable
 * settings), one Hazelcast member with PortOps's map configuration, a {@link LiveYard} on the (resized) sample
 * terminal, and {@link IngestVerticle} deployed with the service's default {@link IngestConfig} against one broker
 * at a time.
 */
final class PortOpsSide implements AutoCloseable {

    static final String USER = "postgres";
    private static final int POOL_SIZE = 8;

    private final EmbeddedPostgres postgres;
    private final Path postgresData;
    private final String jdbcUrl;
    private final HazelcastInstance hazelcast;
    private final Vertx vertx;
    private final Pool pool;
    private final LiveYard yard;
    private final TerminalLayout layout;
    private final Duration flushInterval;
    private final boolean sharedSubscription;

    /**
     * @param flushInterval      the ingest's flush interval, or null for the service's default
     * @param sharedSubscription whether the ingest subscribes as an MQTT 5 shared subscription (the default)
     */
    PortOpsSide(TerminalLayout layout, Path folder, Duration flushInterval, boolean sharedSubscription)
            throws IOException {
        this.layout = layout;
        this.flushInterval = flushInterval;
        this.sharedSubscription = sharedSubscription;
        postgresData = folder.resolve("pg");
        postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(Files.createDirectories(folder.resolve("pg-work")).toFile())
                .setDataDirectory(postgresData)
                .start();
        jdbcUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
        Database.migrate(jdbcUrl, USER, USER);
        hazelcast = Hazelcast.newHazelcastInstance(YardHazelcast.memberConfig("portops-bench-ingest-" + UUID.randomUUID(),
                5911, List.of("127.0.0.1")));
        vertx = Vertx.vertx();
        pool = Database.pool(vertx, jdbcUrl, USER, USER, POOL_SIZE);
        yard = await(LiveYard.open(vertx, hazelcast, pool, layout, Clock.systemUTC()));
    }

    String terminal() {
        return layout.terminalCode();
    }

    Path postgresData() {
        return postgresData;
    }

    int postgresPort() {
        return postgres.getPort();
    }

    Vertx vertx() {
        return vertx;
    }

    Pool pool() {
        return pool;
    }

    IMap<String, EquipmentState> equipment() {
        return YardMaps.of(hazelcast).equipment();
    }

    IngestConfig config(String brokerUrl, String clientIdPrefix) {
        IngestConfig config = IngestConfig.defaults(brokerUrl, layout.terminalCode()).withClientIdPrefix(clientIdPrefix);
        config = sharedSubscription ? config : config.withSharedGroup(null);
        return flushInterval == null ? config : config.withFlushInterval(flushInterval);
    }

    /**
     * Deploys an ingest against {@code brokerUrl}, counting in its own registry.
     *
     * @param readingsConnections its readings connections, or null for the service's default
     */
    Ingest deploy(String brokerUrl, String clientIdPrefix, Integer readingsConnections) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IngestConfig config = config(brokerUrl, clientIdPrefix);
        IngestVerticle verticle = IngestVerticle.create(yard, pool, layout, Clock.systemUTC(),
                readingsConnections == null ? config : config.withReadingsConnections(readingsConnections), registry);
        String deployment = await(vertx.deployVerticle(verticle));
        return new Ingest(deployment, verticle.metrics(), registry);
    }

    long count(String sql) {
        return await(pool.query(sql).execute()).iterator().next().getLong(0);
    }

    /** A deployed ingest and its meters. */
    final class Ingest implements AutoCloseable {
        private final String deployment;
        private final IngestMetrics metrics;
        private final SimpleMeterRegistry registry;

        private Ingest(String deployment, IngestMetrics metrics, SimpleMeterRegistry registry) {
            this.deployment = deployment;
            this.metrics = metrics;
            this.registry = registry;
        }

        /** State readings that passed every check. */
        long acceptedReadings() {
            Counter counter = registry.find("portops.ingest.messages.accepted").tag("topic", "state").counter();
            return counter == null ? 0 : (long) counter.count();
        }

        long rejected() {
            return (long) metrics.rejections();
        }

        /** Messages refused since the ingest started, by reason code. */
        Map<String, Long> rejectedByReason() {
            Map<String, Long> byReason = new TreeMap<>();
            registry.find("portops.ingest.messages.rejected").counters()
                    .forEach(c -> byReason.put(c.getId().getTag("reason"), (long) c.count()));
            return byReason;
        }

        /** Readings shed inbound (queue full) and before history. */
        long shed() {
            return (long) metrics.shed();
        }

        long shedInbound() {
            Counter counter = registry.find("portops.ingest.readings.shed").tag("stage", "inbound").counter();
            return counter == null ? 0 : (long) counter.count();
        }

        long historyRows() {
            Counter counter = registry.find("portops.ingest.history.rows").counter();
            return counter == null ? 0 : (long) counter.count();
        }

        /** The stage timers' percentiles now (they cover the last ~15 s). */
        StepResult.Stages stages() {
            return new StepResult.Stages(percentile(IngestMetrics.Stage.QUEUED, 0.99),
                    percentile(IngestMetrics.Stage.COALESCED, 0.99), percentile(IngestMetrics.Stage.WRITTEN, 0.99),
                    percentile(IngestMetrics.Stage.TOTAL, 0.5), percentile(IngestMetrics.Stage.TOTAL, 0.99));
        }

        private double percentile(IngestMetrics.Stage stage, double percentile) {
            for (ValueAtPercentile value : metrics.stageTimer(stage).takeSnapshot().percentileValues()) {
                if (value.percentile() == percentile) {
                    return value.value(TimeUnit.MILLISECONDS);
                }
            }
            return Double.NaN;
        }

        /** Readings the ingest has taken off the wire: checked (either way) or shed at the door. */
        long handled() {
            return acceptedReadings() + rejected() + shedInbound();
        }

        @Override
        public void close() {
            await(vertx.undeploy(deployment));
        }
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        await(yard.close());
        await(pool.close());
        await(vertx.close());
        hazelcast.shutdown();
        postgres.close();
    }
}
