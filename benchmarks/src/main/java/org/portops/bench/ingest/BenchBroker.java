package org.portops.bench.ingest;

import com.hivemq.configuration.service.InternalConfigurations;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.portops.ingest.broker.EmbeddedBroker;

/**
 * The MQTT broker of one part of the run, on a free loopback port: HiveMQ CE as the launcher embeds it ({@link EmbeddedBroker})
 * in this JVM or in a JVM of its own, or Debian's mosquitto as a child process with a generated configuration (its defaults otherwise, persistence off).
 *
 * @param name {@code hivemq}, {@code hivemq-process} or {@code mosquitto}
 * @param pid the broker's process when it runs as one, or null when it runs in this JVM
 */
record BenchBroker(String name, int port, Long pid, Stopper stopper) implements AutoCloseable {

    static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    /** How a broker is stopped. */
    @FunctionalInterface
    interface Stopper {
        void stop() throws Exception;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            stopper.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException(name + " did not stop", e);
        }
    }

    static boolean mosquittoInstalled() {
        return Files.isExecutable(MOSQUITTO);
    }

    /**
     * @param hiveMqPollBatch diagnostic: HiveMQ's internal poll batch size, or null for its own (50); for the HiveMQ
     *                        in this JVM only
     */
    static BenchBroker start(String name, Path folder, Integer hiveMqPollBatch) throws IOException,
            InterruptedException {
        if (hiveMqPollBatch != null) {
            InternalConfigurations.PUBLISH_POLL_BATCH_SIZE = hiveMqPollBatch;
        }
        return switch (name) {
            case "hivemq" -> hiveMq(name, folder.resolve("hivemq"), false);
            case "hivemq-process" -> hiveMq(name, folder.resolve("hivemq-process"), true);
            case "mosquitto" -> mosquitto(Files.createDirectories(folder.resolve("mosquitto")));
            default -> throw new IllegalArgumentException("unknown broker " + name
                    + ": hivemq, hivemq-process or mosquitto");
        };
    }

    /**
     * HiveMQ as PortOps embeds it ({@link EmbeddedBroker}), in this JVM or, as the launcher runs it by default, in a
     * JVM of its own.
     */
    private static BenchBroker hiveMq(String name, Path folder, boolean ownProcess) throws IOException,
            InterruptedException {
        EmbeddedBroker broker = EmbeddedBroker.start(folder, 0, ownProcess);
        return new BenchBroker(name, broker.port(), ownProcess ? broker.process().pid() : null, broker::close);
    }

    private static BenchBroker mosquitto(Path folder) throws IOException, InterruptedException {
        int port = freePort();
        Path config = folder.resolve("mosquitto.conf");
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        Process process = new ProcessBuilder(MOSQUITTO.toString(), "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("mosquitto.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listening(port) && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(50);
        }
        if (!listening(port)) {
            process.destroy();
            throw new IOException("mosquitto did not listen on 127.0.0.1:" + port + "; see " + folder
                    .resolve("mosquitto.log"));
        }
        return new BenchBroker("mosquitto", port, process.pid(), () -> {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }
}
