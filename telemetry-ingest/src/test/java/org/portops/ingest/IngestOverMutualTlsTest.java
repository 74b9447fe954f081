package org.portops.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portops.ingest.IngestHarness.eventually;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.net.SocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portops.ingest.broker.EmbeddedBroker;
import org.portops.ingest.tls.CertificateDirectory;
import org.portops.ingest.tls.Pem;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.Position;
import org.portops.model.event.Addresses;
import org.portops.model.event.Alert;
import org.portops.model.event.AlertKind;
import org.portops.model.telemetry.TelemetryTopic;
import org.portops.state.testsupport.TestLayouts;

/**
 * Device identity over real mutual TLS: the embedded HiveMQ with a TLS listener that requires a client certificate of
 * the terminal CA, the ingest connecting with PortOps's own certificate, machines with theirs (CN = machine id), and
 * a machine that publishes on another machine's topic through its own certificate quarantined as spoofing.
 */
class IngestOverMutualTlsTest {

    @TempDir
    static Path folder;
    private static CertificateDirectory certificates;
    private static EmbeddedBroker broker;
    private static IngestHarness harness;
    private static final ConcurrentLinkedQueue<Alert> ALERTS = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() throws Exception {
        certificates = new CertificateDirectory(folder.resolve("certs"));
        certificates.issue("TEST", List.of("127.0.0.1", "localhost"), List.of("TT001", "TT002", "TT003", "TT004"),
                Instant.now(), Duration.ofDays(1));
        broker = EmbeddedBroker.start(folder.resolve("broker"), 0, false, certificates);
        harness = new IngestHarness(broker.url(), TestLayouts.small(), Clock.systemUTC(), Clock.systemUTC());
        harness.vertx.eventBus().<JsonObject>consumer(Addresses.ALERT_RAISED,
                message -> ALERTS.add(Alert.fromMap(message.body().getMap())));
        harness.deploy(harness.config().withTls(new IngestConfig.MqttTls(certificates, true)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (harness != null) {
            harness.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aMachineReadingThroughItsOwnCertificateIsAccepted() throws Exception {
        MqttClient tt001 = connect("TT001", socketsOf("TT001"));
        for (int i = 1; i <= 3; i++) {
            publish(tt001, "TT001", reading("TT001", i), null);
        }
        eventually(Duration.ofSeconds(15), () -> assertThat(harness.count(
                "select count(*) from telemetry_reading where machine_id = 'TT001' and topic = 'state'")).isEqualTo(3));
        assertThat(harness.count("select count(*) from telemetry_quarantine where machine_claimed = 'TT001'"))
                .isZero();
        tt001.disconnect();
    }

    @Test
    void aReadingOnAnotherMachinesTopicThroughItsOwnCertificateIsQuarantinedAsSpoofing() throws Exception {
        MqttClient tt002 = connect("TT002", socketsOf("TT002"));
        // The payload agrees with the topic, so only the certificate gives it away; the forged stamp is replaced by
        // the broker with the certificate's own name.
        publish(tt002, "TT004", reading("TT004", 1), "TT004");
        eventually(Duration.ofSeconds(15), () -> assertThat(harness.query("select reason_code, reason_text from "
                + "telemetry_quarantine where machine_claimed = 'TT004'")).containsExactly(List.of("SPOOFED_CERT",
                "message on TT004's topic came through the client certificate of 'TT002'")));
        eventually(Duration.ofSeconds(5), () -> assertThat(ALERTS).filteredOn(a -> a.subject().equals("TT004"))
                .extracting(Alert::kind).contains(AlertKind.SPOOFING));
        assertThat(harness.count("select count(*) from telemetry_reading where machine_id = 'TT004'")).isZero();
        assertThat(harness.verticle().metrics().rejections("SPOOFED_CERT")).isEqualTo(1);
        tt002.disconnect();
    }

    @Test
    void aClientWithoutACertificateIsRefusedAtTheHandshake() throws Exception {
        SSLContext trustOnly = SSLContext.getInstance("TLSv1.3");
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(certificates.trustStore());
        trustOnly.init(null, trust.getTrustManagers(), null);
        assertThatThrownBy(() -> publishOnce("anonymous", trustOnly.getSocketFactory()))
                .isInstanceOf(MqttException.class);
    }

    @Test
    void aCertificateOfAnotherCaIsRefusedAtTheHandshake() throws Exception {
        CertificateDirectory foreign = new CertificateDirectory(folder.resolve("foreign"));
        foreign.issue("TEST", List.of("127.0.0.1"), List.of("TT001"), Instant.now(), Duration.ofDays(1));
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        // It trusts the broker, so only the broker's check of the client certificate can refuse it.
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(certificates.trustStore());
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore foreignKeys = KeyStore.getInstance("PKCS12");
        foreignKeys.load(null, null);
        foreignKeys.setKeyEntry("key", Pem.readKey(foreign.clientKey("TT001")), new char[0],
                new Certificate[] {
                    Pem.readCertificate(foreign.clientCertificate("TT001"))});
        keys.init(foreignKeys, new char[0]);
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        assertThatThrownBy(() -> publishOnce("foreign", context.getSocketFactory())).isInstanceOf(MqttException.class);
    }

    @Test
    void aRevokedCertificateIsRefusedAtItsNextConnectWithoutRestartingTheBroker() throws Exception {
        SocketFactory tt003 = socketsOf("TT003");
        connect("TT003", tt003).disconnect();

        certificates.revoke("TT003", Instant.now());

        assertThatThrownBy(() -> connect("TT003", tt003)).isInstanceOf(MqttException.class)
                .satisfies(e -> assertThat(((MqttException) e).getReasonCode()).isEqualTo(135));
    }

    @Test
    void plainTcpIsNotServed() {
        String plain = broker.url().replace("ssl://", "tcp://");
        assertThatThrownBy(() -> {
            MqttClient client = new MqttClient(plain, "plain-" + UUID.randomUUID(), new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setConnectionTimeout(5);
            client.connect(options);
        }).isInstanceOf(MqttException.class);
    }

    private static SocketFactory socketsOf(String machine) throws Exception {
        return certificates.clientContext(machine).getSocketFactory();
    }

    /** Connects and publishes one reading; a refused handshake fails before the reading reaches any subscriber. */
    private static void publishOnce(String name, SocketFactory sockets) throws Exception {
        MqttClient client = connect(name, sockets);
        publish(client, "TT001", reading("TT001", 1_000), null);
        client.disconnect();
    }

    private static MqttClient connect(String name, SocketFactory sockets) throws MqttException {
        MqttClient client = new MqttClient(broker.url(), name + "-" + UUID.randomUUID().toString().substring(0, 6),
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setConnectionTimeout(10);
        options.setSocketFactory(sockets);
        client.connect(options);
        return client;
    }

    private static byte[] reading(String machine, long sequence) {
        return Messages.encode(Messages.reading(machine, EquipmentKind.TERMINAL_TRACTOR, sequence, Instant.now(),
                new Position(300, 50), 0.0));
    }

    private static void publish(MqttClient client, String topicMachine, byte[] payload, String forgedStamp)
            throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(0);
        if (forgedStamp != null) {
            MqttProperties properties = new MqttProperties();
            properties.setUserProperties(List.of(new UserProperty(Inbound.CERTIFICATE_PROPERTY, forgedStamp)));
            message.setProperties(properties);
        }
        client.publish(Messages.topic("TEST", topicMachine, TelemetryTopic.STATE), message);
    }
}
