package org.portops.ingest.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.portops.model.equipment.EquipmentId;
import org.portops.sim.engine.Injection;

/**
 * The detector on the simulator's own traffic at 5 Hz (fed straight from the engine): clean traffic over hundreds
 * of machine-hours stays under the documented false-alarm bound, and a wearing bearing alerts long before the
 * machine fails. The figures in docs/anomaly-detection.md come from here; a larger run:
 * {@code -Danomaly.machines=120 -Danomaly.hours=24}.
 */
class SimulatedFleetAnomalyTest {

    /** The documented bound: at most one false alert per 200 machine-hours of clean traffic. */
    private static final double FALSE_ALERTS_PER_MACHINE_HOUR = 1.0 / 200;
    /** ISO 10816-3 zone C/D boundary (flexible mounting, large machines): damage expected, stop the machine. */
    private static final double FAILURE_MILLIMETRES_PER_SECOND = 7.1;
    /** A quay crane's vibration baseline in the simulator, laden (1.8 mm/s × 1.27). */
    private static final double QUAY_CRANE_LADEN_BASELINE = 2.29;
    private static final double RATE_HZ = 5;

    @Test
    void cleanSimulatedTrafficStaysUnderTheFalseAlarmBound() {
        int machines = Integer.getInteger("anomaly.machines", 48);
        int hours = Integer.getInteger("anomaly.hours", 8);
        long seed = Long.getLong("anomaly.seed", 11);
        long started = System.nanoTime();
        SimulatedFleet fleet = new SimulatedFleet(machines, seed, RATE_HZ, AnomalyParameters.defaults());
        fleet.advance(Duration.ofHours(hours));
        double machineHours = fleet.machineHours();
        double rate = fleet.raised.size() / machineHours;
        System.out.printf(Locale.ROOT, "clean traffic, seed %d: %d machines, %.0f machine-hours, %d readings/s of "
                        + "simulated time, %d alerts = %.5f per machine-hour (%.1f s)%n", seed,
                fleet.machinesReporting(), machineHours, (long) (fleet.machinesReporting() * RATE_HZ),
                fleet.raised.size(), rate, (System.nanoTime() - started) / 1e9);
        fleet.raised.forEach(a -> System.out.println("  false alert: " + a.text()));
        assertThat(machineHours).isGreaterThanOrEqualTo(machines * hours * 0.95);
        assertThat(rate).as("seed %d: false alerts %s", seed, fleet.raised.stream().map(Anomaly::text).toList())
                .isLessThanOrEqualTo(FALSE_ALERTS_PER_MACHINE_HOUR);
    }

    @Test
    void wearingBearingAlertsBeforeTheSimulatedFailure() {
        for (double perHour : new double[] {0.5, 2.0}) {
            SimulatedFleet fleet = new SimulatedFleet(16, 5, RATE_HZ, AnomalyParameters.defaults());
            fleet.advance(Duration.ofHours(2));
            EquipmentId crane = new EquipmentId("QC01");
            Instant wearStart = fleet.engine.now();
            Duration toFailure = Duration.ofSeconds((long) ((FAILURE_MILLIMETRES_PER_SECOND - QUAY_CRANE_LADEN_BASELINE)
                    / perHour * 3600));
            fleet.inject(new Injection.BearingWear(crane, perHour));
            while (fleet.raisedOn(crane).isEmpty() && fleet.engine.now().isBefore(wearStart.plus(toFailure))) {
                fleet.advance(Duration.ofMinutes(1));
            }
            List<Anomaly> alerts = fleet.raisedOn(crane);
            assertThat(alerts).as("wear %.1f mm/s per hour", perHour).isNotEmpty();
            Anomaly first = alerts.getFirst();
            Duration delay = Duration.between(wearStart, first.at());
            System.out.printf(Locale.ROOT, "bearing wear %.1f mm/s/h: alert after %d min, simulated failure after %d "
                    + "min (lead %d min): %s%n", perHour, delay.toMinutes(), toFailure.toMinutes(),
                    toFailure.minus(delay).toMinutes(), first.text());
            assertThat(first.signal()).isEqualTo(Signal.VIBRATION);
            assertThat(delay).isLessThan(toFailure.dividedBy(4));
            assertThat(fleet.raised).as("only the wearing crane alerts").allMatch(a -> a.machine().equals(crane));
        }
    }
}
