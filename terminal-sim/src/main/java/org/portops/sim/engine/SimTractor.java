package org.portops.sim.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import org.portops.model.container.Container;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.Position;
import org.portops.model.equipment.Spreader;
import org.portops.model.work.EquipmentLocation;
import org.portops.model.work.Location;

/**
 * A terminal tractor (or other horizontal transport) carrying one box between a quay crane and a yard crane: it
 * drives the lanes to the crane that loads it, queues until that crane works its job, waits under it, and does
 * the same at the other end. Orders from PortOps wait their turn behind the job it has.
 */
final class SimTractor extends SimMachine implements Carrier {

    private final Route route;
    private final Deque<Job> orders = new ArrayDeque<>();
    private Job job;
    private Container load;
    private boolean picked;

    SimTractor(Equipment equipment, Random random, Position start) {
        super(equipment, random);
        this.route = new Route(start, 0);
    }

    void assign(Job newJob) {
        this.job = newJob;
        this.picked = false;
    }

    /** Takes an order's job: at once when it has none (returns true), else after the jobs before it. */
    boolean take(Job next) {
        if (job == null) {
            assign(next);
            return true;
        }
        orders.addLast(next);
        return false;
    }

    /** Ends the delivered job and takes up the next waiting order; returns it, or null when none waits. */
    Job release() {
        assign(orders.pollFirst());
        return job;
    }

    boolean free() {
        return job == null && !faulted();
    }

    @Override
    void work(double dt, Sim sim) {
        Position target = target();
        if (target != null && route.standing() && route.position().distanceTo(target) > 0.5) {
            route.follow(sim.geometry().route(route.position(), target));
        }
        route.step(dt, limits.maxSpeedMetresPerSecond(), limits.maxAccelerationMetresPerSecond2());
    }

    private Position target() {
        if (job == null) {
            return null;
        }
        boolean atSource = !picked;
        boolean quaySide = atSource != job.fromYard();
        return quaySide ? Handover.atQuayCrane(job) : Handover.atYardCrane(job);
    }

    @Override
    void brake(double dt) {
        route.brake(dt, limits.maxAccelerationMetresPerSecond2());
    }

    @Override
    public Position position() {
        return route.position();
    }

    @Override
    public boolean standingAt(Position point) {
        return route.standing() && route.position().distanceTo(point) <= 0.5;
    }

    @Override
    public Location location() {
        return new EquipmentLocation(id());
    }

    @Override
    public Container load() {
        return load;
    }

    /** Set by the crane at lock (null) or unlock (the box); the second change ends the tractor's part. */
    @Override
    public void load(Container container) {
        this.load = container;
        if (container != null) {
            picked = true;
        }
    }

    @Override
    public Job job() {
        return job;
    }

    /** Whether it has been loaded and unloaded again: its part of the job is over. */
    boolean delivered() {
        return job != null && picked && load == null;
    }

    @Override
    double heading() {
        return route.heading();
    }

    @Override
    double speed() {
        return route.speed();
    }

    @Override
    double workload() {
        return route.speed() > 0.1 ? (load == null ? 0.45 : 0.75) : job == null ? 0.05 : 0.15;
    }

    @Override
    boolean busy() {
        return job != null;
    }

    @Override
    Spreader spreader() {
        return null;
    }

    @Override
    Double hoistHeight() {
        return null;
    }

    @Override
    Double trolleyPosition() {
        return null;
    }
}
