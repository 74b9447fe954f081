package org.portops.bench.ingest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.portops.ingest.broker.EmbeddedBroker;

/**
 * The MQTT broker of one part of the run, on a free loopback port: HiveMQ CE as the launcher embeds it ({@link EmbeddedBroker})
 * in this JVM or in a JVM of its own, or Debian's mosquitto as a child process with a generated configuration (its defaults otherwise, persistence off).
 *
 * @param name {@code hivemq}, {@code hivemq-process} (either with {@code @N}: an in-flight window of N;
 *             {@code hivemq-process} also with {@code [OPTIONS]}: more options for its JVM, which the launcher does not add) or
 *             {@code mosquitto}
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

    /** Refuses a broker name {@link #start} does not know, saying which ones it knows. */
    static void check(String name) {
        String bare = withoutJvmOptions(name);
        String kind = kind(bare);
        if (!List.of("hivemq", "hivemq-process", "mosquitto").contains(kind)
                || (!kind.equals(bare) && (kind.equals("mosquitto") || window(bare) == null))
                || (name.contains("[") && (jvmOptions(name) == null || !kind.equals("hivemq-process")))) {
            throw new IllegalArgumentException("--broker takes hivemq, hivemq-process (either with @N, an in-flight "
                    + "window of 1..65535 messages; hivemq-process also with [OPTIONS], its JVM's options separated "
                    + "by spaces), mosquitto, both or a comma-separated list; '" + name + "' is none of them");
        }
    }

    /** The name without its {@code [OPTIONS]}. */
    private static String withoutJvmOptions(String name) {
        int open = name.indexOf('[');
        return open < 0 ? name : name.substring(0, open);
    }

    /** The broker JVM's options of {@code hivemq-process[OPTIONS]}, or null when the name gives none. */
    private static List<String> jvmOptions(String name) {
        int open = name.indexOf('[');
        if (open < 0 || !name.endsWith("]")) {
            return null;
        }
        String options = name.substring(open + 1, name.length() - 1).strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    private static String kind(String name) {
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(0, at);
    }

    private static Integer window(String name) {
        try {
            int window = Integer.parseInt(name.substring(name.indexOf('@') + 1));
            return window >= 1 && window <= 65_535 ? window : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * @param hiveMqPollBatch diagnostic: HiveMQ's internal poll batch size, or null for its own (50)
     */
    static BenchBroker start(String name, Path folder, Integer hiveMqPollBatch) throws IOException,
            InterruptedException {
        check(name);
        String bare = withoutJvmOptions(name);
        String kind = kind(bare);
        if (kind.equals("mosquitto")) {
            return mosquitto(Files.createDirectories(folder.resolve("mosquitto")));
        }
        EmbeddedBroker.Delivery delivery = new EmbeddedBroker.Delivery(
                kind.equals(bare) ? EmbeddedBroker.Delivery.HIVEMQ_DEFAULTS.inflightWindow() : window(bare),
                hiveMqPollBatch == null ? EmbeddedBroker.Delivery.HIVEMQ_DEFAULTS.pollBatch() : hiveMqPollBatch);
        Path brokerFolder = folder.resolve(name.replaceAll("[^A-Za-z0-9.=+-]+", "-"));
        List<String> options = jvmOptions(name);
        EmbeddedBroker broker = kind.equals("hivemq")
                ? EmbeddedBroker.start(brokerFolder, 0, false, delivery)
                : EmbeddedBroker.startProcess(brokerFolder, 0, delivery, null,
                        options == null ? List.of() : options);
        return new BenchBroker(name, broker.port(), kind.equals("hivemq") ? null : broker.process().pid(),
                broker::close);
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
