package org.portops.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portops.ingest.tls.CertificateDirectory;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.Position;
import org.portops.model.telemetry.TelemetryTopic;

/**
 * The Mosquitto configuration of docs/security.md, run for real with Debian's mosquitto and the certificates of
 * {@link CertificateDirectory}: only clients with a certificate of the terminal CA that is not on its CRL get in, and
 * its ACL lets a machine publish on its own topics only, so a reading on another machine's topic never reaches PortOps.
 */
class MosquittoMutualTlsTest {

    @TempDir
    static Path folder;
    private static CertificateDirectory certificates;
    private static Process mosquitto;
    private static String url;
    private static SSLContext revokedMachine;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(Brokers.MOSQUITTO), "Debian's mosquitto is not installed");
        certificates = new CertificateDirectory(folder.resolve("certs"));
        certificates.issue("TEST", List.of("127.0.0.1", "localhost"), List.of("TT001", "TT002", "TT003"),
                Instant.now(), Duration.ofDays(1));
        // what a stolen TT003 would present: its certificate and key, taken before the revocation removes them
        revokedMachine = certificates.clientContext("TT003");
        certificates.revoke("TT003", Instant.now());
        int port = Brokers.freePort();
        Path acl = Files.writeString(folder.resolve("portops.acl"), """
                user portops
                topic readwrite portops/v1/#
                pattern write portops/v1/+/%u/#
                pattern read portops/v1/+/%u/order
                pattern read portops/v1/+/+/instantActions
                """);
        Path config = Files.writeString(folder.resolve("mosquitto.conf"), """
                listener %d 127.0.0.1
                cafile %s
                certfile %s
                keyfile %s
                require_certificate true
                use_identity_as_username true
                allow_anonymous false
                acl_file %s
                crlfile %s
                persistence false
                user %s
                """.formatted(port, certificates.caCertificate(), certificates.serverCertificate(),
                // run as the test's own user: the keys are readable by their owner only, and as root mosquitto would
                // otherwise drop to the user 'mosquitto'
                certificates.serverKey(), acl, certificates.crl(), System.getProperty("user.name")));
        mosquitto = new ProcessBuilder(Brokers.MOSQUITTO.toString(), "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("mosquitto.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listening(port) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(listening(port)).as("mosquitto listens; its log: %s",
                Files.readString(folder.resolve("mosquitto.log"))).isTrue();
        url = "ssl://127.0.0.1:" + port;
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (mosquitto != null) {
            mosquitto.destroy();
            mosquitto.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aMachineReachesPortOpsOnItsOwnTopicOnlyAndAnotherMachinesTopicIsRefusedByTheAcl() throws Exception {
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient portops = connect("portops", certificates.clientContext(CertificateDirectory.PORTOPS_CLIENT)
                .getSocketFactory());
        // the array form: Paho 1.2.5's single-subscription overloads with a listener recurse into a stack overflow
        portops.subscribe(new MqttSubscription[] {new MqttSubscription("portops/v1/TEST/+/state", 1)},
                new IMqttMessageListener[] {(topic, message) -> received.add(topic)});
        MqttClient tt001 = connect("TT001", certificates.clientContext("TT001").getSocketFactory());

        // Mosquitto 2.0.11 acknowledges a denied publish like any other and drops it, telling the publisher nothing.
        tt001.publish(topic("TT002"), message("TT002"));
        tt001.publish(topic("TT001"), message("TT001"));

        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(topic("TT001"));
        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).as("the forged reading").isNull();
        tt001.disconnect();
        portops.disconnect();
    }

    @Test
    void aClientWithoutACertificateOfTheTerminalCaIsRefused() throws Exception {
        SSLContext trustOnly = SSLContext.getInstance("TLSv1.3");
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(certificates.trustStore());
        trustOnly.init(null, trust.getTrustManagers(), null);

        assertThatThrownBy(() -> connect("anonymous", trustOnly.getSocketFactory())).isInstanceOf(MqttException.class);
    }

    @Test
    void aCertificateOnTheCrlOfPortOpsCertsIsRefused() throws Exception {
        assertThatThrownBy(() -> connect("TT003", revokedMachine.getSocketFactory()))
                .isInstanceOf(MqttException.class);
        // the machine that was not revoked still gets in through the same broker
        connect("TT002", certificates.clientContext("TT002").getSocketFactory()).disconnect();
    }

    private static MqttClient connect(String name, SocketFactory sockets) throws MqttException {
        MqttClient client = new MqttClient(url, name + "-" + UUID.randomUUID().toString().substring(0, 6),
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setConnectionTimeout(10);
        options.setSocketFactory(sockets);
        client.connect(options);
        return client;
    }

    private static String topic(String machine) {
        return Messages.topic("TEST", machine, TelemetryTopic.STATE);
    }

    private static MqttMessage message(String machine) {
        MqttMessage message = new MqttMessage(Messages.encode(Messages.reading(machine,
                EquipmentKind.TERMINAL_TRACTOR, 1, Instant.now(), new Position(300, 50), 0.0)));
        message.setQos(1);
        return message;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }
}
