package org.portops.app.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker in its own JVM and in PortOps's: a real MQTT round trip, and a clean stop. */
class MqttBrokerTest {

    @TempDir
    Path dir;

    @Test
    void inItsOwnJvmTheBrokerCarriesMessagesAndItsProcessEndsOnClose() throws Exception {
        MqttBroker broker = MqttBroker.startEmbedded(dir.resolve("mqtt"), 0, true);
        ProcessHandle process = broker.process();
        try {
            assertThat(process).as("a child process").isNotNull();
            assertThat(process.pid()).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(process.parent().map(ProcessHandle::pid)).contains(ProcessHandle.current().pid());
            assertThat(roundTrip(broker, "portops/v1/TEST/QC01/state")).isEqualTo("hello from QC01");
            assertThat(broker.describe()).contains("its own JVM", "pid " + process.pid());
        } finally {
            broker.close();
        }
        assertThat(process.isAlive()).as("the broker's JVM after close").isFalse();
        assertThat(listening(broker.url().port())).isFalse();
        assertThat(Files.readString(dir.resolve("mqtt/conf/config.xml")))
                .contains("<port>" + broker.url().port() + "</port>", "<bind-address>127.0.0.1</bind-address>");
    }

    @Test
    void inPortOpsJvmTheBrokerCarriesMessagesToo() throws Exception {
        try (MqttBroker broker = MqttBroker.startEmbedded(dir.resolve("mqtt"), 0, false)) {
            assertThat(broker.process()).isNull();
            assertThat(roundTrip(broker, "portops/v1/TEST/RTG01/state")).isEqualTo("hello from RTG01");
        }
    }

    @Test
    void aTakenPortIsRefusedWithTheSettingToChange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> MqttBroker.startEmbedded(dir.resolve("mqtt"), port, true))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("127.0.0.1:" + port + " is taken")
                    .hasMessageContaining("set mqtt.port");
        }
    }

    private static String roundTrip(MqttBroker broker, String topic) throws Exception {
        String url = "tcp://" + broker.url().host() + ":" + broker.url().port();
        BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
        MqttClient subscriber = new MqttClient(url, "test-sub", new MemoryPersistence());
        MqttClient publisher = new MqttClient(url, "test-pub", new MemoryPersistence());
        try {
            subscriber.connect(new MqttConnectionOptions());
            // The array form: Paho 1.2.5's single-subscription overloads with a listener recurse.
            subscriber.subscribe(new MqttSubscription[] {new MqttSubscription(topic, 1)},
                    new IMqttMessageListener[] {
                        (t, m) -> received.offer(new String(m.getPayload(), StandardCharsets.UTF_8))});
            publisher.connect(new MqttConnectionOptions());
            String text = "hello from " + topic.split("/")[3];
            publisher.publish(topic, text.getBytes(StandardCharsets.UTF_8), 1, false);
            return received.poll(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            publisher.disconnect();
            subscriber.disconnect();
            publisher.close();
            subscriber.close();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
