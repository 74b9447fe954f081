package org.portops.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portops.app.config.MqttUrl;

class HealthTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void brokerThatDoesNotListenIsDownAndSoIsTheWhole() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Health health = new Health(List.of(new MqttBrokerCheck(vertx, new MqttUrl("127.0.0.1", closedPort, false))));

        Health.Report report = health.check().await(10, TimeUnit.SECONDS);

        assertThat(report.up()).isFalse();
        JsonObject mqtt = report.toJson().getJsonObject("checks").getJsonObject("mqtt");
        assertThat(report.toJson().getString("status")).isEqualTo("DOWN");
        assertThat(mqtt.getString("status")).isEqualTo("DOWN");
        assertThat(mqtt.getString("target")).isEqualTo("tcp://127.0.0.1:" + closedPort);
        assertThat(mqtt.getString("detail")).containsIgnoringCase("refused");
    }

    @Test
    void serverThatOnlyAcceptsTheConnectionIsNotTakenForABroker() throws Exception {
        NetServer notMqtt = vertx.createNetServer()
                .connectHandler(socket -> socket.handler(
                        bytes -> socket.write(Buffer.buffer("HTTP/1.1 400 Bad\r\n\r\n"))))
                .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        Health health = new Health(List.of(
                new MqttBrokerCheck(vertx, new MqttUrl("127.0.0.1", notMqtt.actualPort(), false))));

        Health.Report report = health.check().await(10, TimeUnit.SECONDS);

        assertThat(report.up()).isFalse();
        assertThat(report.components().getJsonObject("mqtt").getString("detail"))
                .isEqualTo("answered with MQTT packet type 4 instead of CONNACK");
    }

    @Test
    void brokerThatNeverAnswersIsDownAfterTheTimeout() throws Exception {
        NetServer silent = vertx.createNetServer().connectHandler(socket -> { })
                .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        Health health = new Health(List.of(
                new MqttBrokerCheck(vertx, new MqttUrl("127.0.0.1", silent.actualPort(), false))));

        long start = System.nanoTime();
        Health.Report report = health.check().await(10, TimeUnit.SECONDS);

        assertThat(report.up()).isFalse();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(4_000);
    }

    @Test
    void checkThatThrowsIsDownNotAnError() throws Exception {
        ComponentCheck broken = new ComponentCheck() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public String target() {
                return "nowhere";
            }

            @Override
            public io.vertx.core.Future<ComponentHealth> check() {
                throw new IllegalStateException("instance is not active");
            }
        };

        Health.Report report = new Health(List.of(broken)).check().await(10, TimeUnit.SECONDS);

        assertThat(report.toJson().encode()).isEqualTo(
                "{\"status\":\"DOWN\",\"checks\":{\"broken\":{\"status\":\"DOWN\",\"target\":\"nowhere\","
                        + "\"detail\":\"instance is not active\"}}}");
    }
}
