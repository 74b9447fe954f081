package org.portops.sim.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.Position;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.PlacedContainer;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.Tier;
import org.portops.model.yard.YardSlot;
import org.portops.sim.yard.SimYard;

/**
 * The autonomous terminal operation, run once a simulated second in phases: berth due vessels, feed each working
 * quay crane its next discharge or load (with a tractor, a yard slot and the yard crane), free tractors that have
 * delivered, and let vessels sail when done. Gate trucks come from {@link GateTraffic}. Machines working PortOps's
 * orders ({@link SimMachine#directed}) get nothing new from it; the orders' moves are started here too
 * ({@link #startDirected}), with the same reservations and handovers.
 */
final class Operations {

    /** Quay crane jobs kept ahead of the crane, so it never waits for planning. */
    private static final int QUAY_LOOKAHEAD = 3;
    private static final int LOAD_CANDIDATES = 12;

    private final Sim sim;
    private final Fleet fleet;
    private final VesselWork vessels;
    private final GateTraffic gate;
    private final boolean gateTraffic;
    private final Reservations reservations = new Reservations();
    private final SlotFinder slots;
    private final Set<ContainerNumber> planned = new HashSet<>();
    private final List<Job> open = new ArrayList<>();
    /** Load jobs whose box is not yet on its tractor: they join the quay crane's queue once it is. */
    private final List<Job> loadsInYard = new ArrayList<>();
    private final Map<EquipmentId, Long> craneSeconds = new LinkedHashMap<>();
    private final Map<EquipmentId, Long> waitingSeconds = new LinkedHashMap<>();
    private long nextJob = 1;
    private int discharged;
    private int loaded;

    Operations(Sim sim, Fleet fleet, List<VesselCall> calls, OperatingMode mode) {
        this.sim = sim;
        this.gateTraffic = mode != OperatingMode.DIRECTED;
        this.fleet = fleet;
        this.vessels = new VesselWork(calls, fleet, sim.geometry().layout().quay().berths(),
                mode == OperatingMode.DIRECTED);
        this.slots = new SlotFinder(sim.yard(), reservations, fleet::craneFor);
        calls.forEach(c -> c.bayPlan().entries().forEach(e -> planned.add(e.container().number())));
        this.gate = new GateTraffic(sim, fleet, this);
        vessels.berthDueCalls(sim.now(), true);
    }

    void plan() {
        vessels.berthDueCalls(sim.now(), false);
        feedQuayCranes();
        queueArrivingLoads();
        if (gateTraffic) {
            gate.step();
        }
        releaseDeliveredTractors();
        vessels.sailFinishedCalls(sim.now(), this::inTerminal);
        countCraneSeconds();
    }

    /**
     * Once a simulated second: each quay crane with a share of a call alongside counts a second of work time, and a
     * second waiting for transport when it waits at the lane for its tractor, or stands with nothing in its hands or
     * queue while boxes of its share are left (a load waits for its box to come from the yard).
     */
    private void countCraneSeconds() {
        for (VesselWork.CraneWork share : vessels.cranes()) {
            EquipmentId crane = share.crane.id();
            craneSeconds.merge(crane, 1L, Long::sum);
            boolean idleWithWork = !share.finished() && !share.crane.busy() && share.crane.motion.queued() == 0;
            if (!share.crane.faulted() && (share.crane.motion.waitingForCarrier() || idleWithWork)) {
                waitingSeconds.merge(crane, 1L, Long::sum);
            }
        }
    }

    /** Seconds each quay crane had a share of a call alongside. */
    Map<EquipmentId, Long> craneSeconds() {
        return Map.copyOf(craneSeconds);
    }

    /** Seconds each quay crane stood waiting with boxes of its share left. */
    Map<EquipmentId, Long> waitingSeconds() {
        return Map.copyOf(waitingSeconds);
    }

    void stepTrucks(double dt) {
        gate.stepTrucks(dt);
    }

    /**
     * A quay crane works its queue in order, so a load joins it only once its box is on the tractor: a crane never
     * stands waiting for a yard crane.
     */
    private void queueArrivingLoads() {
        for (Job job : List.copyOf(loadsInYard)) {
            if (job.carrier.load() == job.container) {
                loadsInYard.remove(job);
                job.quayCrane.motion.enqueue(job);
            }
        }
    }

    private void feedQuayCranes() {
        for (VesselWork.CraneWork work : vessels.cranes()) {
            long pendingLoads = loadsInYard.stream().filter(j -> j.quayCrane == work.crane).count();
            if (work.crane.faulted() || work.crane.directed
                    || work.crane.motion.queued() + pendingLoads >= QUAY_LOOKAHEAD + 1
                    || work.finished()) {
                continue;
            }
            boolean loadFirst = work.discharges.isEmpty() || !work.loads.isEmpty() && work.loadNext;
            if (loadFirst ? nextLoad(work) : nextDischarge(work)) {
                work.loadNext = !loadFirst;
            } else if (loadFirst ? !work.discharges.isEmpty() && nextDischarge(work) : !work.loads.isEmpty()
                    && nextLoad(work)) {
                work.loadNext = loadFirst;
            }
        }
    }

    private Position quayPoint(VesselWork.CraneWork work, BayPlanEntry entry) {
        return new Position(work.berth.bayX(entry.slot()), TerminalGeometry.APRON_HANDOVER_Y);
    }

    private boolean nextDischarge(VesselWork.CraneWork work) {
        BayPlanEntry entry = work.discharges.peekFirst();
        Position quayPoint = quayPoint(work, entry);
        Optional<SimTractor> tractor = fleet.freeTractorNear(quayPoint);
        if (tractor.isEmpty()) {
            return false;
        }
        Optional<YardSlot> slot = slots.find(entry.container(), quayPoint.x(), 0, sim.random());
        if (slot.isEmpty()) {
            return false;
        }
        work.discharges.pollFirst();
        Job job = job(entry, MoveKind.DISCHARGE, new VesselLocation(work.berth.call.id(), entry.slot()),
                new YardLocation(slot.get()), slot.get(), null);
        job.berth = work.berth;
        dispatch(job, work.crane, quayPoint, tractor.get());
        return true;
    }

    private boolean nextLoad(VesselWork.CraneWork work) {
        Iterator<BayPlanEntry> candidates = work.loads.iterator();
        BayPlanEntry blocked = null;
        for (int i = 0; i < LOAD_CANDIDATES && candidates.hasNext(); i++) {
            BayPlanEntry entry = candidates.next();
            Optional<PlacedContainer> placed = sim.yard().find(entry.container().number());
            if (placed.isEmpty()) {
                candidates.remove();
                continue;
            }
            YardSlot slot = placed.get().slot();
            int bays = entry.container().length().yardBays();
            if (!reservations.free(slot, bays) || fleet.craneFor(slot) == null) {
                continue;
            }
            if (sim.yard().whyNotLift(entry.container().number()).isPresent()) {
                blocked = blocked == null ? entry : blocked;
                continue;
            }
            Position quayPoint = quayPoint(work, entry);
            Optional<SimTractor> tractor = fleet.freeTractorNear(quayPoint);
            if (tractor.isEmpty()) {
                return false;
            }
            candidates.remove();
            Job job = job(entry, MoveKind.LOAD, new YardLocation(slot),
                    new VesselLocation(work.berth.call.id(), entry.slot()), slot, null);
            job.quayCrane = work.crane;
            job.berth = work.berth;
            job.quayPoint = quayPoint;
            job.carrier = tractor.get();
            tractor.get().assign(job);
            loadsInYard.add(job);
            toYardCrane(job);
            return true;
        }
        if (blocked != null) {
            shiftBlocker(blocked);
        }
        return false;
    }

    private void dispatch(Job job, SimQuayCrane crane, Position quayPoint, SimTractor tractor) {
        job.quayCrane = crane;
        job.quayPoint = quayPoint;
        job.carrier = tractor;
        tractor.assign(job);
        crane.motion.enqueue(job);
        toYardCrane(job);
    }

    /** Reserves the job's yard end and queues it at the yard crane working that bay. */
    void toYardCrane(Job job) {
        job.yardCrane = fleet.craneFor(job.yardSlot);
        reserve(job);
        queueAtYardCrane(job);
    }

    private void reserve(Job job) {
        int bays = job.container.length().yardBays();
        reservations.take(job.yardSlot, bays);
        if (job.shiftTo != null) {
            reservations.take(job.shiftTo, bays);
        }
        open.add(job);
    }

    private void queueAtYardCrane(Job job) {
        job.yardPoint = TerminalGeometry.truckLanePoint(job.block,
                TerminalGeometry.bayX(job.block, job.yardSlot.bay().number(), job.container.length().yardBays()));
        job.yardCrane.motion.enqueue(job);
    }

    /**
     * Starts an order's move with the machines it names: reserves its yard stacks at once and hands it to the yard
     * crane (a shift), or to the tractor, which takes it up when done with the jobs it has; only then do the
     * cranes queue it, so a crane never holds a box for a tractor that is busy elsewhere.
     */
    void startDirected(Job job) {
        reserve(job);
        switch (job.carrier) {
            case null -> queueAtYardCrane(job);
            case SimTractor tractor -> {
                if (tractor.take(job)) {
                    begin(job);
                }
            }
            case Truck truck -> queueAtYardCrane(job);
        }
    }

    GateTraffic gate() {
        return gate;
    }

    /** The job's tractor has taken it up: the cranes queue it (a load joins the quay crane once on the tractor). */
    private void begin(Job job) {
        if (job.fromYard()) {
            loadsInYard.add(job);
        } else {
            job.quayCrane.motion.enqueue(job);
        }
        queueAtYardCrane(job);
    }

    /** Whether a move of {@code number} is under way or waiting for its machines. */
    boolean moving(ContainerNumber number) {
        return open.stream().anyMatch(job -> job.container.number().equals(number));
    }

    /** Whether the box is in the yard or on its way somewhere: a load could still take it. */
    private boolean inTerminal(ContainerNumber number) {
        return sim.yard().find(number).isPresent() || moving(number)
                || fleet.all.stream().anyMatch(m -> m.load() != null && m.load().number().equals(number));
    }

    /** Shifts the top box off the stack of a load container to another stack of the same crane. */
    private void shiftBlocker(BayPlanEntry blockedEntry) {
        PlacedContainer target = sim.yard().find(blockedEntry.container().number()).orElseThrow();
        Optional<PlacedContainer> top = topAbove(target);
        if (top.isEmpty() || !reservations.free(top.get().slot(), top.get().container().length().yardBays())) {
            return;
        }
        PlacedContainer blocker = top.get();
        SimYardCrane crane = fleet.craneFor(blocker.slot());
        BlockLayout block = sim.yard().block(blocker.slot().block()).orElseThrow();
        if (crane == null || crane.motion.queued() > 2) {
            return;
        }
        slots.inBlock(blocker.container(), block, crane.fromBay, crane.toBay, target.slot().stack(), sim.random())
                .ifPresent(to -> toYardCrane(new Job(nextId(), blocker.container(), MoveKind.YARD_SHIFT,
                        new YardLocation(blocker.slot()), new YardLocation(to), blocker.slot(), block, to)));
    }

    private Optional<PlacedContainer> topAbove(PlacedContainer placed) {
        SimYard yard = sim.yard();
        int bays = placed.container().length().yardBays();
        for (int tier = 9; tier > placed.slot().tier().level(); tier--) {
            for (YardSlot cell : SimYard.cellsOf(placed.slot().stack().at(new Tier(tier)), bays)) {
                Optional<ContainerNumber> box = yard.at(cell);
                if (box.isPresent() && yard.whyNotLift(box.get()).isEmpty()) {
                    return yard.find(box.get());
                }
            }
        }
        return Optional.empty();
    }

    private Job job(BayPlanEntry entry, MoveKind kind, Location from,
                    Location to, YardSlot yardSlot, YardSlot shiftTo) {
        BlockLayout block = sim.yard().block(yardSlot.block()).orElseThrow();
        return new Job(nextId(), entry.container(), kind, from, to, yardSlot, block, shiftTo);
    }

    WorkInstructionId nextId() {
        return new WorkInstructionId("SIM-" + nextJob++);
    }

    SlotFinder slots() {
        return slots;
    }

    Reservations reservations() {
        return reservations;
    }

    boolean planned(ContainerNumber number) {
        return planned.contains(number);
    }

    /** PortOps has sent an order for {@code number}: the autonomous operation leaves it alone from now on. */
    void claim(ContainerNumber number) {
        planned.add(number);
        vessels.claim(number);
    }

    VesselWork vessels() {
        return vessels;
    }

    private void releaseDeliveredTractors() {
        for (SimTractor tractor : fleet.tractors) {
            if (tractor.delivered()) {
                Job next = tractor.release();
                if (next != null) {
                    begin(next);
                }
            }
        }
    }

    void cranePartDone(Job job, SimMachine crane) {
        if (crane == job.yardCrane) {
            int bays = job.container.length().yardBays();
            reservations.release(job.yardSlot, bays);
            if (job.shiftTo != null) {
                reservations.release(job.shiftTo, bays);
            }
            open.remove(job);
        }
    }

    void discharged(Job job) {
        vessels.discharged(job.container.number());
        discharged++;
    }

    void loaded(Job job) {
        vessels.loaded(job.container, (VesselLocation) job.to);
        loaded++;
    }

    int dischargedCount() {
        return discharged;
    }

    int loadedCount() {
        return loaded;
    }
}
