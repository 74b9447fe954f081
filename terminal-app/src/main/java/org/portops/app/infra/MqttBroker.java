package org.portops.app.infra;

import java.io.IOException;
import java.nio.file.Path;
import org.portops.app.config.MqttUrl;
import org.portops.app.config.PortOpsConfig;
import org.portops.ingest.broker.EmbeddedBroker;
import org.portops.ingest.tls.CertificateDirectory;

/**
 * The MQTT broker the equipment talks to: HiveMQ Community Edition embedded in PortOps ({@link EmbeddedBroker}, by
 * default in a JVM of its own, {@code mqtt.broker.process}), or an external broker that PortOps only connects to.
 */
public final class MqttBroker implements AutoCloseable {

    private final MqttUrl url;
    private final EmbeddedBroker embedded;

    private MqttBroker(MqttUrl url, EmbeddedBroker embedded) {
        this.url = url;
        this.embedded = embedded;
    }

    /** Starts the embedded broker, or names the external one, as the configuration says. */
    public static MqttBroker start(PortOpsConfig config) throws IOException, InterruptedException {
        if (!config.embeddedBroker()) {
            return new MqttBroker(config.mqttUrl(), null);
        }
        Path certificates = config.tls().mqttCertificates();
        return startEmbedded(config.dataDir().resolve("mqtt"), config.mqttPort(), config.mqttBrokerProcess(),
                certificates == null ? null : new CertificateDirectory(certificates));
    }

    /**
     * Starts HiveMQ on 127.0.0.1 with its files under {@code directory}.
     *
     * @param port       0 = any free port
     * @param ownProcess in a JVM of its own (true) or in this one
     */
    public static MqttBroker startEmbedded(Path directory, int port, boolean ownProcess) throws IOException,
            InterruptedException {
        return startEmbedded(directory, port, ownProcess, null);
    }

    /** As {@link #startEmbedded(Path, int, boolean)}, with mutual TLS when {@code certificates} is given. */
    public static MqttBroker startEmbedded(Path directory, int port, boolean ownProcess,
                                           CertificateDirectory certificates) throws IOException,
            InterruptedException {
        EmbeddedBroker broker = EmbeddedBroker.start(directory, port, ownProcess, certificates);
        return new MqttBroker(new MqttUrl("127.0.0.1", broker.port(), broker.tls()), broker);
    }

    /** Where clients connect, e.g. {@code tcp://127.0.0.1:1883}. */
    public MqttUrl url() {
        return url;
    }

    public boolean embedded() {
        return embedded != null;
    }

    /** The embedded broker's own process, when it runs in one. */
    public ProcessHandle process() {
        return embedded == null ? null : embedded.process();
    }

    /** One line for the log. */
    public String describe() {
        return embedded != null ? embedded.describe() : "external MQTT broker " + url;
    }

    /** Stops the embedded broker, which writes its sessions and retained messages to disk first. */
    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
