package org.portops.sim.engine;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.portops.model.container.Container;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.equipment.KindLimits;
import org.portops.model.equipment.Position;
import org.portops.model.equipment.Spreader;
import org.portops.model.telemetry.GeoReference;
import org.portops.model.telemetry.StateReading;

/**
 * A simulated machine: its motion (by kind), health signals, active faults, pause state and per-machine message
 * sequence. Each tick it either works ({@link #work}) or, when faulted or paused, brakes within its limits.
 */
abstract sealed class SimMachine permits SimCrane, SimTractor, SimStandby {

    final Equipment equipment;
    final KindLimits limits;
    final Health health;
    private final TreeMap<String, String> faults = new TreeMap<>();
    private long sequence;
    private boolean paused;
    private Instant silentUntil = Instant.MIN;
    /** Works PortOps's orders only: the autonomous operation gives it nothing new. */
    boolean directed;

    SimMachine(Equipment equipment, Random random) {
        this.equipment = equipment;
        this.limits = KindLimits.of(equipment.kind());
        this.health = new Health(equipment.kind(), random);
    }

    EquipmentId id() {
        return equipment.id();
    }

    EquipmentKind kind() {
        return equipment.kind();
    }

    /** The next number of this machine's single sequence across all its topics. */
    long nextSequence() {
        return sequence++;
    }

    final void tick(double dt, Sim sim) {
        health.step(dt, workload(), sim.random());
        if (faults.isEmpty() && !paused) {
            work(dt, sim);
        } else {
            brake(dt);
        }
    }

    abstract void work(double dt, Sim sim);

    abstract void brake(double dt);

    abstract Position position();

    abstract double heading();

    abstract double speed();

    /** 0 idle .. 1 flat out, drives temperature, vibration and fuel. */
    abstract double workload();

    abstract boolean busy();

    /** Null for machines without a spreader. */
    abstract Spreader spreader();

    abstract Container load();

    abstract Double hoistHeight();

    abstract Double trolleyPosition();

    EquipmentStatus status() {
        if (!faults.isEmpty()) {
            return EquipmentStatus.FAULT;
        }
        return busy() && !paused ? EquipmentStatus.WORKING : EquipmentStatus.IDLE;
    }

    boolean raiseFault(String code, String text) {
        return faults.putIfAbsent(code, text) == null;
    }

    boolean clearFault(String code) {
        return faults.remove(code) != null;
    }

    List<String> faultCodes() {
        return List.copyOf(faults.keySet());
    }

    boolean faulted() {
        return !faults.isEmpty();
    }

    void pause(boolean pause) {
        this.paused = pause;
    }

    void silence(Instant until) {
        this.silentUntil = until;
    }

    boolean silent(Instant now) {
        return now.isBefore(silentUntil);
    }

    StateReading reading(Instant now, GeoReference geo) {
        Position position = position();
        Container load = load();
        return new StateReading(id(), nextSequence(), now, kind(), position, geo.toWgs84(position), heading(),
                speed(), status(), spreader(), load == null ? null : load.number(),
                load == null ? 0 : load.weight().kilograms(), hoistHeight(), trolleyPosition(),
                round(health.motorTemperature()), round(health.vibration()),
                health.energy() == null ? null : round(health.energy()), faultCodes());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
