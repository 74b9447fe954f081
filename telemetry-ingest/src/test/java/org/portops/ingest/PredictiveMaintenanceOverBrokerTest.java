package org.portops.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.ingest.IngestHarness.eventually;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portops.ingest.anomaly.AnomalyParameters;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.event.Addresses;
import org.portops.model.event.Alert;
import org.portops.model.event.AlertKind;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.sim.FleetSizer;
import org.portops.sim.SimulatorConfig;
import org.portops.sim.TerminalSimulator;
import org.portops.sim.engine.Injection;

/**
 * End to end: the simulated terminal through a real broker into the ingest verticle, a quay crane's bearing starts
 * to wear, and its predictive-maintenance alert appears on the event bus. Ten-second windows and an 80-second
 * warm-up (simulated time, ten times faster than the wall clock) keep the test short.
 */
class PredictiveMaintenanceOverBrokerTest {

    private static final Instant START = Instant.parse("2026-11-24T06:00:00Z");
    private static final long SAMPLE_SEED = 20261124L;
    private static final int MACHINES = 24;
    private static final double SPEED_UP = 10;

    @TempDir
    Path folder;
    private Brokers.Broker broker;
    private IngestHarness harness;
    private TerminalSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.stop();
        }
        if (harness != null) {
            harness.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void wearingBearingRaisesAPredictiveMaintenanceAlertOnTheEventBus() throws Exception {
        broker = Brokers.hiveMq(folder);
        TerminalLayout sample = TerminalLayoutLoader.sample();
        TerminalLayout layout = FleetSizer.resize(sample, MACHINES);
        ScaledClock simulatedTime = new ScaledClock(START, SPEED_UP);
        harness = new IngestHarness(broker.url(), layout, Clock.fixed(START, ZoneOffset.UTC), simulatedTime);
        List<Alert> alerts = new CopyOnWriteArrayList<>();
        harness.vertx.eventBus().<JsonObject>consumer(Addresses.ALERT_RAISED,
                message -> alerts.add(Alert.fromMap(message.body().getMap())));
        harness.deploy(harness.config().withAnomaly(AnomalyParameters.defaults()
                .withWindows(Duration.ofSeconds(10), 8, 2, 5)));
        simulator = TerminalSimulator.start(new SimulatorConfig(broker.url(), null, 2, SPEED_UP, SAMPLE_SEED, MACHINES,
                0, Clock.fixed(START, ZoneOffset.UTC), sample, "sim-" + System.nanoTime(), null, null));
        simulatedTime.run();
        EquipmentId crane = simulator.engine().machines().stream().filter(id -> id.value().startsWith("QC"))
                .findFirst().orElseThrow();

        eventually(Duration.ofSeconds(30), () -> assertThat(simulatedTime.instant())
                .isAfter(START.plus(Duration.ofSeconds(100))));
        simulator.inject(new Injection.BearingWear(crane, 120));

        eventually(Duration.ofSeconds(30), () -> assertThat(alerts).anySatisfy(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.PREDICTIVE_MAINTENANCE);
            assertThat(alert.subject()).isEqualTo(crane.value());
            assertThat(alert.text()).startsWith(crane + " vibration ").contains("inspect bearings");
        }));
        assertThat(harness.verticle().metrics().anomalies("raised")).isGreaterThanOrEqualTo(1);
    }
}
