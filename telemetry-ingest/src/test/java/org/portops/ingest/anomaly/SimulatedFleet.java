package org.portops.ingest.anomaly;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.layout.SampleInventory;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.telemetry.EventMessage;
import org.portops.model.telemetry.GeoReference;
import org.portops.model.telemetry.StateReading;
import org.portops.sim.FleetSizer;
import org.portops.sim.engine.EngineConfig;
import org.portops.sim.engine.Injection;
import org.portops.sim.engine.Outbound;
import org.portops.sim.engine.SimEngine;
import org.portops.sim.engine.TelemetrySink;

/**
 * The simulator's engine feeding an anomaly detector directly (no broker: the same messages, much faster),
 * recording what the detector concludes and how many machine-hours of readings it saw.
 */
final class SimulatedFleet implements TelemetrySink, AnomalyListener {

    static final Instant START = Instant.parse("2026-11-24T06:00:00Z");

    final List<Anomaly> raised = new ArrayList<>();
    final List<String> cleared = new ArrayList<>();
    final SimEngine engine;
    private final AnomalyDetector detector;
    private final double rateHz;
    private final Map<EquipmentId, Long> readings = new HashMap<>();

    SimulatedFleet(int machines, long seed, double rateHz, AnomalyParameters parameters) {
        TerminalLayout layout = FleetSizer.resize(TerminalLayoutLoader.sample(), machines);
        this.rateHz = rateHz;
        this.detector = new AnomalyDetector(parameters, this);
        this.engine = new SimEngine(new EngineConfig(layout, SampleInventory.generate(layout, seed, START),
                layout.terminalCode(), seed, START, rateHz, Duration.ofMinutes(1), GeoReference.SAMPLE), this);
    }

    void advance(Duration duration) {
        engine.advance(duration);
    }

    void inject(Injection injection) {
        engine.inject(injection);
    }

    /** Hours of readings seen, summed over machines. */
    double machineHours() {
        return readings.values().stream().mapToLong(Long::longValue).sum() / rateHz / 3600;
    }

    int machinesReporting() {
        return readings.size();
    }

    List<Anomaly> raisedOn(EquipmentId machine) {
        return raised.stream().filter(a -> a.machine().equals(machine)).toList();
    }

    @Override
    public void publish(Outbound message) {
        if (message instanceof Outbound.Message(var topic, StateReading reading)) {
            readings.merge(reading.machineId(), 1L, Long::sum);
            detector.reading(reading);
        } else if (message instanceof Outbound.Message(var topic, EventMessage event)) {
            detector.event(event);
        }
    }

    @Override
    public void raised(Anomaly anomaly) {
        raised.add(anomaly);
    }

    @Override
    public void cleared(EquipmentId machine, Signal signal, Instant at) {
        cleared.add(machine + " " + signal + " " + at);
    }
}
