package org.portops.sim.engine;

import java.util.Random;
import org.portops.model.container.Container;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.Spreader;

/**
 * What quay and yard cranes share: a {@link CraneMotion} (gantry, trolley, hoist, spreader) that does the work and
 * from which the readings are taken. Subclasses say where the crane stands and how hard a cycle works its drives.
 */
abstract sealed class SimCrane extends SimMachine permits SimQuayCrane, SimYardCrane {

    SimCrane(Equipment equipment, Random random) {
        super(equipment, random);
    }

    abstract CraneMotion motion();

    /** Drive load while a cycle runs with a box on the spreader, and without one. */
    abstract double ladenWorkload();

    abstract double emptyWorkload();

    @Override
    void work(double dt, Sim sim) {
        motion().step(dt, sim, this);
    }

    @Override
    void brake(double dt) {
        motion().brake(dt);
    }

    @Override
    double heading() {
        return motion().gantry.velocity() < 0 ? 180 : 0;
    }

    @Override
    double speed() {
        return motion().gantry.speed();
    }

    @Override
    double workload() {
        return motion().busy() ? (motion().locked() ? ladenWorkload() : emptyWorkload()) : 0.05;
    }

    @Override
    boolean busy() {
        return motion().busy();
    }

    @Override
    Spreader spreader() {
        return new Spreader(motion().locked(), false);
    }

    @Override
    Container load() {
        return motion().load();
    }

    @Override
    Double hoistHeight() {
        return Math.round(motion().hoist.position() * 100) / 100.0;
    }

    @Override
    Double trolleyPosition() {
        return Math.round(motion().trolley.position() * 100) / 100.0;
    }
}
