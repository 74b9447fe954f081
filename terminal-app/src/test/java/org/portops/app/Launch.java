package org.portops.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.portops.app.config.ConfigResolver;
import org.portops.app.config.PortOpsConfig;
import org.portops.app.config.Setting;
import org.portops.app.demo.SimulatedClock;

/** Starts a whole PortOps in the test JVM on free ports, with its own data directory and cluster. */
final class Launch {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Launch() {
    }

    /** Settings for a launcher of its own: data in {@code dataDir}, free ports, a unique cluster name. */
    static Map<Setting, String> isolated(Path dataDir, int pgPort, int mqttPort) {
        Map<Setting, String> settings = new EnumMap<>(Setting.class);
        settings.put(Setting.DATA_DIR, dataDir.toString());
        settings.put(Setting.HTTP_PORT, "0");
        settings.put(Setting.PG_PORT, Integer.toString(pgPort));
        settings.put(Setting.MQTT_PORT, Integer.toString(mqttPort));
        settings.put(Setting.HZ_PORT, Integer.toString(FreePorts.next()));
        settings.put(Setting.CLUSTER_NAME, "test-" + UUID.randomUUID());
        return settings;
    }

    static PortOps start(Map<Setting, String> settings) {
        PortOpsConfig config = ConfigResolver.resolve(settings, Map.of());
        PortOps portops = new PortOps(config, Clock.systemUTC());
        try {
            portops.start();
        } catch (RuntimeException e) {
            portops.stop();
            throw e;
        }
        return portops;
    }

    /** A demo at {@code speedUp}, PortOps's clock running at the simulator's pace as {@code portops demo} runs it. */
    static PortOps demo(Map<Setting, String> settings, double speedUp) {
        Map<Setting, String> demo = new EnumMap<>(settings);
        demo.put(Setting.SIM_SPEED_UP, Double.toString(speedUp));
        PortOpsConfig config = ConfigResolver.resolve(demo, Map.of());
        PortOps portops = new PortOps(config, SimulatedClock.startingNow(speedUp), PortOps.Mode.DEMO);
        try {
            portops.start();
        } catch (RuntimeException e) {
            portops.stop();
            throw e;
        }
        return portops;
    }

    static HttpResponse<String> get(PortOps portops, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portops.httpPort() + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
