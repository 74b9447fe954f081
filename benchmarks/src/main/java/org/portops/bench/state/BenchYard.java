package org.portops.bench.state;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.portops.model.layout.TerminalLayout;
import org.portops.state.Database;
import org.portops.state.LiveYard;
import org.portops.state.YardHazelcast;
import org.portops.state.YardMaps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The real live state the benchmark runs against: an embedded PostgreSQL (durable settings, as the service runs
 * it), {@code members} Hazelcast members in this JVM with PortOps's map configuration, and a {@link LiveYard}
 * seeded with the sample terminal's inventory. Extra maps named {@code bench.*} share the yard maps' settings.
 */
public final class BenchYard implements AutoCloseable {

    static final String BENCH_PREFIX = "bench.";
    static final String BENCH_STACKS = "bench.stacks";

    private final Path dataDir;
    private final EmbeddedPostgres postgres;
    private final List<HazelcastInstance> members = new ArrayList<>();
    private final Vertx vertx;
    private final Pool pool;
    private final LiveYard yard;

    public BenchYard(TerminalLayout layout, int memberCount) throws IOException {
        dataDir = Files.createTempDirectory("portops-bench-state");
        postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(dataDir.toFile())
                .setDataDirectory(dataDir.resolve("pg"))
                .start();
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
        Database.migrate(jdbcUrl, "postgres", "postgres");
        String cluster = "portops-bench-" + UUID.randomUUID();
        for (int m = 0; m < memberCount; m++) {
            members.add(Hazelcast.newHazelcastInstance(config(cluster)));
        }
        vertx = Vertx.vertx();
        pool = Database.pool(vertx, jdbcUrl, "postgres", "postgres", 8);
        yard = LiveYard.open(vertx, members.get(0), pool, layout, Clock.systemUTC())
                .toCompletionStage().toCompletableFuture().join();
    }

    private static Config config(String cluster) {
        Config config = YardHazelcast.memberConfig(cluster, 5901, List.of("127.0.0.1"));
        for (String name : List.of(YardMaps.BLOCKS, YardMaps.CONTAINERS)) {
            config.addMapConfig(new MapConfig(config.getMapConfig(name)).setName(BENCH_PREFIX + name));
        }
        config.addMapConfig(new MapConfig(config.getMapConfig(YardMaps.CONTAINERS)).setName(BENCH_STACKS));
        return config;
    }

    HazelcastInstance hazelcast() {
        return members.get(0);
    }

    public LiveYard yard() {
        return yard;
    }

    public Vertx vertx() {
        return vertx;
    }

    public Pool pool() {
        return pool;
    }

    int members() {
        return members.size();
    }

    @Override
    public void close() throws IOException {
        yard.close().toCompletionStage().toCompletableFuture().join();
        pool.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        members.forEach(HazelcastInstance::shutdown);
        postgres.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
