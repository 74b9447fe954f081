package org.portops.sim.engine;

import java.util.ArrayList;
import java.util.List;
import org.portops.model.equipment.Position;

/**
 * A vehicle driving a polyline of waypoints: it accelerates and brakes within its limits, slows to
 * {@link #CORNER_SPEED} for the corners and stops at the last waypoint using the same discrete braking curve as
 * {@link Axis}.
 */
final class Route {

    static final double CORNER_SPEED = 3.0;

    private final List<Position> waypoints;
    private int next;
    private Position position;
    private double speed;
    private double heading;

    Route(Position start, double heading) {
        this.position = start;
        this.heading = heading;
        this.waypoints = new ArrayList<>();
    }

    /** Drives to new waypoints; only called while standing, so there is never a reversal at speed. */
    void follow(List<Position> path) {
        waypoints.clear();
        for (Position p : path) {
            Position last = waypoints.isEmpty() ? position : waypoints.getLast();
            if (last.distanceTo(p) > 0.01) {
                waypoints.add(p);
            }
        }
        next = 0;
    }

    void step(double dt, double maxSpeed, double acceleration) {
        if (arrived()) {
            speed = Math.max(0, speed - acceleration * dt);
            return;
        }
        double change = acceleration * dt;
        double toCorner = position.distanceTo(waypoints.get(next));
        double toEnd = toCorner;
        for (int i = next + 1; i < waypoints.size(); i++) {
            toEnd += waypoints.get(i - 1).distanceTo(waypoints.get(i));
        }
        double wanted = Math.min(maxSpeed, Axis.brakingSpeed(toEnd, acceleration, dt));
        if (next < waypoints.size() - 1) {
            wanted = Math.min(wanted, Math.sqrt(CORNER_SPEED * CORNER_SPEED + 2 * acceleration * toCorner));
        }
        if (toEnd <= change * dt && speed <= change) {
            position = waypoints.getLast();
            speed = 0;
            next = waypoints.size();
            return;
        }
        speed = Math.max(speed - change, Math.min(speed + change, wanted));
        advance(speed * dt);
    }

    private void advance(double distance) {
        double left = distance;
        while (left > 0 && next < waypoints.size()) {
            Position target = waypoints.get(next);
            double d = position.distanceTo(target);
            if (d > 1e-9) {
                heading = headingOf(position, target);
            }
            if (d <= left) {
                position = target;
                left -= d;
                next++;
            } else {
                double f = left / d;
                position = new Position(position.x() + (target.x() - position.x()) * f,
                        position.y() + (target.y() - position.y()) * f);
                left = 0;
            }
        }
        if (next >= waypoints.size() && speed <= 0.0) {
            speed = 0;
        }
    }

    /** Degrees clockwise from the quay's x axis towards y (inland), 0 inclusive to 360 exclusive. */
    static double headingOf(Position from, Position to) {
        double degrees = Math.toDegrees(Math.atan2(to.y() - from.y(), to.x() - from.x()));
        double normalised = (degrees % 360 + 360) % 360;
        return normalised >= 360 ? 0 : normalised;
    }

    boolean arrived() {
        return next >= waypoints.size();
    }

    boolean standing() {
        return arrived() && speed == 0;
    }

    Position position() {
        return position;
    }

    double speed() {
        return speed;
    }

    double heading() {
        return heading;
    }

    /** Brakes at {@code acceleration} along the path: a stall or a pause. */
    void brake(double dt, double acceleration) {
        speed = Math.max(0, speed - acceleration * dt);
        advance(speed * dt);
    }
}
