package org.portops.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.ingest.IngestHarness.eventually;
import static org.portops.state.testsupport.Await.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.portops.ingest.anomaly.AnomalyParameters;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.Position;
import org.portops.model.event.Addresses;
import org.portops.model.event.Alert;
import org.portops.model.event.AlertKind;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.work.Location;
import org.portops.sim.FleetSizer;
import org.portops.sim.SimulatorConfig;
import org.portops.sim.TerminalSimulator;
import org.portops.sim.engine.Injection;
import org.portops.state.ContainerView;

/**
 * The simulated terminal's real traffic through a real broker into the ingest: a quay crane's bearing starts to wear
 * and its predictive-maintenance alert appears on the event bus; the whole period of simulated traffic, wear
 * included, is never refused and moves containers in the live yard; then every injected attack is refused for its
 * reason. The simulator and the live yard start from the same sample inventory (the live yard's seed and start time).
 * Ten-second anomaly windows and a 100-second warm-up (simulated time, ten times faster than the wall clock) keep the
 * wear short; the clean traffic keeps running meanwhile, so the two cost one period of simulated time, not two.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatedTerminalIngestTest {

    private static final Instant START = Instant.parse("2026-11-24T06:00:00Z");
    /** The live yard's sample-inventory seed, so the simulator's yard and vessels are the live yard's. */
    private static final long SAMPLE_SEED = 20261124L;
    private static final int MACHINES = 24;
    private static final double SPEED_UP = 10;

    @TempDir
    static Path folder;
    private static Brokers.Broker broker;
    private static IngestHarness harness;
    private static TerminalSimulator simulator;

    private static ScaledClock simulatedTime;
    private static final List<Alert> ALERTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        broker = Brokers.hiveMq(folder);
        TerminalLayout sample = TerminalLayoutLoader.sample();
        TerminalLayout layout = FleetSizer.resize(sample, MACHINES);
        simulatedTime = new ScaledClock(START, SPEED_UP);
        harness = new IngestHarness(broker.url(), layout, Clock.fixed(START, ZoneOffset.UTC), simulatedTime);
        harness.vertx.eventBus().<JsonObject>consumer(Addresses.ALERT_RAISED,
                message -> ALERTS.add(Alert.fromMap(message.body().getMap())));
        harness.deploy(harness.config().withAnomaly(AnomalyParameters.defaults()
                .withWindows(Duration.ofSeconds(10), 8, 2, 5)));
        simulator = TerminalSimulator.start(new SimulatorConfig(broker.url(), null, 2, SPEED_UP, SAMPLE_SEED, MACHINES,
                0, Clock.fixed(START, ZoneOffset.UTC), sample, "sim-" + System.nanoTime(), null, null));
        simulatedTime.run();
    }

    @AfterAll
    static void stop() {
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

    private static List<List<Object>> quarantine() {
        return harness.query("select reason_code, machine_claimed, reason_text from telemetry_quarantine order by id");
    }

    @Test
    @Order(1)
    void wearingBearingRaisesAPredictiveMaintenanceAlertOnTheEventBus() {
        EquipmentId crane = simulator.engine().machines().stream().filter(id -> id.value().startsWith("QC"))
                .findFirst().orElseThrow();

        eventually(Duration.ofSeconds(30), () -> assertThat(simulatedTime.instant())
                .isAfter(START.plus(Duration.ofSeconds(100))));
        simulator.inject(new Injection.BearingWear(crane, 120));

        eventually(Duration.ofSeconds(30), () -> assertThat(ALERTS).anySatisfy(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.PREDICTIVE_MAINTENANCE);
            assertThat(alert.subject()).isEqualTo(crane.value());
            assertThat(alert.text()).startsWith(crane + " vibration ").contains("inspect bearings");
        }));
        assertThat(harness.verticle().metrics().anomalies("raised")).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(2)
    void cleanSimulatedTrafficIsNeverRefusedAndMovesContainers() throws Exception {
        eventually(Duration.ofSeconds(60), () -> assertThat(harness.count("select count(*) from telemetry_event "
                + "where outcome = 'MOVED'")).isGreaterThanOrEqualTo(4));
        assertThat(quarantine()).as("false rejections").isEmpty();
        assertThat(harness.verticle().metrics().rejections()).isZero();
        List<EquipmentState> states = await(harness.yard.reader().equipment());
        assertThat(states).hasSize(MACHINES).allSatisfy(state -> assertThat(state.lastSeen()).isAfter(START));
        List<Object> lastMove = harness.query("select container, location, move_seq from telemetry_event where "
                + "outcome = 'MOVED' and move_seq is not null order by id desc limit 1").getFirst();
        ContainerNumber moved = ContainerNumber.of((String) lastMove.get(0));
        eventually(Duration.ofSeconds(5), () -> assertThat(await(harness.yard.reader().container(moved))
                .map(ContainerView::location)).as("%s stands where the machine set it down", moved)
                .contains(Location.parse((String) lastMove.get(1))));
        assertThat(harness.count("select count(*) from move_log where seq = ?", lastMove.get(2))).isEqualTo(1);
        assertThat(harness.query("select outcome_text from telemetry_event where outcome = 'MOVE_REFUSED'"))
                .as("refused moves: only boxes arriving at the gate, whose master data telemetry does not carry")
                .allSatisfy(row -> assertThat((String) row.getFirst()).contains("without master data"));
    }

    @Test
    @Order(3)
    void everyInjectedAttackIsRefusedForItsReason() throws Exception {
        List<EquipmentId> machines = simulator.engine().machines();
        EquipmentId crane = machines.stream().filter(id -> id.value().startsWith("QC")).findFirst().orElseThrow();
        EquipmentId other = machines.stream().filter(id -> id.value().startsWith("QC")).skip(1).findFirst()
                .orElseThrow();
        EquipmentId tractor = machines.stream().filter(id -> !id.value().startsWith("RMS-")
                && simulator.engine().kindOf(id) == EquipmentKind.TERMINAL_TRACTOR).findFirst().orElseThrow();
        EquipmentId yardCrane = machines.stream().filter(id -> !id.value().startsWith("RMS-")
                && simulator.engine().kindOf(id).isYardCrane()).findFirst().orElseThrow();
        simulator.inject(new Injection.Replay(crane));
        simulator.inject(new Injection.ForeignId(crane, other));
        simulator.inject(new Injection.Teleport(tractor, new Position(1100, 30)));
        simulator.inject(new Injection.Teleport(yardCrane, new Position(9000, 9000)));
        for (Injection.Malformation kind : Injection.Malformation.values()) {
            simulator.inject(new Injection.Malformed(other, kind));
        }
        eventually(Duration.ofSeconds(30), () -> assertThat(quarantine()).hasSize(9));
        Thread.sleep(2_000);
        List<List<Object>> refused = quarantine();
        assertThat(refused).extracting(row -> row.get(0) + " " + row.get(1)).containsExactlyInAnyOrder(
                "REPLAY " + crane, "SPOOFED_ID " + crane, "TELEPORT " + tractor, "OUTSIDE_TERMINAL " + yardCrane,
                "MALFORMED " + other, "MALFORMED " + other, "MALFORMED " + other, "MALFORMED " + other,
                "MALFORMED " + other);
        assertThat(refused).filteredOn(row -> row.get(0).equals("MALFORMED")).extracting(row -> (String) row.get(2))
                .anySatisfy(text -> assertThat(text).startsWith("payload: is not valid JSON"))
                .anySatisfy(text -> assertThat(text).startsWith("sequence: is required"))
                .anySatisfy(text -> assertThat(text).startsWith("speedMps: must be a number"))
                .anySatisfy(text -> assertThat(text).startsWith("speedMps: must be 0.0..100.0"))
                .anySatisfy(text -> assertThat(text).startsWith("load: container number MSCU1234560"));
    }
}
