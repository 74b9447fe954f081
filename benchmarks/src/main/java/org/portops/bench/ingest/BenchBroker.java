package org.portops.bench.ingest;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The MQTT broker of one part of the run, on a free loopback port: HiveMQ CE embedded in this JVM, configured as
 * the launcher configures it (terminal-app's {@code MqttBroker}), or Debian's mosquitto as a child process with a
 * generated configuration (its defaults otherwise, persistence off).
 */
interface BenchBroker extends AutoCloseable {

    Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    /** {@code hivemq} or {@code mosquitto}. */
    String name();

    String url();

    /** The broker's process when it runs as one, or null when it runs in this JVM. */
    Long pid();

    @Override
    void close();

    static boolean mosquittoInstalled() {
        return Files.isExecutable(MOSQUITTO);
    }

    /** @param hiveMqPollBatch diagnostic: HiveMQ's internal poll batch size, or null for its own (50) */
    static BenchBroker start(String name, Path folder, Integer hiveMqPollBatch) throws IOException,
            InterruptedException {
        if (hiveMqPollBatch != null) {
            InternalConfigurations.PUBLISH_POLL_BATCH_SIZE = hiveMqPollBatch;
        }
        return switch (name) {
            case "hivemq" -> hiveMq(Files.createDirectories(folder.resolve("hivemq")));
            case "mosquitto" -> mosquitto(Files.createDirectories(folder.resolve("mosquitto")));
            default -> throw new IllegalArgumentException("unknown broker " + name + ": hivemq or mosquitto");
        };
    }

    private static BenchBroker hiveMq(Path folder) throws IOException {
        int port = freePort();
        Path conf = Files.createDirectories(folder.resolve("conf"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                        </tcp-listener>
                    </listeners>
                    <persistence>
                        <mode>file</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port), StandardCharsets.UTF_8);
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(Files.createDirectories(folder.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(folder.resolve("extensions")))
                .withoutLoggingBootstrap()
                .build();
        hivemq.start().join();
        return new BenchBroker() {
            public String name() {
                return "hivemq";
            }

            public String url() {
                return "tcp://127.0.0.1:" + port;
            }

            public Long pid() {
                return null;
            }

            public void close() {
                try {
                    hivemq.stop().get(20, TimeUnit.SECONDS);
                    hivemq.close();
                } catch (Exception e) {
                    throw new IllegalStateException("HiveMQ did not stop", e);
                }
            }
        };
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
        return new BenchBroker() {
            public String name() {
                return "mosquitto";
            }

            public String url() {
                return "tcp://127.0.0.1:" + port;
            }

            public Long pid() {
                return process.pid();
            }

            public void close() {
                process.destroy();
                try {
                    if (!process.waitFor(5, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
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
