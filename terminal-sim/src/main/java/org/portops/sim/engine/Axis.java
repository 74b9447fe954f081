package org.portops.sim.engine;

/**
 * One motion axis (gantry, trolley or hoist) driven to a target with a trapezoidal profile whose speed never
 * changes by more than {@code acceleration × dt} per tick: it brakes along the discrete braking curve so that it
 * arrives at the target at rest without an abrupt stop.
 */
final class Axis {

    private double position;
    private double velocity;
    private double target;
    private double maxSpeed;
    private final double acceleration;

    Axis(double position, double maxSpeed, double acceleration) {
        this.position = position;
        this.target = position;
        this.maxSpeed = maxSpeed;
        this.acceleration = acceleration;
    }

    void moveTo(double newTarget, double speedLimit) {
        target = newTarget;
        maxSpeed = speedLimit;
    }

    void step(double dt) {
        double remaining = target - position;
        if (remaining == 0 && velocity == 0) {
            return;
        }
        double change = acceleration * dt;
        if (Math.abs(remaining) <= change * dt && Math.abs(velocity) <= change) {
            position = target;
            velocity = 0;
            return;
        }
        double direction = Math.signum(remaining);
        double wanted = direction * Math.min(maxSpeed, brakingSpeed(Math.abs(remaining), acceleration, dt));
        velocity = Math.max(velocity - change, Math.min(velocity + change, wanted));
        double travel = velocity * dt;
        if (Math.abs(travel) >= Math.abs(remaining) && Math.abs(velocity) <= change * 1.0001) {
            position = target;
            velocity = 0;
        } else {
            position += travel;
        }
    }

    /**
     * The speed from which braking by {@code a·dt} per tick stops within {@code distance}: k steps of braking
     * cover {@code a·dt²·k(k+1)/2}.
     */
    static double brakingSpeed(double distance, double a, double dt) {
        double k = (Math.sqrt(1 + 8 * distance / (a * dt * dt)) - 1) / 2;
        return Math.floor(k) * a * dt;
    }

    /** Puts the axis at rest at {@code at}: setting up the starting scene, before the first tick only. */
    void place(double at) {
        position = at;
        target = at;
        velocity = 0;
    }

    boolean arrived() {
        return position == target && velocity == 0;
    }

    double position() {
        return position;
    }

    double speed() {
        return Math.abs(velocity);
    }

    double velocity() {
        return velocity;
    }

    /** Brakes at the axis's limit without changing the target: a fault or a pause. */
    void brake(double dt) {
        double change = acceleration * dt;
        velocity = velocity > 0 ? Math.max(0, velocity - change) : Math.min(0, velocity + change);
        position += velocity * dt;
    }
}
