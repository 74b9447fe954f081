package org.portops.ingest;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.packets.subscribe.Subscription;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Real MQTT brokers for tests: an embedded HiveMQ CE, which records every SUBSCRIBE it receives ({@link #SUBSCRIBES})
 * and to which client it sends each message ({@link #DELIVERIES}), or Debian's mosquitto started on a free loopback
 * port.
 */
final class Brokers {

    static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
    /** "client-id topic-filter" of every SUBSCRIBE an embedded HiveMQ of this JVM received, in order. */
    static final List<String> SUBSCRIBES = new CopyOnWriteArrayList<>();

    /** "client-id topic" of every PUBLISH an embedded HiveMQ of this JVM sent to a client. */
    static final Queue<String> DELIVERIES = new ConcurrentLinkedQueue<>();

    /** The embedded HiveMQ's extension that fills {@link #SUBSCRIBES} and {@link #DELIVERIES}. */
    private static final class SubscribeRecorder implements ExtensionMain {
        @Override
        public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
            Services.initializerRegistry().setClientInitializer((initializer, client) -> {
                client.addSubscribeInboundInterceptor((subscribe, result) -> {
                    for (Subscription subscription : subscribe.getSubscribePacket().getSubscriptions()) {
                        SUBSCRIBES.add(subscribe.getClientInformation().getClientId() + " "
                                + subscription.getTopicFilter());
                    }
                });
                client.addPublishOutboundInterceptor((publish, result) -> DELIVERIES.add(
                        publish.getClientInformation().getClientId() + " " + publish.getPublishPacket().getTopic()));
            });
        }

        @Override
        public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
            // nothing to release
        }
    }

    /** The SUBSCRIBEs {@code clientId} sent to an embedded HiveMQ, as their topic filters in order. */
    static List<String> subscribesOf(String clientId) {
        return SUBSCRIBES.stream().filter(s -> s.startsWith(clientId + " "))
                .map(s -> s.substring(clientId.length() + 1)).toList();
    }

    /** A running broker and how to stop it. */
    interface Broker extends AutoCloseable {
        String url();

        @Override
        void close();
    }

    private Brokers() {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static Broker hiveMq(Path folder) throws Exception {
        int port = freePort();
        Path config = Files.createDirectories(folder.resolve("conf"));
        Files.writeString(config.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                  </listeners>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(port));
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder().withConfigurationFolder(config)
                .withDataFolder(Files.createDirectories(folder.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(folder.resolve("extensions")))
                .withEmbeddedExtension(EmbeddedExtension.builder().withId("subscribe-recorder")
                        .withName("subscribe recorder").withVersion("1").withExtensionMain(new SubscribeRecorder())
                        .build())
                .withoutLoggingBootstrap().build();
        hivemq.start().join();
        return new Broker() {
            public String url() {
                return "tcp://127.0.0.1:" + port;
            }

            public void close() {
                try {
                    hivemq.close();
                } catch (Exception e) {
                    throw new IllegalStateException("HiveMQ did not stop", e);
                }
            }
        };
    }

    /** Mosquitto, or null when it is not installed or does not start. */
    static Broker mosquitto(Path folder) throws Exception {
        if (!Files.isExecutable(MOSQUITTO)) {
            return null;
        }
        int port = freePort();
        Path config = folder.resolve("mosquitto.conf");
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        Process process = new ProcessBuilder(MOSQUITTO.toString(), "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("mosquitto.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listening(port) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (!listening(port)) {
            process.destroy();
            return null;
        }
        return new Broker() {
            public String url() {
                return "tcp://127.0.0.1:" + port;
            }

            public void close() {
                process.destroy();
                try {
                    process.waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }
}
