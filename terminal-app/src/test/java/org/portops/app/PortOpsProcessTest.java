package org.portops.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code portops run} as its own process, the way {@code ./portops run} starts it: stopped by SIGTERM
 * it shuts down in reverse order; killed with SIGKILL while a machine publishes QoS 1 events, the next start
 * recovers its PostgreSQL and every event the broker acknowledged to the machine is stored, once.
 */
class PortOpsProcessTest {

    private static final Pattern STARTED =
            Pattern.compile("PortOps started in [0-9.]+ s — http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dataDir;

    @Test
    void sigtermStopsEverythingInReverseOrder() throws Exception {
        Launcher launcher = Launcher.start(dataDir);

        assertThat(health(launcher.httpPort)).isEqualTo(200);
        launcher.process.destroy();

        assertThat(launcher.process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
        String log = launcher.log();
        assertThat(log).contains("Stopping PortOps").contains("PortOps stopped in");
        assertThat(List.of("HTTP server stopped", "Telemetry ingest stopped", "Live yard stopped", "Vert.x stopped", "Hazelcast stopped",
                "MQTT broker stopped", "PostgreSQL stopped"))
                .allSatisfy(line -> assertThat(log).contains(line))
                .isSortedAccordingTo((a, b) -> Integer.compare(log.indexOf(a), log.indexOf(b)));
    }

    @Test
    void startAfterSigkillMidStreamStopsTheLeftoverPostgresAndLosesNoAcknowledgedEvent() throws Exception {
        int pgPort = FreePorts.next();
        int mqttPort = FreePorts.next();
        Launcher killed = Launcher.start(dataDir, pgPort, mqttPort);
        // Its only child JVM (PostgreSQL's processes are not Java); /proc shows the first 4 KiB of a command line
        // only, so the class path hides the main class.
        List<ProcessHandle> children = killed.process.toHandle().children()
                .filter(child -> child.info().command().orElse("").endsWith("/java")).toList();
        assertThat(children).as("the embedded broker's JVM").hasSize(1);
        try (QosMachine machine = new QosMachine("tcp://127.0.0.1:" + mqttPort, "NQCT", "QC03")) {
            machine.publish(20, 5);
            // the machine goes on publishing while PortOps is killed and started again
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
                try {
                    machine.publish(40, 50);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            killed.process.destroyForcibly();
            assertThat(killed.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (ProcessHandle child : children) {
                assertThat(child.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).get())
                        .as("the broker's JVM (pid %s) of the killed PortOps ended by itself", child.pid()).isNotNull();
            }

            Launcher next = Launcher.start(dataDir, pgPort, mqttPort);
            try {
                assertThat(next.log()).contains("Stopping PostgreSQL (pid")
                        .contains("left running in " + dataDir.resolve("postgres"));
                assertThat(health(next.httpPort)).isEqualTo(200);
                publishing.get(90, TimeUnit.SECONDS);
                Eventually.eventually(Duration.ofSeconds(60), Duration.ofMillis(200), () ->
                        assertThat(storedEvents(pgPort, "QC03")).containsAll(machine.acknowledged()));
                assertThat(machine.acknowledged()).as("events acknowledged across the kill").hasSizeGreaterThan(20);
            } finally {
                next.process.destroy();
                next.process.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    /** The sequence numbers of {@code machine}'s events in the embedded PostgreSQL, each once (or a failure). */
    private static List<Long> storedEvents(int pgPort, String machine) throws Exception {
        List<Long> sequences = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort
                + "/postgres", "postgres", ""); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select sequence from telemetry_event where machine_id = '"
                     + machine + "' order by sequence")) {
            while (rows.next()) {
                sequences.add(rows.getLong(1));
            }
        }
        assertThat(sequences).as("each event stored once").doesNotHaveDuplicates();
        return sequences;
    }

    private static int health(int port) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(10)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A {@code run} process on the test's class path, with this JVM's module flags, logging to a file. */
    private static final class Launcher {
        final Process process;
        final Path logFile;
        int httpPort;

        private Launcher(Process process, Path logFile) {
            this.process = process;
            this.logFile = logFile;
        }

        static Launcher start(Path dataDir) throws Exception {
            return start(dataDir, 0, 0);
        }

        /** With PostgreSQL and the broker on fixed ports (0: any), which a restart must find again. */
        static Launcher start(Path dataDir, int pgPort, int mqttPort) throws Exception {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElseThrow());
            ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(a -> a.startsWith("--add-") || a.startsWith("--enable-native-access")
                            || a.startsWith("--sun-misc-unsafe") || a.startsWith("-Djava.io.tmpdir")
                            || a.startsWith("-Dhazelcast") || a.startsWith("-Duser.timezone"))
                    .forEach(command::add);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), PortOpsCli.class.getName(), "run",
                    "--data-dir", dataDir.toString(), "--http-port", "0", "--pg-port", Integer.toString(pgPort),
                    "--mqtt-port", Integer.toString(mqttPort),
                    "--hz-port", Integer.toString(FreePorts.next()),
                    "--cluster-name", "process-" + ProcessHandle.current().pid()));
            Path logFile = Files.createTempFile(dataDir.getParent(), "portops-run-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile()).start();
            Launcher launcher = new Launcher(process, logFile);
            launcher.awaitStarted();
            return launcher;
        }

        String log() throws IOException {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        }

        private void awaitStarted() throws InterruptedException, IOException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                Matcher started = STARTED.matcher(log());
                if (started.find()) {
                    httpPort = Integer.parseInt(started.group(1));
                    return;
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
            process.destroyForcibly();
            throw new AssertionError("PortOps did not start:\n" + log());
        }
    }
}
