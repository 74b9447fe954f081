package org.portops.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portops.vessel.api.auth.AuthSettings;
import org.portops.vessel.api.auth.Caller;
import org.portops.vessel.api.auth.Role;
import org.portops.vessel.api.auth.TokenMinter;

/**
 * The whole launcher with embedded PostgreSQL, MQTT broker and Hazelcast: the {@link SharedLaunch}, which these tests
 * only read (and publish on a topic of another terminal, which its ingest does not subscribe to).
 */
@ExtendWith(SharedLaunch.class)
class PortOpsLauncherTest {

    private static Path dataDir;
    private static PortOps portops;
    private static int mqttPort;

    @BeforeAll
    static void start(SharedLaunch.Running shared) {
        dataDir = shared.dataDir();
        mqttPort = shared.mqttPort();
        portops = shared.portops();
    }

    @Test
    void healthIsUpWithEveryComponentReallyChecked() throws Exception {
        HttpResponse<String> response = Launch.get(portops, "/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        JsonObject health = new JsonObject(response.body());
        assertThat(health.getString("status")).isEqualTo("UP");
        JsonObject checks = health.getJsonObject("checks");
        assertThat(checks.fieldNames()).containsExactlyInAnyOrder("postgres", "hazelcast", "mqtt", "ingest");
        assertThat(checks.getJsonObject("postgres").getString("detail")).startsWith("SELECT 1 answered in");
        assertThat(checks.getJsonObject("hazelcast").getString("detail"))
                .isEqualTo("member running, cluster state ACTIVE, 1 member(s)");
        assertThat(checks.getJsonObject("mqtt").getString("detail")).startsWith("CONNACK accepted in");
        assertThat(checks.getJsonObject("mqtt").getString("target")).isEqualTo("tcp://127.0.0.1:" + mqttPort);
        assertThat(checks.getJsonObject("ingest").getString("detail")).startsWith("subscribed; ");
        assertThat(checks.getJsonObject("ingest").getString("target"))
                .isEqualTo("$share/portops-ingest/portops/v1/NQCT/+/{state,reefer,connection,events} at tcp://127.0.0.1:"
                        + mqttPort);
        for (String component : checks.fieldNames()) {
            assertThat(checks.getJsonObject(component).getString("status")).as(component).isEqualTo("UP");
        }
    }

    @Test
    void metricsArePrometheusTextWithJvmAndHttpServerMeters() throws Exception {
        Launch.get(portops, "/health");

        HttpResponse<String> response = Launch.get(portops, "/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("# TYPE jvm_memory_used_bytes gauge")
                .contains("jvm_threads_live_threads")
                .contains("process_uptime_seconds")
                .contains("vertx_http_server_requests_total{")
                .contains("vertx_pool_in_use{pool_name=\"__vertx.DEFAULT\",pool_type=\"sql\"}")
                .containsPattern("hazelcast_map_owned_entries\\{map=\"portops.yard.containers\"} [1-9][0-9]{4}");
    }

    @Test
    void yardSummaryServesTheSeededSampleTerminal() throws Exception {
        HttpResponse<String> response = Launch.get(portops, "/api/yard/summary");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        JsonObject summary = new JsonObject(response.body());
        assertThat(summary.getInteger("containerCount")).isGreaterThanOrEqualTo(15_000);
        assertThat(summary.getJsonArray("blocks")).hasSizeGreaterThanOrEqualTo(20);
        assertThat(summary.getInteger("occupiedSlots")).isPositive()
                .isLessThanOrEqualTo(summary.getInteger("capacitySlots"));
        assertThat(summary.getJsonArray("vesselCalls")).hasSize(3);
        assertThat(summary.getString("at")).endsWith("Z");
    }

    @Test
    void unknownPathIsAJson404() throws Exception {
        HttpResponse<String> response = Launch.get(portops, "/no/such/thing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(response.body()).getString("error")).isEqualTo("no such resource: /no/such/thing");
    }

    @Test
    void vesselApiAnswersTokensMintedWithTheDataDirectorysKey() throws Exception {
        String token = new TokenMinter(AuthSettings.resolve(Map.of(), dataDir), Clock.systemUTC())
                .mint(new Caller("launcher-test", Set.of(Role.PLANNER), null, null), Duration.ofMinutes(5));
        HttpClient http = HttpClient.newHttpClient();
        URI calls = URI.create("http://127.0.0.1:" + portops.httpPort() + "/api/v1/vessel-calls");

        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(calls).header("Authorization",
                "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(calls).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(new JsonObject(signedIn.body()).getJsonArray("vesselCalls")).isNotEmpty();
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(Launch.get(portops, "/api/openapi.json").statusCode()).isEqualTo(200);
    }

    @Test
    void embeddedBrokerServesMqtt5ClientsOnLoopback() throws Exception {
        BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + mqttPort, "launcher-test", new MemoryPersistence());
        try {
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            client.connect(options);
            // Paho 1.2.5's subscribe(String, int, listener) recurses forever; the array form works
            client.subscribe(new MqttSubscription[] {new MqttSubscription("portops/v1/TEST/QC01/state", 1)},
                    new IMqttMessageListener[] {(topic, message) ->
                            received.offer(new String(message.getPayload(), StandardCharsets.UTF_8))});
            client.publish("portops/v1/TEST/QC01/state", "{\"seq\":1}".getBytes(StandardCharsets.UTF_8), 1, false);

            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("{\"seq\":1}");
        } finally {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        }
    }
}
