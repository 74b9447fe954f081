package org.portops.state.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portops.state.YardMaps;
import org.portops.state.custody.TrackedContainer;
import org.portops.state.testsupport.TestDatabase;
import org.portops.state.testsupport.TestHazelcast;
import org.portops.state.testsupport.TestPostgres;

/**
 * The yard's writer in a JVM of its own, killed with SIGKILL while it moves containers: the other node's JVM takes the
 * {@code yard-writer} lease within ttl + ttl/3 (+ its rebuild), every move the killed writer acknowledged is in the
 * live yard it rebuilt (read from a third member, in the test's JVM), the blocks hold no broken invariant, and the new
 * writer's moves follow in the log.
 */
class YardWriterProcessTest {

    private static final Pattern ACK = Pattern.compile("^ACK (\\S+) (\\S+) (\\d+)\\n", Pattern.MULTILINE);
    private static final Duration TTL = Duration.ofSeconds(2);
    private static final int MOVES_AFTER_TAKEOVER = 10;

    @TempDir
    Path logs;

    private TestDatabase database;
    private HazelcastInstance observer;
    private final List<Node> nodes = new ArrayList<>();

    @BeforeEach
    void start() {
        database = TestPostgres.newDatabase(TestPostgres.any());
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Node node : nodes) {
            node.process.destroyForcibly();
            node.process.waitFor(30, TimeUnit.SECONDS);
        }
        if (observer != null) {
            observer.shutdown();
        }
        database.drop();
    }

    @Test
    void theNextWriterTakesOverAfterTheWritersSigkillWithEveryAcknowledgedMove() throws Exception {
        long seed = System.nanoTime();
        String cluster = TestHazelcast.uniqueClusterName("writer-process");
        observer = TestHazelcast.member(cluster);
        Node first = Node.start(database, "node-1", cluster, "open", 0, seed, logs);
        nodes.add(first);
        Node second = Node.start(database, "node-2", cluster, "join", MOVES_AFTER_TAKEOVER, seed + 1, logs);
        nodes.add(second);
        first.await("WRITING", Duration.ofSeconds(90));
        second.await("READY", Duration.ofSeconds(90));
        second.process.getOutputStream().write("stand\n".getBytes(StandardCharsets.UTF_8));
        second.process.getOutputStream().flush();
        first.awaitAcks(20, Duration.ofSeconds(30));

        long killedAt = System.nanoTime();
        first.process.destroyForcibly();
        assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        second.await("WRITING", TTL.plus(TTL.dividedBy(3)).plusSeconds(10));
        long takeoverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
        second.await("DONE", Duration.ofSeconds(30));

        List<Ack> killedAcks = first.acks();
        List<Ack> nextAcks = second.acks();
        assertThat(nextAcks).hasSize(MOVES_AFTER_TAKEOVER);
        assertThat(nextAcks.getFirst().sequence()).isGreaterThan(killedAcks.getLast().sequence());
        Map<String, String> lastAcked = new LinkedHashMap<>();
        killedAcks.forEach(ack -> lastAcked.put(ack.container(), ack.to()));
        nextAcks.forEach(ack -> lastAcked.put(ack.container(), ack.to()));
        YardMaps maps = YardMaps.of(observer);
        lastAcked.forEach((container, to) -> {
            TrackedContainer tracked = maps.containers().get(container);
            assertThat(tracked).as("acknowledged move of %s, seed %d", container, seed).isNotNull();
            assertThat(tracked.location().toString()).as("acknowledged move of %s, seed %d", container, seed)
                    .isEqualTo(to);
        });
        maps.blocks().values().forEach(block -> assertThat(block.violations()).as("block %s", block.block()).isEmpty());
        List<Long> logged = loggedSequences();
        killedAcks.forEach(ack -> assertThat(logged).contains(ack.sequence()));
        System.err.printf("yard writer takeover after SIGKILL: %d ms (ttl %d ms), %d acknowledged moves kept%n",
                takeoverMillis, TTL.toMillis(), killedAcks.size());
    }

    private List<Long> loggedSequences() throws Exception {
        List<Long> sequences = new ArrayList<>();
        try (Connection jdbc = database.jdbc(); Statement statement = jdbc.createStatement();
             ResultSet rows = statement.executeQuery("select seq from move_log where kind = 'YARD_SHIFT'")) {
            while (rows.next()) {
                sequences.add(rows.getLong(1));
            }
        }
        return sequences;
    }

    private record Ack(String container, String to, long sequence) {
    }

    /** A {@link YardWriterProcessMain} JVM on the test's class path, its output in a file. */
    private record Node(String id, Process process, Path logFile) {

        static Node start(TestDatabase database, String id, String cluster, String mode, int moves, long seed,
                          Path logs) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElseThrow());
            ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(a -> a.startsWith("--add-") || a.startsWith("--enable-native-access")
                            || a.startsWith("--sun-misc-unsafe") || a.startsWith("-Djava.io.tmpdir")
                            || a.startsWith("-Duser.timezone") || a.startsWith("-Djava.util.concurrent"))
                    .forEach(command::add);
            command.addAll(List.of("-Xmx192m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    YardWriterProcessMain.class.getName(), database.jdbcUrl(), database.user(), database.password(),
                    id, Long.toString(TTL.toMillis()), cluster, mode, Integer.toString(moves), Long.toString(seed)));
            Path logFile = logs.resolve(id + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile())
                    .start();
            return new Node(id, process, logFile);
        }

        void await(String line, Duration within) throws Exception {
            Pattern pattern = Pattern.compile("^" + line + "$", Pattern.MULTILINE);
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                if (pattern.matcher(log()).find()) {
                    return;
                }
                Thread.sleep(20);
            }
            throw new AssertionError(id + " did not print " + line + " within " + within.toMillis() + " ms\n" + log());
        }

        void awaitAcks(int count, Duration within) throws Exception {
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                if (acks().size() >= count) {
                    return;
                }
                Thread.sleep(20);
            }
            throw new AssertionError(id + " acknowledged fewer than " + count + " moves\n" + log());
        }

        /** The moves this node acknowledged, in order (complete lines only). */
        List<Ack> acks() throws IOException {
            List<Ack> acks = new ArrayList<>();
            Matcher matcher = ACK.matcher(log());
            while (matcher.find()) {
                acks.add(new Ack(matcher.group(1), matcher.group(2), Long.parseLong(matcher.group(3))));
            }
            return acks;
        }

        String log() throws IOException {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        }
    }
}
