package org.portops.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.portops.app.config.Setting;
import org.portops.ingest.tls.CertificateDirectory;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.equipment.Position;
import org.portops.model.equipment.Spreader;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.telemetry.GeoReference;
import org.portops.model.telemetry.StateReading;
import org.portops.model.telemetry.TelemetryCodec;
import org.portops.model.telemetry.TelemetryTopic;
import org.portops.model.telemetry.Topic;
import picocli.CommandLine;

/**
 * {@code portops certs}, then {@code portops demo} with every connection over TLS: the API and map over HTTPS with
 * HSTS, the embedded broker (in its own JVM) accepting only clients with a certificate of the terminal CA, the ingest
 * and the health check connecting with PortOps's certificate and every simulated machine with its own. Clean traffic
 * passes untouched; a machine speaking on another's topic through its own certificate is quarantined as spoofing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortOpsTlsDemoTest {

    private static final Duration WITHIN = Duration.ofSeconds(90);

    @TempDir
    static Path dataDir;
    private static CertificateDirectory certificates;
    private static int mqttPort;
    private static PortOps demo;
    private static HttpClient https;

    @BeforeAll
    static void start() throws Exception {
        Path dir = dataDir.resolve("certs");
        StringWriter err = new StringWriter();
        CommandLine cli = PortOpsCli.commandLine(Map.of());
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        assertThat(cli.execute("certs", "--dir", dir.toString())).as("%s", err).isZero();
        certificates = new CertificateDirectory(dir);

        mqttPort = FreePorts.next();
        Map<Setting, String> settings = Launch.isolated(dataDir, FreePorts.next(), mqttPort);
        settings.put(Setting.SIM_MACHINES, "10");
        settings.put(Setting.SIM_RATE, "2");
        settings.put(Setting.MQTT_TLS_DIR, dir.toString());
        settings.put(Setting.HTTP_TLS_CERT, certificates.serverCertificate().toString());
        settings.put(Setting.HTTP_TLS_KEY, certificates.serverKey().toString());
        demo = Launch.demo(settings, 10);

        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(certificates.trustStore());
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(null, trust.getTrustManagers(), null);
        https = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.stop();
        }
    }

    @Test
    @Order(1)
    void simulatedMachinesReportThroughTheirOwnCertificatesAndNothingIsQuarantined() throws Exception {
        Instant started = demo.liveYard().reader().summary().await(10, TimeUnit.SECONDS).at();
        Set<EquipmentId> simulated = demo.simulator().engine().machines().stream()
                .filter(id -> !id.value().startsWith("RMS-")).collect(Collectors.toSet());

        eventually(() -> assertThat(demo.liveYard().reader().equipment().await(10, TimeUnit.SECONDS).stream()
                .filter(state -> simulated.contains(state.id())).map(EquipmentState::lastSeen))
                .hasSize(simulated.size()).allSatisfy(seen -> assertThat(seen).isAfter(started)));
        eventually(() -> assertThat(count("select count(*) from telemetry_reading")).isPositive());
        assertThat(rows("select reason_code, reason_text from telemetry_quarantine")).extracting(Row::toJson)
                .as("clean simulated traffic refused").isEmpty();
    }

    @Test
    @Order(2)
    void healthIsServedOverHttpsWithHstsAndTheBrokerCheckConnectsWithItsCertificate() throws Exception {
        eventually(() -> {
            HttpResponse<String> health = https.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + demo.httpPort() + "/health")).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
            assertThat(new JsonObject(health.body()).getJsonObject("checks").getJsonObject("mqtt")
                    .getString("status")).isEqualTo("UP");
        });
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + demo.httpPort() + "/health")).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    /** Last: its refused reading is the only quarantined message, which the first test asserts there is none of. */
    @Test
    @Order(3)
    void aMachineSpeakingOnAnotherMachinesTopicThroughItsOwnCertificateIsQuarantinedAsSpoofing() throws Exception {
        List<EquipmentId> machines = demo.simulator().engine().machines().stream()
                .filter(id -> !id.value().startsWith("RMS-")).sorted((a, b) -> a.value().compareTo(b.value()))
                .toList();
        EquipmentId impostor = machines.get(0);
        EquipmentId victim = machines.get(1);
        MqttClient client = new MqttClient("ssl://127.0.0.1:" + mqttPort, "impostor-" + UUID.randomUUID(),
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(certificates.clientContext(impostor.value()).getSocketFactory());
        client.connect(options);
        String terminal = TerminalLayoutLoader.sample().terminalCode();
        client.publish(Topic.of(terminal, victim, TelemetryTopic.STATE).toString(),
                new MqttMessage(new TelemetryCodec().encode(readingOf(victim))));
        client.disconnect();

        eventually(() -> assertThat(rows("select reason_code, reason_text from telemetry_quarantine where "
                + "machine_claimed = '" + victim.value() + "'")).extracting(row -> row.getString(0) + " "
                + row.getString(1)).containsExactly("SPOOFED_CERT message on " + victim + "'s topic came through "
                + "the client certificate of '" + impostor + "'"));
    }

    /** A well-formed reading in the victim's name: only the certificate it comes through gives it away. */
    private static StateReading readingOf(EquipmentId victim) throws Exception {
        EquipmentState state = demo.liveYard().reader().equipment(victim).await(10, TimeUnit.SECONDS).orElseThrow();
        EquipmentKind kind = state.kind();
        Position at = state.position();
        return new StateReading(victim, 1_000_000_000L, demo.liveYard().reader().summary().await(10, TimeUnit.SECONDS)
                .at(), kind, at, GeoReference.SAMPLE.toWgs84(at), 90.0, 0.0, EquipmentStatus.WORKING,
                kind == EquipmentKind.TERMINAL_TRACTOR ? null : Spreader.UNLOCKED, null, 0, null, null, 55.0, 2.0,
                kind == EquipmentKind.QUAY_CRANE ? null : 80.0, List.of());
    }

    private static long count(String sql) {
        return rows(sql).getFirst().getLong(0);
    }

    private static List<Row> rows(String sql) {
        List<Row> rows = new ArrayList<>();
        try {
            demo.pool().preparedQuery(sql).execute(Tuple.tuple()).await(10, TimeUnit.SECONDS).forEach(rows::add);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer from PostgreSQL in 10 s to: " + sql, e);
        }
        return rows;
    }

    private static void eventually(Eventually.Check check) throws Exception {
        Eventually.eventually(WITHIN, Duration.ofMillis(250), check);
    }
}
