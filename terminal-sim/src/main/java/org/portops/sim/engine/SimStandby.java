package org.portops.sim.engine;

import java.util.Random;
import org.portops.model.container.Container;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.Position;
import org.portops.model.equipment.Spreader;

/** A machine the autonomous operation leaves parked (reach stackers): it reports, but does not move. */
final class SimStandby extends SimMachine {

    private final Position parking;

    SimStandby(Equipment equipment, Random random, Position parking) {
        super(equipment, random);
        this.parking = parking;
    }

    @Override
    void work(double dt, Sim sim) {
        // A parked machine has nothing to do; it still reports its readings.
    }

    @Override
    void brake(double dt) {
        // Already standing.
    }

    @Override
    Position position() {
        return parking;
    }

    @Override
    double heading() {
        return 0;
    }

    @Override
    double speed() {
        return 0;
    }

    @Override
    double workload() {
        return 0;
    }

    @Override
    boolean busy() {
        return false;
    }

    @Override
    Spreader spreader() {
        return Spreader.UNLOCKED;
    }

    @Override
    Container load() {
        return null;
    }

    @Override
    Double hoistHeight() {
        return 0.0;
    }

    @Override
    Double trolleyPosition() {
        return null;
    }
}
