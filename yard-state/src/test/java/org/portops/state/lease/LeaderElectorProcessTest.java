package org.portops.state.lease;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portops.state.testsupport.TestDatabase;
import org.portops.state.testsupport.TestPostgres;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portops.state.testsupport.Await.await;

/**
 * Three nodes in three JVMs on loopback against one PostgreSQL: the leader is killed with SIGKILL, another leads
 * within 10 s, and the killed leader's token can write no more.
 */
class LeaderElectorProcessTest {

    private static final Pattern ELECTED = Pattern.compile("^ELECTED (\\d+)$", Pattern.MULTILINE);
    private static final Duration TTL = Duration.ofSeconds(3);

    @TempDir
    Path logs;

    private TestDatabase database;
    private Vertx vertx;
    private Pool pool;
    private final List<Node> nodes = new ArrayList<>();

    @BeforeEach
    void start() throws SQLException {
        database = TestPostgres.newDatabase(TestPostgres.any());
        vertx = Vertx.vertx();
        pool = database.pool(vertx);
        try (Connection jdbc = database.jdbc(); Statement statement = jdbc.createStatement()) {
            statement.execute("create table plan_write (seq bigserial primary key, token bigint not null, node text not null)");
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Node node : nodes) {
            node.process.destroyForcibly();
            node.process.waitFor(30, TimeUnit.SECONDS);
        }
        await(pool.close());
        await(vertx.close());
        database.drop();
    }

    @Test
    void anotherNodeLeadsWithin10SecondsOfTheLeaderBeingKilledAndTheKilledTokenCannotWrite() throws Exception {
        for (String id : List.of("node-1", "node-2", "node-3")) {
            nodes.add(Node.start(database, id, logs));
        }
        Node leader = awaitSingleElected(nodes, Duration.ofSeconds(90));
        long killedToken = leader.lastToken();
        awaitWritesOf(killedToken, Duration.ofSeconds(30));

        long killedAt = System.nanoTime();
        leader.process.destroyForcibly();
        assertThat(leader.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<Node> survivors = nodes.stream().filter(n -> n != leader).toList();
        Node next = awaitSingleElected(survivors, Duration.ofSeconds(10));
        long takeoverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
        long nextToken = next.lastToken();
        awaitWritesOf(nextToken, Duration.ofSeconds(30));

        assertThat(takeoverMillis).as("takeover after SIGKILL, ms").isLessThanOrEqualTo(10_000);
        assertThat(nextToken).isGreaterThan(killedToken);
        Lease killedTerm = new Lease(new PlannerName("crane-scheduler"), new NodeId(leader.id), killedToken,
                Instant.now(), TTL);
        PlannerLease leases = new PlannerLease(pool);
        assertThatThrownBy(() -> await(leases.fencedWrite(killedTerm, connection -> connection
                        .preparedQuery("insert into plan_write (token, node) values ($1, $2)")
                        .execute(Tuple.of(killedToken, leader.id)))))
                .isInstanceOf(LeaseLostException.class)
                .extracting(e -> ((LeaseLostException) e).refusal())
                .isEqualTo(new LeaseRefusal.Superseded(nextToken, new NodeId(next.id)));
        List<Long> tokens = writtenTokens();
        assertThat(tokens).as("plan writes in commit order").isSorted();
        assertThat(tokens.getLast()).isEqualTo(nextToken);
        System.err.printf("takeover after SIGKILL: %d ms (ttl %d ms)%n", takeoverMillis, TTL.toMillis());
    }

    private static Node awaitSingleElected(List<Node> candidates, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            List<Node> elected = new ArrayList<>();
            for (Node node : candidates) {
                if (node.lastToken() > 0) {
                    elected.add(node);
                }
            }
            if (elected.size() == 1) {
                return elected.getFirst();
            }
            assertThat(elected).as("nodes that announced a term").hasSizeLessThanOrEqualTo(1);
            Thread.sleep(50);
        }
        StringBuilder logs = new StringBuilder();
        for (Node node : candidates) {
            logs.append("--- ").append(node.id).append('\n').append(node.log());
        }
        throw new AssertionError("no node elected within " + within.toMillis() + " ms\n" + logs);
    }

    private void awaitWritesOf(long token, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (writtenTokens().contains(token)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no plan written under token " + token + " within " + within.toMillis() + " ms");
    }

    private List<Long> writtenTokens() throws SQLException {
        List<Long> tokens = new ArrayList<>();
        try (Connection jdbc = database.jdbc(); Statement statement = jdbc.createStatement();
             ResultSet rows = statement.executeQuery("select token from plan_write order by seq")) {
            while (rows.next()) {
                tokens.add(rows.getLong(1));
            }
        }
        return tokens;
    }

    /** An {@link ElectionProcessMain} JVM on the test's class path, its output in a file. */
    private record Node(String id, Process process, Path logFile) {

        static Node start(TestDatabase database, String id, Path logs) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElseThrow());
            ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(a -> a.startsWith("--add-") || a.startsWith("--enable-native-access")
                            || a.startsWith("--sun-misc-unsafe") || a.startsWith("-Djava.io.tmpdir")
                            || a.startsWith("-Duser.timezone"))
                    .forEach(command::add);
            command.addAll(List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    ElectionProcessMain.class.getName(), database.jdbcUrl(), database.user(), database.password(), id,
                    Long.toString(TTL.toMillis())));
            Path logFile = logs.resolve(id + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile())
                    .start();
            return new Node(id, process, logFile);
        }

        /** The token of the last term this node announced, 0 if none. */
        long lastToken() throws IOException {
            Matcher matcher = ELECTED.matcher(log());
            long token = 0;
            while (matcher.find()) {
                token = Long.parseLong(matcher.group(1));
            }
            return token;
        }

        String log() throws IOException {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        }
    }
}
