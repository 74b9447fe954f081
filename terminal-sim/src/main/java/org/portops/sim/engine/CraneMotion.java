package org.portops.sim.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.portops.model.container.Container;
import org.portops.model.telemetry.EquipmentEvent.SpreaderLocked;
import org.portops.model.telemetry.EquipmentEvent.SpreaderUnlocked;
import org.portops.model.work.EquipmentLocation;
import org.portops.model.work.GateLocation;
import org.portops.model.work.Location;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.YardLocation;

/**
 * The working cycle shared by quay and yard cranes: travel (hoisting to the safe height, then trolley and gantry),
 * wait for the carrier if the end is one, lower, lock or unlock after a dwell, and on to the other end. Locking and
 * unlocking are the moments the container changes place: they emit the spreader events and update the sim's yard,
 * the vessel or the carrier.
 */
final class CraneMotion {

    /** Phases of one crane move, in order. */
    enum Phase { IDLE, TRAVEL_TO_PICK, WAIT_PICK, LOWER_PICK, LOCK, TRAVEL_TO_SET, WAIT_SET, LOWER_SET, UNLOCK }

    /** Top speeds of the axes (gantry, trolley, hoist empty and loaded) and trolley and hoist accelerations. */
    record Speeds(double gantry, double trolley, double trolleyAcceleration, double hoistEmpty, double hoistLoaded,
                  double hoistAcceleration) {
    }

    /** The two ends of a job for this crane. */
    record Ends(CraneEnd pick, CraneEnd set) {
    }

    final Axis gantry;
    final Axis trolley;
    final Axis hoist;
    private final Speeds speeds;
    private final double safeHeight;
    private final double clearance;
    private final Function<Job, Ends> ends;
    private final Deque<Job> queue = new ArrayDeque<>();
    private Phase phase = Phase.IDLE;
    private Ends current;
    private double dwellLeft;
    private Container load;
    private int moves;

    CraneMotion(Axis gantry, Axis trolley, Axis hoist, Speeds speeds, double safeHeight, double clearance,
                Function<Job, Ends> ends) {
        this.gantry = gantry;
        this.trolley = trolley;
        this.hoist = hoist;
        this.speeds = speeds;
        this.safeHeight = safeHeight;
        this.clearance = clearance;
        this.ends = ends;
    }

    void enqueue(Job job) {
        queue.addLast(job);
    }

    Job currentJob() {
        return queue.peekFirst();
    }

    /** 0 for the job being worked, 1 for the next, ...; -1 when not queued here. */
    int rank(Job job) {
        return List.copyOf(queue).indexOf(job);
    }

    int queued() {
        return queue.size();
    }

    boolean busy() {
        return phase != Phase.IDLE;
    }

    /** At an end of its move, waiting for the carrier (tractor or truck) to stand there with the right load. */
    boolean waitingForCarrier() {
        return phase == Phase.WAIT_PICK || phase == Phase.WAIT_SET;
    }

    Container load() {
        return load;
    }

    boolean locked() {
        return load != null;
    }

    int moves() {
        return moves;
    }

    Phase phase() {
        return phase;
    }

    void step(double dt, Sim sim, SimMachine crane) {
        switch (phase) {
            case IDLE -> startNext();
            case TRAVEL_TO_PICK -> travel(current.pick(), Phase.WAIT_PICK);
            case WAIT_PICK -> waitFor(current.pick(), true, Phase.LOWER_PICK);
            case LOWER_PICK -> lower(current.pick(), Phase.LOCK, sim);
            case LOCK -> dwell(dt, () -> lock(sim, crane), Phase.TRAVEL_TO_SET);
            case TRAVEL_TO_SET -> travel(current.set(), Phase.WAIT_SET);
            case WAIT_SET -> waitFor(current.set(), false, Phase.LOWER_SET);
            case LOWER_SET -> lower(current.set(), Phase.UNLOCK, sim);
            case UNLOCK -> dwell(dt, () -> unlock(sim, crane), Phase.IDLE);
        }
        gantry.step(dt);
        trolley.step(dt);
        hoist.step(dt);
    }

    void brake(double dt) {
        gantry.brake(dt);
        trolley.brake(dt);
        hoist.brake(dt);
    }

    private double hoistSpeed() {
        return load == null ? speeds.hoistEmpty() : speeds.hoistLoaded();
    }

    private void startNext() {
        hoist.moveTo(safeHeight, hoistSpeed());
        Job job = queue.peekFirst();
        if (job != null) {
            current = ends.apply(job);
            phase = Phase.TRAVEL_TO_PICK;
        }
    }

    private void travel(CraneEnd end, Phase next) {
        hoist.moveTo(safeHeight, hoistSpeed());
        if (hoist.position() >= clearance) {
            trolley.moveTo(end.trolley(), speeds.trolley());
            gantry.moveTo(end.gantryX(), speeds.gantry());
        }
        if (gantry.arrived() && trolley.arrived() && gantry.position() == end.gantryX()
                && trolley.position() == end.trolley()) {
            phase = next;
        }
    }

    private void waitFor(CraneEnd end, boolean picking, Phase next) {
        Carrier carrier = end.carrier();
        if (carrier == null) {
            phase = next;
            return;
        }
        Job job = queue.peekFirst();
        boolean ready = carrier.job() == job && carrier.standingAt(end.servingPoint())
                && (picking ? carrier.load() == job.container : carrier.load() == null);
        if (ready) {
            phase = next;
        }
    }

    private void lower(CraneEnd end, Phase next, Sim sim) {
        hoist.moveTo(end.height(), hoistSpeed());
        if (hoist.arrived() && hoist.position() == end.height()) {
            phase = next;
            dwellLeft = phase == Phase.LOCK ? 3 + sim.random().nextDouble() * 4 : 2 + sim.random().nextDouble() * 3;
        }
    }

    private void dwell(double dt, Runnable done, Phase next) {
        dwellLeft -= dt;
        if (dwellLeft <= 0) {
            done.run();
            phase = next;
        }
    }

    private void lock(Sim sim, SimMachine crane) {
        Job job = queue.peekFirst();
        CraneEnd pick = current.pick();
        switch (pick.location()) {
            case YardLocation yard -> sim.yard().remove(job.container.number());
            case VesselLocation vessel -> sim.operations().discharged(job);
            case EquipmentLocation onMachine -> pick.carrier().load(null);
            case GateLocation gate -> pick.carrier().load(null);
        }
        load = job.container;
        sim.emitter().event(crane, new SpreaderLocked(job.container.number(), crane.position(), pick.location()));
        sim.orders().picked(job, crane, pick);
    }

    private void unlock(Sim sim, SimMachine crane) {
        Job job = queue.pollFirst();
        CraneEnd set = current.set();
        switch (set.location()) {
            case YardLocation yard -> sim.yard().place(job.container, yard.slot()).ifPresent(reason -> {
                throw new IllegalStateException(crane.id() + " cannot set down " + job + ": " + reason);
            });
            case VesselLocation vessel -> sim.operations().loaded(job);
            case EquipmentLocation onMachine -> set.carrier().load(job.container);
            case GateLocation gate -> set.carrier().load(job.container);
        }
        load = null;
        moves++;
        current = null;
        sim.emitter().event(crane, new SpreaderUnlocked(job.container.number(), crane.position(), set.location()));
        sim.orders().setDown(job, crane, set);
        sim.operations().cranePartDone(job, crane);
    }
}
