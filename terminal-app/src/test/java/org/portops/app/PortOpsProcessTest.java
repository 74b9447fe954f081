package org.portops.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code portops run} as its own process, the way {@code ./portops run} starts it: stopped by SIGTERM
 * it shuts down in reverse order; killed with SIGKILL, the next start recovers its PostgreSQL.
 */
class PortOpsProcessTest {

    private static final Pattern STARTED = Pattern.compile("PortOps started in [0-9.]+ s — http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dataDir;

    @Test
    void sigtermStopsEverythingInReverseOrder() throws Exception {
        Launcher launcher = Launcher.start(dataDir);

        assertThat(health(launcher.httpPort)).isEqualTo(200);
        launcher.process.destroy();

        assertThat(launcher.process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
        launcher.drained();
        String log = launcher.log.toString();
        assertThat(log).contains("Stopping PortOps").contains("PortOps stopped in");
        assertThat(List.of("HTTP server stopped", "Vert.x stopped", "Hazelcast stopped", "MQTT broker stopped",
                "PostgreSQL stopped"))
                .allSatisfy(line -> assertThat(log).contains(line))
                .isSortedAccordingTo((a, b) -> Integer.compare(log.indexOf(a), log.indexOf(b)));
    }

    @Test
    void startAfterSigkillStopsTheLeftoverPostgresAndRuns() throws Exception {
        Launcher killed = Launcher.start(dataDir);
        killed.process.destroyForcibly();
        assertThat(killed.process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Launcher next = Launcher.start(dataDir);
        try {
            assertThat(next.log.toString()).contains("Stopping PostgreSQL (pid")
                    .contains("left running in " + dataDir.resolve("postgres"));
            assertThat(health(next.httpPort)).isEqualTo(200);
        } finally {
            next.process.destroy();
            next.process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static int health(int port) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A {@code run} process on the test's class path, with this JVM's module flags. */
    private static final class Launcher {
        final Process process;
        final StringBuffer log = new StringBuffer();
        final Thread reader;
        int httpPort;

        private Launcher(Process process) {
            this.process = process;
            this.reader = Thread.ofPlatform().daemon().start(this::readLog);
        }

        static Launcher start(Path dataDir) throws Exception {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElseThrow());
            ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(a -> a.startsWith("--add-") || a.startsWith("--enable-native-access")
                            || a.startsWith("--sun-misc-unsafe") || a.startsWith("-Djava.io.tmpdir")
                            || a.startsWith("-Dhazelcast") || a.startsWith("-Duser.timezone"))
                    .forEach(command::add);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), PortOpsCli.class.getName(), "run",
                    "--data-dir", dataDir.toString(), "--http-port", "0", "--pg-port", "0", "--mqtt-port", "0",
                    "--hz-port", Integer.toString(FreePorts.next()), "--cluster-name", "process-" + ProcessHandle.current().pid()));
            Launcher launcher = new Launcher(new ProcessBuilder(command).redirectErrorStream(true).start());
            launcher.awaitStarted();
            return launcher;
        }

        private void readLog() {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    log.append(line).append('\n');
                }
            } catch (IOException e) {
                log.append("log reader stopped: ").append(e).append('\n');
            }
        }

        private void awaitStarted() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                Matcher started = STARTED.matcher(log);
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
            throw new AssertionError("PortOps did not start:\n" + log);
        }

        void drained() throws InterruptedException {
            reader.join(10_000);
        }
    }
}
