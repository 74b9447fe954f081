package org.portops.sim.engine;

import java.time.Instant;
import org.portops.model.container.Container;
import org.portops.model.equipment.Position;
import org.portops.model.work.GateLocation;
import org.portops.model.work.Location;

/**
 * An external road truck: not terminal equipment, so it reports nothing. It enters through an inbound gate lane,
 * drives to the yard crane of its job, is loaded or unloaded, and leaves through an outbound lane.
 */
final class Truck implements Carrier {

    private static final double MAX_SPEED = 8.3;
    private static final double ACCELERATION = 0.8;

    private final GateLocation lane;
    private final Position exit;
    private final Route route;
    private final Job job;
    private Container load;
    private final Instant arrived;
    private boolean served;

    Truck(GateLocation lane, Position entry, Position exit, Job job, Container load, Instant arrived) {
        this.lane = lane;
        this.arrived = arrived;
        this.exit = exit;
        this.route = new Route(entry, 270);
        this.job = job;
        this.load = load;
    }

    void step(double dt, Sim sim) {
        Position target = served ? exit : Handover.atYardCrane(job);
        if (route.standing() && route.position().distanceTo(target) > 0.5) {
            route.follow(sim.geometry().route(route.position(), target));
        }
        route.step(dt, MAX_SPEED, ACCELERATION);
    }

    /** When it entered the terminal. */
    Instant arrived() {
        return arrived;
    }

    /** Left the terminal through the exit lane. */
    boolean gone() {
        return served && route.standing() && route.position().distanceTo(exit) <= 0.5;
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
        return lane;
    }

    @Override
    public Container load() {
        return load;
    }

    @Override
    public void load(Container container) {
        this.load = container;
        served = true;
    }

    @Override
    public Job job() {
        return job;
    }
}
