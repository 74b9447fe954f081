package org.portops.ingest.broker;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.portops.ingest.tls.CertificateDirectory;

/**
 * HiveMQ Community Edition as PortOps embeds it: MQTT 5 and 3.1.1, bound to 127.0.0.1, sessions and retained messages
 * kept under its directory. Plain TCP, or with a {@link CertificateDirectory} TLS only, mutual: every client must
 * present a certificate signed by the terminal CA, and every message is stamped with that certificate's common name
 * ({@link CertificateIdentity}).
 *
 * <p>It runs in a JVM of its own by default, a child of the caller's started from the same class path
 * ({@link EmbeddedBrokerMain}): HiveMQ's threads, allocation and garbage collections then no longer share a heap and
 * safepoints with the ingest, which in one JVM on two cores stalled the ingest's event loop behind the broker's
 * collections (see docs/benchmarks.md, "bench ingest"). The child stops when its standard input closes, which
 * {@link #close()} does and which happens by itself when the parent JVM ends in any way. Or it runs inside the
 * caller's JVM.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 60;
    private static final long STOP_TIMEOUT_SECONDS = 20;
    /** The broker JVM's pid, in the broker's directory, so the next start knows a leftover one. */
    private static final String PID_FILE = "broker.pid";
    /** JVM options of PortOps's own that must not reach the broker's JVM (a debugger or agent port is taken). */
    private static final List<String> NOT_INHERITED = List.of("-agentlib", "-agentpath", "-javaagent", "-Xrunjdwp",
            "-Xdebug");
    /** The options that choose a garbage collector: an inherited one gives way to one in the broker's own options. */
    private static final List<String> COLLECTOR_CHOICES = List.of("-XX:+UseG1GC", "-XX:+UseZGC", "-XX:+UseParallelGC",
            "-XX:+UseSerialGC", "-XX:+UseShenandoahGC", "-XX:+UseEpsilonGC");

    private final int port;
    private final boolean tls;
    private final EmbeddedHiveMQ inProcess;
    private final Process process;
    private final Path directory;

    private EmbeddedBroker(int port, boolean tls, EmbeddedHiveMQ inProcess, Process process, Path directory) {
        this.port = port;
        this.tls = tls;
        this.inProcess = inProcess;
        this.process = process;
        this.directory = directory;
    }

    /**
     * How HiveMQ hands queued messages to a subscriber. Both are internals of HiveMQ CE
     * ({@code InternalConfigurations}, no configuration file or system property sets them), which PortOps may set
     * because the broker runs in a JVM it starts. HiveMQ sends a shared subscription's queued messages to a subscriber
     * in polls of {@code max(pollBatch, min(client's receive maximum, inflightWindow))} messages and polls again only
     * once the whole poll is written, so at a steady rate a reading waits up to one poll cycle in its queue.
     *
     * @param inflightWindow messages one poll may hand to a client, capped by that client's receive maximum (QoS 1
     *                       subscribers are never sent more than they allow); HiveMQ's own is 50
     * @param pollBatch      messages one poll hands to any client, whatever its receive maximum; HiveMQ's own is 50
     */
    public record Delivery(int inflightWindow, int pollBatch) {

        /** HiveMQ's own settings. */
        public static final Delivery HIVEMQ_DEFAULTS = new Delivery(50, 50);

        public Delivery {
            if (inflightWindow < 1 || inflightWindow > 65_535) {
                throw new IllegalArgumentException("in-flight window must be 1..65535 messages, was " + inflightWindow);
            }
            if (pollBatch < 1 || pollBatch > 65_535) {
                throw new IllegalArgumentException("poll batch must be 1..65535 messages, was " + pollBatch);
            }
        }

        /** Applies to every HiveMQ this JVM starts from now on (HiveMQ reads them as it delivers). */
        void apply() {
            InternalConfigurations.MAX_INFLIGHT_WINDOW_SIZE_MESSAGES = inflightWindow;
            InternalConfigurations.PUBLISH_POLL_BATCH_SIZE = pollBatch;
        }
    }

    /**
     * Starts HiveMQ on 127.0.0.1 with its files under {@code directory} and its own delivery settings.
     *
     * @param port        0 = any free port
     * @param ownProcess  in a JVM of its own (true) or in this one
     */
    public static EmbeddedBroker start(Path directory, int port, boolean ownProcess) throws IOException,
            InterruptedException {
        return start(directory, port, ownProcess, Delivery.HIVEMQ_DEFAULTS, null);
    }

    /** As {@link #start(Path, int, boolean, Delivery, CertificateDirectory)} over plain TCP. */
    public static EmbeddedBroker start(Path directory, int port, boolean ownProcess, Delivery delivery)
            throws IOException, InterruptedException {
        return start(directory, port, ownProcess, delivery, null);
    }

    /** As {@link #start(Path, int, boolean, Delivery, CertificateDirectory)} with HiveMQ's own delivery settings. */
    public static EmbeddedBroker start(Path directory, int port, boolean ownProcess, CertificateDirectory certificates)
            throws IOException, InterruptedException {
        return start(directory, port, ownProcess, Delivery.HIVEMQ_DEFAULTS, certificates);
    }

    /**
     * Starts HiveMQ on 127.0.0.1 with its files under {@code directory}, with mutual TLS when {@code certificates}
     * is given.
     *
     * @param port         0 = any free port
     * @param ownProcess   in a JVM of its own (true) or in this one (where the delivery settings then hold for every
     *                     HiveMQ of this JVM)
     * @param certificates the server certificate and the CA whose client certificates are accepted; null: plain TCP
     */
    public static EmbeddedBroker start(Path directory, int port, boolean ownProcess, Delivery delivery,
                                       CertificateDirectory certificates) throws IOException, InterruptedException {
        boolean tls = certificates != null;
        if (ownProcess) {
            // The broker's JVM picks a free port itself, right before binding it: picked here, the port could be
            // handed to an outgoing connection while that JVM starts.
            // PortOps's own JVM options and nothing more: no other collector or heap measured better (benchmarks.md)
            return startProcess(directory, port, delivery, certificates, List.of());
        }
        int chosen = port == 0 ? freeLoopbackPort() : port;
        delivery.apply();
        EmbeddedHiveMQ hivemq = build(directory, chosen, certificates);
        try {
            hivemq.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            closeQuietly(hivemq);
            throw new IOException("the embedded MQTT broker did not start on 127.0.0.1:" + chosen
                    + " (is the port taken? set mqtt.port)", e.getCause() == null ? e : e.getCause());
        }
        return new EmbeddedBroker(chosen, tls, hivemq, null, directory);
    }

    /** HiveMQ configured for {@code port}, its files under {@code directory}; not started. */
    static EmbeddedHiveMQ build(Path directory, int port, CertificateDirectory certificates) throws IOException {
        Path conf = Files.createDirectories(directory.resolve("conf"));
        String listener = certificates == null ? tcpListener(port) : tlsListener(port, conf, certificates);
        Path config = conf.resolve("config.xml");
        Files.deleteIfExists(config);
        // it holds the key stores' password when TLS is on
        Files.createFile(config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(config, configXml(listener), StandardCharsets.UTF_8);
        return EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(Files.createDirectories(directory.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(directory.resolve("extensions")))
                .withEmbeddedExtension(EmbeddedExtension.builder().withId("portops-certificate-identity")
                        .withName("PortOps certificate identity").withVersion("1").withPriority(1000)
                        .withExtensionMain(new CertificateIdentity(certificates)).build())
                // HiveMQ would otherwise replace the launcher's logback configuration with its own
                .withoutLoggingBootstrap()
                .build();
    }

    /** The broker's JVM and the port it listens on. */
    private record Started(Process process, int port) {
    }

    /**
     * Starts HiveMQ in a JVM of its own with {@code jvmOptions} after the options it inherits from this JVM, which lets
     * a benchmark compare a broker JVM's settings.
     *
     * @param port         0 = any free port
     * @param certificates null: plain TCP
     * @param jvmOptions   options after the inherited ones; a garbage collector chosen here replaces an inherited one
     */
    public static EmbeddedBroker startProcess(Path directory, int port, Delivery delivery,
                                              CertificateDirectory certificates, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Started started = launch(directory, port, delivery, certificates, List.copyOf(jvmOptions));
        return new EmbeddedBroker(started.port(), certificates != null, null, started.process(), directory);
    }

    private static Started launch(Path directory, int port, Delivery delivery, CertificateDirectory certificates,
                                  List<String> jvmOptions) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path pidFile = directory.resolve(PID_FILE);
        if (port != 0) {
            requireFree(port, pidFile);
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        boolean ownCollector = jvmOptions.stream().anyMatch(COLLECTOR_CHOICES::contains);
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (NOT_INHERITED.stream().noneMatch(option::startsWith)
                    && !(ownCollector && COLLECTOR_CHOICES.contains(option))) {
                command.add(option);
            }
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EmbeddedBrokerMain.class.getName(),
                directory.toString(), String.valueOf(port), String.valueOf(delivery.inflightWindow()),
                String.valueOf(delivery.pollBatch())));
        if (certificates != null) {
            command.add(certificates.root().toString());
        }
        Path log = directory.resolve("broker.log");
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        // The child says READY on its standard output once HiveMQ listens, or ends.
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = firstLine.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            line = null;
        }
        if (line == null || !line.startsWith(EmbeddedBrokerMain.READY + " ")) {
            process.destroyForcibly();
            throw new IOException("the embedded MQTT broker's JVM did not start on 127.0.0.1:"
                    + (port == 0 ? "(any free port)" : port)
                    + (process.isAlive() ? " within " + START_TIMEOUT_SECONDS + " s" : "") + "; its log: " + log);
        }
        Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.UTF_8);
        return new Started(process, Integer.parseInt(line.substring(EmbeddedBrokerMain.READY.length() + 1)));
    }

    /**
     * Refuses a port something else listens on. A broker JVM this directory started before (its pid in
     * {@code pidFile}) that is still running belongs to a PortOps that was killed: it notices its parent's end and
     * stops, so it is given the time to; any other holder of the port is refused at once.
     */
    private static void requireFree(int port, Path pidFile) throws IOException, InterruptedException {
        Optional<ProcessHandle> leftover = Files.isRegularFile(pidFile)
                ? parsePid(Files.readString(pidFile, StandardCharsets.UTF_8)).flatMap(ProcessHandle::of)
                : Optional.empty();
        if (leftover.isPresent() && leftover.get().isAlive()) {
            try {
                leftover.get().onExit().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // still running: the port check below names the problem
            }
        }
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return;
        } catch (IOException e) {
            throw new IOException("127.0.0.1:" + port + " is taken, so the embedded MQTT broker cannot "
                    + "listen there (set mqtt.port, 0 for any free port)", e);
        }
    }

    private static Optional<Long> parsePid(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * HiveMQ reads its listeners from a config.xml; without one it listens on 0.0.0.0:1883 and sends
     * usage statistics. The file is rewritten at every start so that it always matches the settings.
     */
    static String configXml(String listener) {
        return """
                <?xml version="1.0"?>
                <!-- written by PortOps at every start from the mqtt.* settings; edits here are overwritten -->
                <hivemq>
                    <listeners>
                %s    </listeners>
                    <persistence>
                        <mode>file</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(listener);
    }

    private static String tcpListener(int port) {
        return """
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                        </tcp-listener>
                """.formatted(port);
    }

    /**
     * A TLS listener that requires a client certificate signed by the terminal CA. HiveMQ reads key stores, not PEM:
     * the PEM files are put into PKCS#12 stores beside config.xml with a password new at every start.
     */
    private static String tlsListener(int port, Path conf, CertificateDirectory certificates) throws IOException {
        char[] password = CertificateDirectory.randomPassword();
        Path keyStore = conf.resolve("broker-keys.p12");
        Path trustStore = conf.resolve("broker-trust.p12");
        CertificateDirectory.save(certificates.serverKeyStore(password), keyStore, password);
        CertificateDirectory.save(certificates.trustStore(), trustStore, password);
        return """
                        <tls-tcp-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                            <tls>
                                <protocols><protocol>TLSv1.3</protocol><protocol>TLSv1.2</protocol></protocols>
                                <keystore>
                                    <path>%s</path>
                                    <password>%s</password>
                                    <private-key-password>%s</private-key-password>
                                </keystore>
                                <truststore>
                                    <path>%s</path>
                                    <password>%s</password>
                                </truststore>
                                <client-authentication-mode>REQUIRED</client-authentication-mode>
                            </tls>
                        </tls-tcp-listener>
                """.formatted(port, keyStore, new String(password), new String(password), trustStore,
                new String(password));
    }

    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Where clients connect, e.g. {@code tcp://127.0.0.1:1883}, or {@code ssl://127.0.0.1:8883} with TLS. */
    public String url() {
        return (tls ? "ssl" : "tcp") + "://127.0.0.1:" + port;
    }

    /** Whether clients must connect with TLS and a client certificate. */
    public boolean tls() {
        return tls;
    }

    public int port() {
        return port;
    }

    /** The broker's own process, when it runs in one. */
    public ProcessHandle process() {
        return process == null ? null : process.toHandle();
    }

    /** One line for the log. */
    public String describe() {
        return "embedded MQTT broker (HiveMQ CE, " + (process != null ? "its own JVM, pid " + process.pid()
                : "in this JVM") + ") on " + url() + ", data in " + directory;
    }

    /** Stops the embedded broker, which writes its sessions and retained messages to disk first. */
    @Override
    public void close() throws IOException {
        if (process != null) {
            stopProcess();
            return;
        }
        try {
            inProcess.stop().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the embedded MQTT broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the embedded MQTT broker did not stop cleanly", e);
        } finally {
            closeQuietly(inProcess);
        }
    }

    private void stopProcess() throws IOException {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("the embedded MQTT broker's JVM did not stop within " + STOP_TIMEOUT_SECONDS
                        + " s and was killed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while stopping the embedded MQTT broker", e);
        }
    }

    static void closeQuietly(EmbeddedHiveMQ hivemq) {
        try {
            hivemq.close();
        } catch (Exception suppressed) {
            // the start failure is the error worth reporting; this one would only hide it
        }
    }
}
