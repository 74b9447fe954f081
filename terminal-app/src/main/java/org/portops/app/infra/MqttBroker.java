package org.portops.app.infra;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.portops.app.config.MqttUrl;
import org.portops.app.config.PortOpsConfig;

/**
 * The MQTT broker the equipment talks to: HiveMQ Community Edition embedded in the launcher
 * (MQTT 5 and 3.1.1, bound to 127.0.0.1, sessions and retained messages kept under the data
 * directory), or an external broker that PortOps only connects to.
 */
public final class MqttBroker implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 45;
    private static final long STOP_TIMEOUT_SECONDS = 20;

    private final MqttUrl url;
    private final EmbeddedHiveMQ embedded;
    private final Path directory;

    private MqttBroker(MqttUrl url, EmbeddedHiveMQ embedded, Path directory) {
        this.url = url;
        this.embedded = embedded;
        this.directory = directory;
    }

    /** Starts the embedded broker, or names the external one, as the configuration says. */
    public static MqttBroker start(PortOpsConfig config) throws IOException, InterruptedException {
        if (!config.embeddedBroker()) {
            return new MqttBroker(config.mqttUrl(), null, null);
        }
        Path directory = config.dataDir().resolve("mqtt");
        int port = config.mqttPort() == 0 ? freeLoopbackPort() : config.mqttPort();
        Path conf = Files.createDirectories(directory.resolve("conf"));
        Files.writeString(conf.resolve("config.xml"), configXml(port), StandardCharsets.UTF_8);
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(Files.createDirectories(directory.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(directory.resolve("extensions")))
                // HiveMQ would otherwise replace the launcher's logback configuration with its own
                .withoutLoggingBootstrap()
                .build();
        try {
            hivemq.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            closeQuietly(hivemq);
            throw new IOException("the embedded MQTT broker did not start on 127.0.0.1:" + port
                    + " (is the port taken? set mqtt.port)", e.getCause() == null ? e : e.getCause());
        }
        return new MqttBroker(new MqttUrl("127.0.0.1", port, false), hivemq, directory);
    }

    /**
     * HiveMQ reads its listeners from a config.xml; without one it listens on 0.0.0.0:1883 and sends
     * usage statistics. The file is rewritten at every start so that it always matches the settings.
     */
    static String configXml(int port) {
        return """
                <?xml version="1.0"?>
                <!-- written by PortOps at every start from mqtt.port; edits here are overwritten -->
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
                """.formatted(port);
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Where clients connect, e.g. {@code tcp://127.0.0.1:1883}. */
    public MqttUrl url() {
        return url;
    }

    public boolean embedded() {
        return embedded != null;
    }

    /** One line for the log. */
    public String describe() {
        return embedded() ? "embedded MQTT broker (HiveMQ CE) on " + url + ", data in " + directory
                : "external MQTT broker " + url;
    }

    /** Stops the embedded broker, which writes its sessions and retained messages to disk first. */
    @Override
    public void close() throws IOException {
        if (embedded == null) {
            return;
        }
        try {
            embedded.stop().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the embedded MQTT broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the embedded MQTT broker did not stop cleanly", e);
        } finally {
            closeQuietly(embedded);
        }
    }

    private static void closeQuietly(EmbeddedHiveMQ hivemq) {
        try {
            hivemq.close();
        } catch (Exception suppressed) {
            // the start failure is the error worth reporting; this one would only hide it
        }
    }
}
