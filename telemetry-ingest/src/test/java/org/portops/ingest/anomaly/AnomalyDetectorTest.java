package org.portops.ingest.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.equipment.Position;
import org.portops.model.equipment.Spreader;
import org.portops.model.telemetry.EquipmentEvent;
import org.portops.model.telemetry.EventMessage;
import org.portops.model.telemetry.GeoReference;
import org.portops.model.telemetry.StateReading;
import org.portops.model.work.Location;

/**
 * The detector on synthetic cranes at 1 Hz: a seeded duty cycle (idle, working empty, laden) drives vibration
 * (noisy, higher under load) and motor temperature (a first-order lag of the workload, as a real motor heats), and
 * faults are written into the series.
 */
class AnomalyDetectorTest {

    private static final Instant START = Instant.parse("2026-11-24T06:00:00Z");
    private static final Position AT = new Position(100, 15);
    private static final ContainerNumber BOX = ContainerNumber.of("MSCU1234566");

    private final List<Anomaly> raised = new ArrayList<>();
    private final List<String> cleared = new ArrayList<>();
    private final AnomalyDetector detector = new AnomalyDetector(AnomalyParameters.defaults(), new AnomalyListener() {
        @Override
        public void raised(Anomaly anomaly) {
            raised.add(anomaly);
        }

        @Override
        public void cleared(EquipmentId machine, Signal signal, Instant at) {
            cleared.add(machine + " " + signal);
        }
    });

    /** A synthetic crane: its duty changes at random every minute or so; its signals follow. */
    private final class Crane {
        final EquipmentId id;
        final Random random;
        final double vibrationBase;
        double vibrationExtra;
        double vibrationFactor = 1;
        double temperatureExtra;
        double temperature = 30;
        int duty;
        long second;
        long sequence;

        Crane(String id, long seed, double vibrationBase) {
            this.id = new EquipmentId(id);
            this.random = new Random(seed);
            this.vibrationBase = vibrationBase;
        }

        Instant now() {
            return START.plusSeconds(second);
        }

        void run(Duration duration) {
            for (long end = second + duration.toSeconds(); second < end; second++) {
                if (random.nextInt(60) == 0) {
                    duty = random.nextInt(3);
                }
                double workload = duty == 0 ? 0.05 : duty == 1 ? 0.6 : 0.9;
                temperature += (27 + 45 * workload - temperature) / 600;
                double vibration = vibrationFactor * vibrationBase * (1 + 0.3 * workload) + vibrationExtra
                        + random.nextGaussian() * 0.1;
                detector.reading(reading(Math.max(0, vibration), temperature + temperatureExtra
                        + random.nextGaussian() * 0.3));
            }
        }

        StateReading reading(double vibration, double celsius) {
            return new StateReading(id, sequence++, now(), EquipmentKind.QUAY_CRANE, AT,
                    GeoReference.SAMPLE.toWgs84(AT), 0, 0, duty == 0 ? EquipmentStatus.IDLE : EquipmentStatus.WORKING,
                    new Spreader(duty == 2, false),
                    duty == 2 ? BOX : null, duty == 2 ? 20_000 : 0, 20.0, 10.0, celsius, vibration, null, List.of());
        }

        void lock() {
            detector.event(new EventMessage(id, sequence++, now(), new EquipmentEvent.SpreaderLocked(BOX, AT,
                    Location.parse("yard:A01-05-03-2"))));
        }

        void unlock() {
            detector.event(new EventMessage(id, sequence++, now(), new EquipmentEvent.SpreaderUnlocked(BOX, AT,
                    Location.parse("vessel:CALL1/0340282"))));
        }
    }

    private List<Anomaly> raisedOn(Crane crane, Signal signal) {
        return raised.stream().filter(a -> a.machine().equals(crane.id) && a.signal() == signal).toList();
    }

    @Test
    void stationaryNoiseAndDutySwingsNeverAlertOverTwoDays() {
        long seed = 20261124L;
        for (int i = 0; i < 4; i++) {
            new Crane("QC0" + (i + 1), seed + i, 1.5 + i).run(Duration.ofHours(48));
        }
        assertThat(raised).as("seed %d: alerts on 192 machine-hours of stationary noise", seed).isEmpty();
    }

    @Test
    void vibrationStepAlertsWithinFiveMinutesInOperatorWords() {
        Crane crane = new Crane("QC03", 7, 1.8);
        crane.run(Duration.ofHours(2));
        Instant step = crane.now();
        crane.vibrationFactor = 2.9;
        crane.run(Duration.ofMinutes(10));
        List<Anomaly> alerts = raisedOn(crane, Signal.VIBRATION);
        assertThat(alerts).hasSize(1);
        assertThat(Duration.between(step, alerts.getFirst().at())).isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(alerts.getFirst().text()).startsWith("QC03 vibration 2.9× its baseline for ")
                .endsWith("— inspect bearings and gearbox");
    }

    @Test
    void slowVibrationDriftAlertsBeforeItDoubles() {
        Crane crane = new Crane("QC04", 8, 2.0);
        crane.run(Duration.ofHours(2));
        Instant wearStart = crane.now();
        double perHour = 0.5;
        for (int minute = 0; minute < 8 * 60 && raised.isEmpty(); minute++) {
            crane.vibrationExtra = perHour * minute / 60.0;
            crane.run(Duration.ofMinutes(1));
        }
        assertThat(raised).extracting(Anomaly::signal).containsExactly(Signal.VIBRATION);
        Anomaly alert = raised.getFirst();
        assertThat(Duration.between(wearStart, alert.at())).as("drift of %.1f mm/s per hour", perHour)
                .isLessThan(Duration.ofMinutes(90));
        assertThat(alert.observed() / alert.expected()).isBetween(1.25, 1.6);
    }

    @Test
    void singleSpikesAreIgnored() {
        Crane crane = new Crane("QC05", 9, 1.8);
        crane.run(Duration.ofHours(2));
        detector.reading(crane.reading(60, 150));
        crane.vibrationFactor = 5;
        crane.temperatureExtra = 40;
        crane.run(Duration.ofMinutes(1));
        crane.vibrationFactor = 1;
        crane.temperatureExtra = 0;
        crane.run(Duration.ofHours(1));
        assertThat(raised).isEmpty();
    }

    @Test
    void baselinesArePerMachine() {
        Crane smooth = new Crane("QC06", 10, 1.2);
        Crane rough = new Crane("QC07", 11, 6.0);
        for (int i = 0; i < 12; i++) {
            smooth.run(Duration.ofMinutes(10));
            rough.run(Duration.ofMinutes(10));
        }
        smooth.vibrationFactor = 2;
        for (int i = 0; i < 3; i++) {
            smooth.run(Duration.ofMinutes(10));
            rough.run(Duration.ofMinutes(10));
        }
        assertThat(raised).as("the rough machine's normal is not the smooth one's alarm, nor the other way round")
                .extracting(a -> a.machine().value()).containsExactly("QC06");
    }

    @Test
    void temperatureAboveWhatTheWorkloadExplainsAlerts() {
        Crane crane = new Crane("QC08", 12, 1.8);
        crane.run(Duration.ofHours(3));
        assertThat(raised).isEmpty();
        crane.temperatureExtra = 12;
        crane.run(Duration.ofMinutes(15));
        assertThat(raisedOn(crane, Signal.MOTOR_TEMPERATURE)).singleElement()
                .satisfies(a -> assertThat(a.text()).startsWith("QC08 motor temperature 12.")
                        .contains("°C above its baseline"));
    }

    @Test
    void slowerLadenCraneCyclesAlertWhateverTheWaitsBetween() {
        Crane crane = new Crane("QC09", 13, 1.8);
        for (int cycle = 0; cycle < 60; cycle++) {
            crane.lock();
            crane.run(Duration.ofSeconds(50 + crane.random.nextInt(20)));
            crane.unlock();
            crane.run(Duration.ofSeconds(30 + crane.random.nextInt(300)));
        }
        for (int cycle = 0; cycle < 8; cycle++) {
            crane.lock();
            crane.run(Duration.ofSeconds(95 + crane.random.nextInt(20)));
            crane.unlock();
            crane.run(Duration.ofSeconds(30 + crane.random.nextInt(300)));
        }
        assertThat(raisedOn(crane, Signal.CYCLE_TIME)).singleElement()
                .satisfies(a -> assertThat(a.text()).startsWith("QC09 cycle time 1.").contains("lock to unlock"));
    }

    @Test
    void persistingAnomalyRepeatsHourlyAndRearmsWhenCleared() {
        Crane crane = new Crane("QC10", 14, 1.8);
        crane.run(Duration.ofHours(2));
        crane.vibrationFactor = 2;
        crane.run(Duration.ofMinutes(90));
        assertThat(raised).extracting(Anomaly::repeat).containsExactly(false, true);
        assertThat(raised.get(1).text()).contains("still for");
        crane.vibrationFactor = 1;
        crane.run(Duration.ofMinutes(40));
        assertThat(cleared).containsExactly("QC10 VIBRATION");
        crane.vibrationFactor = 2;
        crane.run(Duration.ofMinutes(10));
        assertThat(raised).hasSize(3);
        assertThat(raised.get(2).repeat()).isFalse();
    }
}
