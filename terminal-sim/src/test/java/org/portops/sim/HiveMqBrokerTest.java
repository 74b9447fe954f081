package org.portops.sim;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The broker contract against an embedded HiveMQ CE, one MQTT connection per machine. */
class HiveMqBrokerTest extends BrokerContract {

    @TempDir
    static Path folder;
    private static EmbeddedHiveMQ hivemq;
    private static int port;

    @BeforeAll
    static void startBroker() throws Exception {
        port = freePort();
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
        hivemq = EmbeddedHiveMQ.builder().withConfigurationFolder(config)
                .withDataFolder(Files.createDirectories(folder.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(folder.resolve("extensions")))
                .withoutLoggingBootstrap().build();
        hivemq.start().join();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (hivemq != null) {
            hivemq.close();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    String brokerUrl() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    int connections() {
        return 0;
    }
}
