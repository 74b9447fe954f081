package org.portops.sim;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The broker contract against Debian's mosquitto, started here on a free loopback port, two shared connections. */
class MosquittoBrokerTest extends BrokerContract {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
    @TempDir
    static Path folder;
    private static Process broker;
    private static int port;

    @BeforeAll
    static void startBroker() throws Exception {
        assumeTrue(Files.isExecutable(MOSQUITTO), "Debian mosquitto not installed at " + MOSQUITTO
                + " (apt-get install mosquitto); skipping the mosquitto broker tests");
        port = HiveMqBrokerTest.freePort();
        Path config = folder.resolve("mosquitto.conf");
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        broker = new ProcessBuilder(MOSQUITTO.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("mosquitto.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listening() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assumeTrue(listening(), "mosquitto did not start: " + Files.readString(folder.resolve("mosquitto.log")));
    }

    private static boolean listening() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    @AfterAll
    static void stopBroker() throws InterruptedException {
        if (broker != null) {
            broker.destroy();
            broker.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    String brokerUrl() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    int connections() {
        return 2;
    }
}
