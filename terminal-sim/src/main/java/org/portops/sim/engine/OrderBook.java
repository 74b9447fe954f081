package org.portops.sim.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.portops.model.container.Container;
import org.portops.model.equipment.Position;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.PlacedContainer;
import org.portops.model.telemetry.EquipmentEvent.InstructionAccepted;
import org.portops.model.telemetry.EquipmentEvent.InstructionCompleted;
import org.portops.model.telemetry.EquipmentEvent.InstructionProgress;
import org.portops.model.telemetry.EquipmentEvent.InstructionRejected;
import org.portops.model.telemetry.Order;
import org.portops.model.work.EquipmentLocation;
import org.portops.model.work.GateLocation;
import org.portops.model.work.Location;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;
import org.portops.sim.engine.OrderRejection.Refusal;
import org.portops.sim.yard.SimYard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PortOps's orders on the simulated machines. Each order is checked as it arrives and refused at once
 * ({@code instructionRejected} with an {@link OrderRejection} code) when the machine cannot do its part. The orders
 * of one work instruction are gathered until every machine its move needs has its own (a discharge or load: a quay
 * crane, a tractor and a yard crane; a yard shift: the yard crane of both slots; a gate-out: the yard crane, which
 * lifts the box onto a road truck that comes for it through the gate); then each machine reports
 * {@code instructionAccepted} and the move runs with the machines' own motion. Each machine reports its steps as
 * {@code instructionProgress} ({@code PICKED}, {@code HANDED_OVER}; a tractor {@code LOADED}, {@code DELIVERED});
 * the machine that sets the box down at the order's {@code to} reports {@code instructionCompleted}.
 */
final class OrderBook {

    /** Orders a machine holds at most, the one it works included. */
    static final int MAX_ORDERS_PER_MACHINE = 3;
    /** How long the first order of an instruction waits for the orders of the other machines its move needs. */
    static final Duration ASSEMBLY_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(OrderBook.class);

    /** The part a machine plays in a move. */
    enum Role { QUAY, CARRY, YARD }

    /** Where a container is as the simulator sees it. */
    private record Whereabouts(Container container, Location location) {
    }

    /** The orders of one instruction so far, and its move once they are all there. */
    private static final class Instruction {
        final Order first;
        final Container container;
        final List<Role> roles;
        final Instant since;
        final Map<Role, SimMachine> machines = new EnumMap<>(Role.class);
        Job job;

        Instruction(Order first, Container container, List<Role> roles, Instant since) {
            this.first = first;
            this.container = container;
            this.roles = roles;
            this.since = since;
        }

        boolean complete() {
            return machines.keySet().containsAll(roles);
        }

        SimMachine firstMachine() {
            return machines.values().stream().filter(m -> m.id().equals(first.machineId())).findFirst().orElseThrow();
        }
    }

    private final Sim sim;
    private final Fleet fleet;
    private final Operations operations;
    private final OperatingMode mode;
    private final Map<WorkInstructionId, Instruction> active = new LinkedHashMap<>();
    /** When the dispatch was sent (its orders' timestamp) of instructions a machine refused: the rest is void. */
    private final Map<WorkInstructionId, Instant> refused = new HashMap<>();

    OrderBook(Sim sim, Fleet fleet, Operations operations, OperatingMode mode) {
        this.sim = sim;
        this.fleet = fleet;
        this.operations = operations;
        this.mode = mode;
        if (mode == OperatingMode.DIRECTED) {
            fleet.all.forEach(machine -> machine.directed = true);
        }
    }

    /** An order has arrived for its machine: refuse it, hold it for the instruction's other orders, or start. */
    void receive(Order order) {
        SimMachine machine = fleet.machine(order.machineId()).orElse(null);
        if (machine == null) {
            LOG.warn("order {} for {} ignored: no such simulated machine", order.instruction(), order.machineId());
            return;
        }
        WorkInstructionId id = order.instruction();
        Instruction held = active.get(id);
        if (held != null && held.machines.containsValue(machine) || order.timestamp().equals(refused.get(id))) {
            // A redelivery of an order the machine holds, or part of a dispatch another machine has refused.
            return;
        }
        if (mode == OperatingMode.MIXED) {
            machine.directed = true;
            if (machine instanceof SimQuayCrane crane) {
                operations.vessels().directedCrane(crane);
            }
        }
        Optional<Whereabouts> where = locate(order);
        Optional<Refusal> refusal = held == null ? checkFirst(order, machine, where) : checkJoining(held, order, machine);
        if (refusal.isPresent()) {
            reject(machine, id, refusal.get());
            refused.put(id, order.timestamp());
            if (held != null && held.job == null) {
                active.remove(id);
            }
            return;
        }
        if (held == null) {
            held = new Instruction(order, where.orElseThrow().container(), roles(order.from(), order.to()), sim.now());
            active.put(id, held);
            operations.claim(order.container());
        }
        held.machines.put(role(machine, order, held.container).orElseThrow(), machine);
        if (held.complete()) {
            start(held);
        }
    }

    /** Drops instructions whose other orders did not come in time; once a simulated second. */
    void expire() {
        for (Instruction held : List.copyOf(active.values())) {
            if (held.job == null && !sim.now().isBefore(held.since.plus(ASSEMBLY_TIMEOUT))) {
                List<Role> missing = held.roles.stream().filter(r -> !held.machines.containsKey(r)).toList();
                abandon(held, OrderRejection.INCOMPLETE_ASSIGNMENT.because("no order for its " + missing
                        + " machine within " + ASSEMBLY_TIMEOUT.toSeconds() + " s"));
            }
        }
    }

    /** The crane locked onto a job's box. */
    void picked(Job job, SimMachine crane, CraneEnd pick) {
        if (!job.directed) {
            return;
        }
        progress(crane, job, "PICKED");
        if (pick.carrier() instanceof SimTractor tractor) {
            progress(tractor, job, "DELIVERED");
        }
    }

    /** The crane set a job's box down: on a tractor on the way, or at the order's destination. */
    void setDown(Job job, SimMachine crane, CraneEnd set) {
        if (!job.directed) {
            return;
        }
        if (set.location().equals(job.to)) {
            sim.emitter().event(crane, new InstructionCompleted(job.id));
            active.remove(job.id);
            return;
        }
        progress(crane, job, "HANDED_OVER");
        if (set.carrier() instanceof SimTractor tractor) {
            progress(tractor, job, "LOADED");
        }
    }

    private void progress(SimMachine machine, Job job, String step) {
        sim.emitter().event(machine, new InstructionProgress(job.id, step));
    }

    private void reject(SimMachine machine, WorkInstructionId id, Refusal refusal) {
        LOG.info("{} rejects order {}: {} ({})", machine.id(), id, refusal.reason(), refusal.text());
        sim.emitter().event(machine, new InstructionRejected(id, refusal.reason().name()));
    }

    /** A refusal of the whole instruction comes once, from the machine that got its first order. */
    private void abandon(Instruction held, Refusal refusal) {
        active.remove(held.first.instruction());
        refused.put(held.first.instruction(), held.first.timestamp());
        reject(held.firstMachine(), held.first.instruction(), refusal);
    }

    private void start(Instruction held) {
        Order order = held.first;
        // The first order was checked when it came; the others may have come a while later.
        Optional<Refusal> refusal = checkWhere(order, locate(order))
                .or(() -> checkVessel(order))
                .or(() -> checkDestination(order, held.container))
                .or(() -> checkStacks(order, held.container));
        if (refusal.isPresent()) {
            abandon(held, refusal.get());
            return;
        }
        Job job = job(order, held.container);
        job.directed = true;
        job.yardCrane = (SimYardCrane) held.machines.get(Role.YARD);
        if (order.to() instanceof GateLocation lane) {
            job.carrier = operations.gate().pickupTruck(lane, job);
        }
        if (held.machines.get(Role.QUAY) instanceof SimQuayCrane quayCrane) {
            VesselLocation vessel = (VesselLocation) (job.fromYard() ? job.to : job.from);
            job.quayCrane = quayCrane;
            job.berth = operations.vessels().alongside(vessel.call()).orElseThrow();
            job.quayPoint = new Position(job.berth.bayX(vessel.slot()), TerminalGeometry.APRON_HANDOVER_Y);
            job.carrier = (SimTractor) held.machines.get(Role.CARRY);
        }
        held.job = job;
        held.roles.forEach(role -> sim.emitter().event(held.machines.get(role), new InstructionAccepted(job.id)));
        operations.startDirected(job);
    }

    private Job job(Order order, Container container) {
        YardSlot from = order.from() instanceof YardLocation yard ? yard.slot() : null;
        YardSlot to = order.to() instanceof YardLocation yard ? yard.slot() : null;
        YardSlot yardEnd = from != null ? from : to;
        BlockLayout block = sim.yard().block(yardEnd.block()).orElseThrow();
        return new Job(order.instruction(), container, order.kind(), order.from(), order.to(), yardEnd, block,
                from != null && to != null ? to : null);
    }

    private Optional<Refusal> checkFirst(Order order, SimMachine machine, Optional<Whereabouts> where) {
        if (mode == OperatingMode.AUTONOMOUS) {
            return Optional.of(OrderRejection.AUTONOMOUS_MODE.because("the simulator runs the terminal on its own"));
        }
        List<Role> roles = roles(order.from(), order.to());
        if (roles.isEmpty()) {
            return Optional.of(OrderRejection.UNSUPPORTED_MOVE.because(order.from() + " -> " + order.to()
                    + ": the simulated machines move vessel -> yard, yard -> vessel, yard -> yard and yard -> gate"
                    + " (a gate-in needs the truck's arrival at the gate, which the simulated gate does not report)"));
        }
        if (!kindFits(order)) {
            return Optional.of(OrderRejection.KIND_MISMATCH.because(order.kind() + " cannot go " + order.from()
                    + " -> " + order.to()));
        }
        if (where.isEmpty()) {
            return Optional.of(OrderRejection.UNKNOWN_CONTAINER.because(order.container() + " is not in the terminal"));
        }
        Container container = where.get().container();
        return checkMachine(order, machine, container, Map.of())
                .or(() -> checkWhere(order, where))
                .or(() -> checkBusy(order))
                .or(() -> checkVessel(order))
                .or(() -> checkDestination(order, container))
                .or(() -> checkStacks(order, container));
    }

    private Optional<Refusal> checkJoining(Instruction held, Order order, SimMachine machine) {
        Order first = held.first;
        if (!first.container().equals(order.container()) || first.kind() != order.kind()
                || !first.from().equals(order.from()) || !first.to().equals(order.to())) {
            return Optional.of(OrderRejection.ORDER_MISMATCH.because("instruction " + order.instruction() + " was "
                    + first.kind() + " " + first.container() + " " + first.from() + " -> " + first.to()));
        }
        return checkMachine(order, machine, held.container, held.machines);
    }

    private Optional<Refusal> checkMachine(Order order, SimMachine machine, Container container,
                                           Map<Role, SimMachine> bound) {
        Optional<Role> role = role(machine, order, container);
        if (role.isEmpty()) {
            return Optional.of(OrderRejection.UNREACHABLE.because(machine.id() + " (" + machine.kind()
                    + ") has no part in " + order.from() + " -> " + order.to()));
        }
        SimMachine holder = bound.get(role.get());
        if (holder != null) {
            return Optional.of(OrderRejection.ROLE_TAKEN.because(holder.id() + " already has the " + role.get()
                    + " part"));
        }
        if (machine.faulted()) {
            return Optional.of(OrderRejection.MACHINE_FAULTED.because(machine.id() + " has faults "
                    + machine.faultCodes()));
        }
        long held = active.values().stream().filter(i -> i.machines.containsValue(machine)).count();
        if (held >= MAX_ORDERS_PER_MACHINE) {
            return Optional.of(OrderRejection.QUEUE_FULL.because(machine.id() + " holds " + held + " orders"));
        }
        return Optional.empty();
    }

    private Optional<Refusal> checkWhere(Order order, Optional<Whereabouts> where) {
        if (where.isEmpty()) {
            return Optional.of(OrderRejection.UNKNOWN_CONTAINER.because(order.container() + " is not in the terminal"));
        }
        if (!where.get().location().equals(order.from())) {
            return Optional.of(OrderRejection.NOT_AT_FROM.because(order.container() + " is at "
                    + where.get().location()));
        }
        if (order.from() instanceof YardLocation) {
            return sim.yard().whyNotLift(order.container()).map(OrderRejection.CONTAINER_BURIED::because);
        }
        return Optional.empty();
    }

    private Optional<Refusal> checkBusy(Order order) {
        if (operations.moving(order.container())
                || active.values().stream().anyMatch(held -> held.first.container().equals(order.container()))) {
            return Optional.of(OrderRejection.CONTAINER_BUSY.because(order.container() + " is being moved"));
        }
        return Optional.empty();
    }

    private Optional<Refusal> checkVessel(Order order) {
        for (Location end : List.of(order.from(), order.to())) {
            if (end instanceof VesselLocation vessel && operations.vessels().alongside(vessel.call()).isEmpty()) {
                return Optional.of(OrderRejection.VESSEL_NOT_BERTHED.because(vessel.call() + " is not alongside"));
            }
        }
        return Optional.empty();
    }

    private Optional<Refusal> checkDestination(Order order, Container container) {
        return switch (order.to()) {
            case YardLocation yard -> sim.yard().whyNotMove(container, yard.slot())
                    .map(OrderRejection.DESTINATION_BLOCKED::because);
            case VesselLocation vessel -> operations.vessels().at(vessel)
                    .map(taken -> OrderRejection.DESTINATION_BLOCKED.because(vessel + " holds " + taken));
            case EquipmentLocation machine -> Optional.empty();
            case GateLocation gate -> operations.gate().hasLane(gate) ? Optional.empty()
                    : Optional.of(OrderRejection.DESTINATION_BLOCKED.because(gate + " is not a gate lane of the "
                    + "terminal"));
        };
    }

    private Optional<Refusal> checkStacks(Order order, Container container) {
        int bays = container.length().yardBays();
        for (Location end : List.of(order.from(), order.to())) {
            if (end instanceof YardLocation yard && !operations.reservations().free(yard.slot(), bays)) {
                return Optional.of(OrderRejection.STACK_BUSY.because("a move is under way at " + yard.slot().stack()));
            }
        }
        return Optional.empty();
    }

    /** The parts a move between these ends needs, in the order they handle the box; empty when not executed. */
    static List<Role> roles(Location from, Location to) {
        if (from instanceof VesselLocation && to instanceof YardLocation) {
            return List.of(Role.QUAY, Role.CARRY, Role.YARD);
        }
        if (from instanceof YardLocation && to instanceof VesselLocation) {
            return List.of(Role.YARD, Role.CARRY, Role.QUAY);
        }
        if (from instanceof YardLocation && (to instanceof YardLocation || to instanceof GateLocation)) {
            return List.of(Role.YARD);
        }
        return List.of();
    }

    private static boolean kindFits(Order order) {
        return switch (order.kind()) {
            case DISCHARGE -> order.from() instanceof VesselLocation;
            case LOAD -> order.to() instanceof VesselLocation;
            case YARD_SHIFT, REHANDLE -> order.from() instanceof YardLocation && order.to() instanceof YardLocation;
            case GATE_OUT -> order.from() instanceof YardLocation && order.to() instanceof GateLocation;
            case GATE_IN -> false;
        };
    }

    /** The part {@code machine} plays in the order's move, if it can reach every end of that part. */
    private static Optional<Role> role(SimMachine machine, Order order, Container container) {
        List<Role> roles = roles(order.from(), order.to());
        Role role = switch (machine) {
            case SimQuayCrane quayCrane -> Role.QUAY;
            case SimTractor tractor -> Role.CARRY;
            case SimYardCrane yardCrane -> reachesYardEnds(yardCrane, order, container) ? Role.YARD : null;
            case SimStandby parked -> null;
        };
        return role != null && roles.contains(role) ? Optional.of(role) : Optional.empty();
    }

    private static boolean reachesYardEnds(SimYardCrane crane, Order order, Container container) {
        int bays = container.length().yardBays();
        for (Location end : List.of(order.from(), order.to())) {
            if (end instanceof YardLocation yard && !SimYard.cellsOf(yard.slot(), bays).stream().allMatch(crane::covers)) {
                return false;
            }
        }
        return true;
    }

    private Optional<Whereabouts> locate(Order order) {
        Optional<PlacedContainer> placed = sim.yard().find(order.container());
        if (placed.isPresent()) {
            return Optional.of(new Whereabouts(placed.get().container(), new YardLocation(placed.get().slot())));
        }
        Optional<VesselWork.OnBoard> onBoard = operations.vessels().onBoard(order.container());
        if (onBoard.isPresent()) {
            return Optional.of(new Whereabouts(onBoard.get().container(), onBoard.get().location()));
        }
        for (SimMachine machine : fleet.all) {
            Container load = machine.load();
            if (load != null && load.number().equals(order.container())) {
                return Optional.of(new Whereabouts(load, new EquipmentLocation(machine.id())));
            }
        }
        return Optional.empty();
    }
}
