package org.portops.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.PlacedContainer;
import org.portops.model.telemetry.EquipmentEvent;
import org.portops.model.telemetry.EquipmentEvent.InstructionAccepted;
import org.portops.model.telemetry.EquipmentEvent.InstructionCompleted;
import org.portops.model.telemetry.EquipmentEvent.InstructionProgress;
import org.portops.model.telemetry.EquipmentEvent.InstructionRejected;
import org.portops.model.telemetry.EquipmentEvent.SpreaderLocked;
import org.portops.model.telemetry.EquipmentEvent.SpreaderUnlocked;
import org.portops.model.telemetry.EventMessage;
import org.portops.model.telemetry.Order;
import org.portops.model.layout.Inventory;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.EquipmentLocation;
import org.portops.model.work.GateLocation;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.StackId;
import org.portops.model.yard.Tier;
import org.portops.model.yard.YardSlot;
import org.portops.sim.yard.YardInvariants;

/**
 * Orders executed by the engine, deterministically and without a broker: the machines named carry the move out
 * with their own motion, report it on their events topic, and keep the simulator's yard and vessels consistent;
 * orders they cannot carry out are refused with the reason.
 */
class OrderExecutionTest {

    private static final long SEED = 11;
    private final RecordingSink sink = new RecordingSink();
    private long orderSequence;

    private SimEngine engine(OperatingMode mode) {
        return new SimEngine(Scenes.sample(SEED, 1).withMode(mode), sink);
    }

    private Order order(EquipmentId machine, String instruction, ContainerNumber container, MoveKind kind,
                        Location from, Location to, Instant at) {
        return new Order(machine, orderSequence++, at, new WorkInstructionId(instruction), container, kind, from, to);
    }

    /** Runs the engine until {@code done} holds, a minute of simulated time at a time, at most {@code limit}. */
    private static void runUntil(SimEngine engine, Duration limit, BooleanSupplier done) {
        Instant deadline = engine.now().plus(limit);
        while (!done.getAsBoolean() && engine.now().isBefore(deadline)) {
            engine.advance(Duration.ofSeconds(10));
        }
        assertThat(done.getAsBoolean()).as("done within %s of simulated time", limit).isTrue();
    }

    /** The instruction and spreader events about {@code instruction} or {@code container}, in order. */
    private List<String> story(String instruction, ContainerNumber container) {
        return sink.events().stream().filter(e -> about(e.event(), instruction, container))
                .map(e -> e.machineId() + " " + describe(e.event())).toList();
    }

    private static boolean about(EquipmentEvent event, String instruction, ContainerNumber container) {
        return switch (event) {
            case SpreaderLocked locked -> locked.container().equals(container);
            case SpreaderUnlocked unlocked -> unlocked.container().equals(container);
            case InstructionAccepted accepted -> accepted.instruction().value().equals(instruction);
            case InstructionProgress progress -> progress.instruction().value().equals(instruction);
            case InstructionCompleted completed -> completed.instruction().value().equals(instruction);
            case InstructionRejected rejected -> rejected.instruction().value().equals(instruction);
            case EquipmentEvent.FaultRaised raised -> false;
            case EquipmentEvent.FaultCleared cleared -> false;
            case EquipmentEvent.ReeferAlarmRaised alarm -> false;
        };
    }

    private static String describe(EquipmentEvent event) {
        return switch (event) {
            case SpreaderLocked locked -> "locked at " + locked.location();
            case SpreaderUnlocked unlocked -> "unlocked at " + unlocked.location();
            case InstructionAccepted accepted -> "accepted";
            case InstructionProgress progress -> "progress " + progress.step();
            case InstructionCompleted completed -> "completed";
            case InstructionRejected rejected -> "rejected " + rejected.reason();
            case EquipmentEvent.FaultRaised raised -> event.type();
            case EquipmentEvent.FaultCleared cleared -> event.type();
            case EquipmentEvent.ReeferAlarmRaised alarm -> event.type();
        };
    }

    private boolean completed(String instruction) {
        return sink.events().stream().anyMatch(e -> e.event() instanceof InstructionCompleted c
                && c.instruction().value().equals(instruction));
    }

    private List<String> rejections() {
        return sink.events().stream().filter(e -> e.event() instanceof InstructionRejected)
                .map(e -> e.machineId() + " " + ((InstructionRejected) e.event()).instruction() + " "
                        + ((InstructionRejected) e.event()).reason()).toList();
    }

    /** A 20' box on top of its stack, in a yard crane's stretch, and a free slot for it in the same stretch. */
    private record Shift(PlacedContainer box, YardSlot to, EquipmentId crane) {
    }

    private static Shift shiftCandidate(SimEngine engine) {
        for (PlacedContainer placed : engine.yard().containers()) {
            Optional<EquipmentId> crane = engine.yardCraneWorking(placed.slot());
            if (placed.container().length().yardBays() != 1 || crane.isEmpty()
                    || engine.yard().whyNotLift(placed.container().number()).isPresent()) {
                continue;
            }
            Optional<YardSlot> to = freeSlot(engine, placed.container(), placed.slot().block().value(), crane.get(),
                    placed.slot().stack());
            if (to.isPresent()) {
                return new Shift(placed, to.get(), crane.get());
            }
        }
        throw new IllegalStateException("no box to shift in the sample yard");
    }

    /** A slot of {@code block} worked by {@code crane} where {@code box} could be set down now. */
    private static Optional<YardSlot> freeSlot(SimEngine engine, Container box, String block, EquipmentId crane,
                                               StackId notStack) {
        BlockLayout layout = engine.yard().layout().blocks().stream().filter(b -> b.id().value().equals(block))
                .findFirst().orElseThrow();
        for (int bay = 1; bay <= layout.bays(); bay += 2) {
            for (int row = 1; row <= layout.rows(); row++) {
                StackId stack = StackId.of(block, bay, row);
                int height = engine.yard().height(stack);
                if (stack.equals(notStack) || height >= layout.maxTiers()) {
                    continue;
                }
                YardSlot slot = stack.at(new Tier(height + 1));
                if (engine.yardCraneWorking(slot).equals(Optional.of(crane))
                        && engine.yardCraneWorking(StackId.of(block, bay + 1, row).at(new Tier(height + 1)))
                        .equals(Optional.of(crane))
                        && engine.yard().whyNotMove(box, slot).isEmpty()) {
                    return Optional.of(slot);
                }
            }
        }
        return Optional.empty();
    }

    private static Container onBoard(ContainerNumber number) {
        return Scenes.INVENTORY.vesselCalls().stream().flatMap(c -> c.bayPlan().entries().stream())
                .map(BayPlanEntry::container).filter(c -> c.number().equals(number)).findFirst().orElseThrow();
    }

    /** A yard slot, in any block, where {@code box} could be set down now, and the yard crane working it. */
    private static Map.Entry<YardSlot, EquipmentId> yardDestination(SimEngine engine, Container box) {
        for (BlockLayout block : engine.yard().layout().blocks()) {
            for (int bay = 1; bay <= block.bays(); bay += 2) {
                YardSlot ground = StackId.of(block.id().value(), bay, 1).at(new Tier(1));
                Optional<EquipmentId> crane = engine.yardCraneWorking(ground);
                if (crane.isPresent()) {
                    Optional<YardSlot> slot = freeSlot(engine, box, block.id().value(), crane.get(), null);
                    if (slot.isPresent()) {
                        return Map.entry(slot.get(), crane.get());
                    }
                }
            }
        }
        throw new IllegalStateException("no yard slot for " + box.number());
    }

    private static YardLocation destinationOf(SimEngine engine, ContainerNumber box) {
        return new YardLocation(yardDestination(engine, onBoard(box)).getKey());
    }

    @Test
    void yardCraneShiftsABoxAndReportsEachStep() {
        SimEngine engine = engine(OperatingMode.DIRECTED);
        Shift shift = shiftCandidate(engine);
        ContainerNumber box = shift.box().container().number();
        YardLocation from = new YardLocation(shift.box().slot());
        YardLocation to = new YardLocation(shift.to());

        engine.order(order(shift.crane(), "WI-SHIFT", box, MoveKind.YARD_SHIFT, from, to, engine.now()));
        runUntil(engine, Duration.ofMinutes(10), () -> completed("WI-SHIFT"));

        String crane = shift.crane().value();
        assertThat(story("WI-SHIFT", box)).containsExactly(
                crane + " accepted",
                crane + " locked at " + from,
                crane + " progress PICKED",
                crane + " unlocked at " + to,
                crane + " completed");
        assertThat(engine.whereIs(box)).contains(to);
        assertThat(YardInvariants.violations(engine.yard().layout(), engine.yard().containers())).isEmpty();
    }

    @Test
    void gateOutLiftsTheBoxOntoATruckThatComesForItAndLeaves() {
        SimEngine engine = engine(OperatingMode.DIRECTED);
        Shift candidate = shiftCandidate(engine);
        ContainerNumber box = candidate.box().container().number();
        YardLocation from = new YardLocation(candidate.box().slot());
        GateLocation lane = new GateLocation("OUT-2");

        engine.order(order(candidate.crane(), "WI-OUT", box, MoveKind.GATE_OUT, from, lane, engine.now()));
        runUntil(engine, Duration.ofMinutes(20), () -> completed("WI-OUT"));

        String crane = candidate.crane().value();
        assertThat(story("WI-OUT", box)).containsExactly(
                crane + " accepted",
                crane + " locked at " + from,
                crane + " progress PICKED",
                crane + " unlocked at " + lane,
                crane + " completed");
        assertThat(engine.yard().find(box)).as("gone from the yard").isEmpty();
        assertThat(engine.whereIs(box)).isEmpty();
        assertThat(YardInvariants.violations(engine.yard().layout(), engine.yard().containers())).isEmpty();
        assertThat(rejections()).isEmpty();
    }

    @Test
    void dischargeRunsThroughQuayCraneTractorAndYardCrane() {
        SimEngine engine = engine(OperatingMode.DIRECTED);
        Map.Entry<VesselLocation, ContainerNumber> aboard = engine.onBoardAlongside().entrySet().iterator().next();
        ContainerNumber box = aboard.getValue();
        Map.Entry<YardSlot, EquipmentId> destination = yardDestination(engine, onBoard(box));
        EquipmentId quayCrane = engine.quayCranes().getFirst();
        EquipmentId tractor = engine.tractors().getFirst();
        EquipmentId yardCrane = destination.getValue();
        YardLocation to = new YardLocation(destination.getKey());
        Instant dispatched = engine.now();
        for (EquipmentId machine : List.of(quayCrane, tractor, yardCrane)) {
            engine.order(order(machine, "WI-DIS", box, MoveKind.DISCHARGE, aboard.getKey(), to, dispatched));
        }
        runUntil(engine, Duration.ofMinutes(30), () -> completed("WI-DIS"));

        String qc = quayCrane.value();
        String tt = tractor.value();
        String yc = yardCrane.value();
        EquipmentLocation trailer = new EquipmentLocation(tractor);
        assertThat(story("WI-DIS", box)).containsExactly(
                qc + " accepted", tt + " accepted", yc + " accepted",
                qc + " locked at " + aboard.getKey(), qc + " progress PICKED",
                qc + " unlocked at " + trailer, qc + " progress HANDED_OVER", tt + " progress LOADED",
                yc + " locked at " + trailer, yc + " progress PICKED", tt + " progress DELIVERED",
                yc + " unlocked at " + to, yc + " completed");
        assertThat(engine.whereIs(box)).contains(to);
        assertThat(engine.onBoardAlongside()).doesNotContainValue(box);
        assertThat(YardInvariants.violations(engine.yard().layout(), engine.yard().containers())).isEmpty();
    }

    @Test
    void loadRunsFromTheYardOntoTheVessel() {
        SimEngine engine = engine(OperatingMode.DIRECTED);
        VesselCall call = Scenes.INVENTORY.vesselCalls().stream()
                .filter(c -> engine.onBoardAlongside().keySet().stream().anyMatch(l -> l.call().equals(c.id())))
                .findFirst().orElseThrow();
        BayPlanEntry entry = call.bayPlan().entries().stream().filter(e -> e.action() == BayPlanAction.LOAD)
                .filter(e -> engine.whereIs(e.container().number()).orElse(null) instanceof YardLocation yard
                        && engine.yard().whyNotLift(e.container().number()).isEmpty()
                        && engine.yardCraneWorking(yard.slot()).isPresent())
                .findFirst().orElseThrow();
        ContainerNumber box = entry.container().number();
        YardLocation from = (YardLocation) engine.whereIs(box).orElseThrow();
        VesselLocation to = new VesselLocation(call.id(), entry.slot());
        EquipmentId yardCrane = engine.yardCraneWorking(from.slot()).orElseThrow();
        EquipmentId tractor = engine.tractors().getLast();
        EquipmentId quayCrane = engine.nearestQuayCrane(to);
        for (EquipmentId machine : List.of(tractor, yardCrane, quayCrane)) {
            engine.order(order(machine, "WI-LOAD", box, MoveKind.LOAD, from, to, engine.now()));
        }
        runUntil(engine, Duration.ofMinutes(30), () -> completed("WI-LOAD"));

        List<String> story = story("WI-LOAD", box);
        assertThat(story).startsWith(yardCrane + " accepted", tractor + " accepted", quayCrane + " accepted",
                yardCrane + " locked at " + from);
        assertThat(story).endsWith(quayCrane + " unlocked at " + to, quayCrane + " completed");
        assertThat(engine.whereIs(box)).contains(to);
        assertThat(engine.yard().find(box)).isEmpty();
    }

    @Test
    void ordersTheMachinesCannotCarryOutAreRejectedWithTheReason() {
        SimEngine engine = engine(OperatingMode.DIRECTED);
        Shift shift = shiftCandidate(engine);
        ContainerNumber box = shift.box().container().number();
        YardLocation from = new YardLocation(shift.box().slot());
        YardLocation to = new YardLocation(shift.to());
        EquipmentId rtg = shift.crane();
        EquipmentId qc = engine.quayCranes().getFirst();
        ContainerNumber stranger = ContainerNumber.fromParts("ZZZ", 'U', 4242);
        PlacedContainer buried = engine.yard().containers().stream()
                .filter(p -> p.container().length().yardBays() == 1
                        && engine.yard().whyNotLift(p.container().number()).isPresent()
                        && engine.yardCraneWorking(p.slot()).equals(Optional.of(rtg))).findFirst().orElseThrow();
        YardSlot floating = shift.to().stack().at(new Tier(shift.to().tier().level() + 1));
        Instant now = engine.now();

        engine.order(order(rtg, "WI-1", stranger, MoveKind.YARD_SHIFT, from, to, now));
        engine.order(order(rtg, "WI-2", box, MoveKind.YARD_SHIFT, to, from, now));
        engine.order(order(rtg, "WI-3", buried.container().number(), MoveKind.YARD_SHIFT,
                new YardLocation(buried.slot()), to, now));
        engine.order(order(qc, "WI-4", box, MoveKind.YARD_SHIFT, from, to, now));
        engine.order(order(rtg, "WI-5", box, MoveKind.DISCHARGE, from, to, now));
        engine.order(order(rtg, "WI-6", box, MoveKind.GATE_IN, new GateLocation("IN-1"), to, now));
        engine.order(order(rtg, "WI-7", box, MoveKind.YARD_SHIFT, from, new YardLocation(floating), now));
        engine.order(order(rtg, "WI-8", box, MoveKind.GATE_OUT, from, new GateLocation("OUT-9"), now));
        engine.advance(Duration.ofSeconds(1));

        assertThat(rejections()).containsExactly(
                rtg + " WI-1 UNKNOWN_CONTAINER",
                rtg + " WI-2 NOT_AT_FROM",
                rtg + " WI-3 CONTAINER_BURIED",
                qc + " WI-4 UNREACHABLE",
                rtg + " WI-5 KIND_MISMATCH",
                rtg + " WI-6 UNSUPPORTED_MOVE",
                rtg + " WI-7 DESTINATION_BLOCKED",
                rtg + " WI-8 DESTINATION_BLOCKED");
        assertThat(sink.events()).noneMatch(e -> e.event() instanceof SpreaderLocked
                || e.event() instanceof InstructionAccepted);
        assertThat(engine.whereIs(box)).contains(from);
    }

    @Test
    void aFaultedOrBusyMachineRefusesAndAMoveInHandIsNotStartedTwice() {
        SimEngine engine = engine(OperatingMode.DIRECTED);
        Shift shift = shiftCandidate(engine);
        ContainerNumber box = shift.box().container().number();
        YardLocation from = new YardLocation(shift.box().slot());
        YardLocation to = new YardLocation(shift.to());
        EquipmentId qc = engine.quayCranes().getFirst();
        EquipmentId faulted = engine.quayCranes().getLast();
        List<Map.Entry<VesselLocation, ContainerNumber>> aboard = List.copyOf(engine.onBoardAlongside().entrySet());
        engine.inject(new Injection.Breakdown(faulted, "HOIST_BRAKE", "hoist brake worn"));
        engine.advance(Duration.ofSeconds(1));
        Instant now = engine.now();

        engine.order(order(faulted, "WI-F", aboard.get(0).getValue(), MoveKind.DISCHARGE, aboard.get(0).getKey(),
                destinationOf(engine, aboard.get(0).getValue()), now));
        for (int i = 1; i <= OrderBook.MAX_ORDERS_PER_MACHINE + 1; i++) {
            engine.order(order(qc, "WI-Q" + i, aboard.get(i).getValue(), MoveKind.DISCHARGE, aboard.get(i).getKey(),
                    destinationOf(engine, aboard.get(i).getValue()), now));
        }
        engine.order(order(shift.crane(), "WI-S", box, MoveKind.YARD_SHIFT, from, to, now));
        engine.order(order(shift.crane(), "WI-S2", box, MoveKind.YARD_SHIFT, from, to, now));
        engine.order(order(shift.crane(), "WI-S", box, MoveKind.YARD_SHIFT, from, to, now));
        engine.advance(Duration.ofSeconds(1));

        assertThat(rejections()).containsExactly(
                faulted + " WI-F MACHINE_FAULTED",
                qc + " WI-Q" + (OrderBook.MAX_ORDERS_PER_MACHINE + 1) + " QUEUE_FULL",
                shift.crane() + " WI-S2 CONTAINER_BUSY");
        assertThat(story("WI-S", box)).as("the redelivered order is not taken twice")
                .containsExactly(shift.crane() + " accepted");
    }

    @Test
    void aRefusalVoidsTheRestOfItsDispatchAndALaterDispatchIsTakenAnew() {
        SimEngine engine = engine(OperatingMode.DIRECTED);
        Map.Entry<VesselLocation, ContainerNumber> aboard = engine.onBoardAlongside().entrySet().iterator().next();
        Map.Entry<YardSlot, EquipmentId> destination = yardDestination(engine, onBoard(aboard.getValue()));
        YardLocation to = new YardLocation(destination.getKey());
        EquipmentId qc = engine.nearestQuayCrane(aboard.getKey());
        EquipmentId tractor = engine.tractors().getFirst();
        EquipmentId otherTractor = engine.tractors().getLast();
        Instant first = engine.now();
        for (EquipmentId machine : List.of(qc, tractor, otherTractor, destination.getValue())) {
            engine.order(order(machine, "WI-V", aboard.getValue(), MoveKind.DISCHARGE, aboard.getKey(), to, first));
        }
        engine.advance(Duration.ofSeconds(1));

        assertThat(story("WI-V", aboard.getValue())).as("one refusal, nothing started")
                .containsExactly(otherTractor + " rejected ROLE_TAKEN");

        Instant again = engine.now();
        for (EquipmentId machine : List.of(qc, tractor, destination.getValue())) {
            engine.order(order(machine, "WI-V", aboard.getValue(), MoveKind.DISCHARGE, aboard.getKey(), to, again));
        }
        runUntil(engine, Duration.ofMinutes(30), () -> completed("WI-V"));
        assertThat(engine.whereIs(aboard.getValue())).contains(to);
    }

    @Test
    void anInstructionWhoseOtherMachinesGetNoOrderIsGivenUp() {
        SimEngine engine = engine(OperatingMode.DIRECTED);
        Map.Entry<VesselLocation, ContainerNumber> aboard = engine.onBoardAlongside().entrySet().iterator().next();
        Map.Entry<YardSlot, EquipmentId> destination = yardDestination(engine, onBoard(aboard.getValue()));
        EquipmentId qc = engine.quayCranes().getFirst();
        engine.order(order(qc, "WI-ALONE", aboard.getValue(), MoveKind.DISCHARGE, aboard.getKey(),
                new YardLocation(destination.getKey()), engine.now()));

        engine.advance(OrderBook.ASSEMBLY_TIMEOUT.minusSeconds(1));
        assertThat(rejections()).isEmpty();
        engine.advance(Duration.ofSeconds(2));

        assertThat(rejections()).containsExactly(qc + " WI-ALONE INCOMPLETE_ASSIGNMENT");
        assertThat(story("WI-ALONE", aboard.getValue())).containsExactly(qc + " rejected INCOMPLETE_ASSIGNMENT");
        assertThat(engine.whereIs(aboard.getValue())).contains(aboard.getKey());
    }

    @Test
    void inAutonomousModeEveryOrderIsRejected() {
        SimEngine engine = engine(OperatingMode.AUTONOMOUS);
        Shift shift = shiftCandidate(engine);
        engine.order(order(shift.crane(), "WI-A", shift.box().container().number(), MoveKind.YARD_SHIFT,
                new YardLocation(shift.box().slot()), new YardLocation(shift.to()), engine.now()));
        engine.advance(Duration.ofSeconds(1));

        assertThat(rejections()).containsExactly(shift.crane() + " WI-A AUTONOMOUS_MODE");
    }

    @Test
    void inMixedModeAQuayCranesFirstOrderHandsItsWholeCallToPortOps() {
        SimEngine engine = engine(OperatingMode.MIXED);
        RecordingSink twinSink = new RecordingSink();
        SimEngine twin = new SimEngine(Scenes.sample(SEED, 1).withMode(OperatingMode.MIXED), twinSink);
        engine.advance(Duration.ofMinutes(5));
        twin.advance(Duration.ofMinutes(5));
        EquipmentId crane = sink.events().stream().filter(e -> e.event() instanceof SpreaderUnlocked
                && engine.quayCranes().contains(e.machineId())).findFirst().orElseThrow().machineId();
        Map.Entry<VesselLocation, ContainerNumber> aboard = engine.onBoardAlongside().entrySet().iterator().next();
        Map.Entry<YardSlot, EquipmentId> destination = yardDestination(engine, onBoard(aboard.getValue()));
        engine.order(order(crane, "WI-MIX", aboard.getValue(), MoveKind.DISCHARGE, aboard.getKey(),
                new YardLocation(destination.getKey()), engine.now()));
        int sent = sink.all.size();
        int twinSent = twinSink.all.size();

        engine.advance(Duration.ofMinutes(20));
        twin.advance(Duration.ofMinutes(20));

        List<EventMessage> after = events(sink.all.subList(sent, sink.all.size()));
        List<EventMessage> twinAfter = events(twinSink.all.subList(twinSent, twinSink.all.size()));
        // The sample has one call alongside, worked by every quay crane that locked a box in the first minutes.
        List<EquipmentId> gang = sink.events().stream().filter(e -> e.event() instanceof SpreaderLocked locked
                && locked.location() instanceof VesselLocation).map(EventMessage::machineId).distinct().toList();
        assertThat(gang).as("the call's gang").contains(crane).hasSizeGreaterThan(1);
        for (EquipmentId member : gang) {
            assertThat(locks(twinAfter, member::equals)).as("locks of %s left on its own", member)
                    .isGreaterThan(LOOKAHEAD_JOBS);
            assertThat(locks(after, member::equals)).as("locks of %s once its call is PortOps's: only the jobs it "
                    + "had in hand", member).isLessThanOrEqualTo(LOOKAHEAD_JOBS + (member.equals(crane) ? 1 : 0));
        }
        assertThat(locks(after, id -> !engine.quayCranes().contains(id) && !engine.tractors().contains(id)))
                .as("yard cranes nobody ordered keep serving the gate").isPositive();
        assertThat(engine.alongside(aboard.getKey().call())).as("the call waits for PortOps's moves").isTrue();
    }

    @Test
    void aDirectedCallSailsOnceItsBayPlanIsDoneWhoeverDidTheMoves() {
        VesselCall full = Scenes.INVENTORY.vesselCalls().getFirst();
        SimEngine probe = engine(OperatingMode.DIRECTED);
        assertThat(probe.alongside(full.id())).as("%s alongside at start", full.id()).isTrue();
        List<BayPlanEntry> discharges = full.bayPlan().entries().stream()
                .filter(e -> e.action() == BayPlanAction.DISCHARGE).limit(2).toList();
        List<BayPlanEntry> loads = full.bayPlan().entries().stream().filter(e -> e.action() == BayPlanAction.LOAD)
                .filter(e -> probe.whereIs(e.container().number()).orElse(null) instanceof YardLocation yard
                        && probe.yard().whyNotLift(e.container().number()).isEmpty()
                        && probe.yardCraneWorking(yard.slot()).isPresent())
                .limit(2).toList();
        List<BayPlanEntry> kept = new ArrayList<>(discharges);
        kept.addAll(loads);
        VesselCall small = full.withBayPlan(new BayPlan(kept));
        List<VesselCall> calls = new ArrayList<>(Scenes.INVENTORY.vesselCalls());
        calls.set(0, small);
        // Mixed mode: left alone, the call's gang would work these moves; the first order makes the call PortOps's.
        SimEngine engine = new SimEngine(Scenes.sample(SEED, 1, new Inventory(Scenes.INVENTORY.containers(), calls))
                .withMode(OperatingMode.MIXED), sink);
        EquipmentId quayCrane = engine.nearestQuayCrane(new VesselLocation(small.id(), kept.getFirst().slot()));
        EquipmentId tractor = engine.tractors().getFirst();

        int n = 0;
        for (BayPlanEntry entry : kept) {
            assertThat(engine.alongside(small.id())).as("alongside with %s still to do", entry).isTrue();
            ContainerNumber box = entry.container().number();
            VesselLocation stowage = new VesselLocation(small.id(), entry.slot());
            String id = "WI-" + ++n;
            Location from;
            Location to;
            EquipmentId yardCrane;
            if (entry.action() == BayPlanAction.DISCHARGE) {
                Map.Entry<YardSlot, EquipmentId> destination = yardDestination(engine, entry.container());
                from = stowage;
                to = new YardLocation(destination.getKey());
                yardCrane = destination.getValue();
            } else {
                from = engine.whereIs(box).orElseThrow();
                to = stowage;
                yardCrane = engine.yardCraneWorking(((YardLocation) from).slot()).orElseThrow();
            }
            MoveKind kind = entry.action() == BayPlanAction.DISCHARGE ? MoveKind.DISCHARGE : MoveKind.LOAD;
            for (EquipmentId machine : List.of(quayCrane, tractor, yardCrane)) {
                engine.order(order(machine, id, box, kind, from, to, engine.now()));
            }
            runUntil(engine, Duration.ofMinutes(30), () -> completed(id));
        }
        assertThat(rejections()).isEmpty();
        runUntil(engine, Duration.ofMinutes(2), () -> !engine.alongside(small.id()));
    }

    /** Jobs a quay crane can have in hand when it turns directed: the one it works and the ones queued behind. */
    private static final int LOOKAHEAD_JOBS = 5;

    private static List<EventMessage> events(List<Outbound> sent) {
        return sent.stream().filter(o -> o instanceof Outbound.Message m && m.message() instanceof EventMessage)
                .map(o -> (EventMessage) ((Outbound.Message) o).message()).toList();
    }

    private static long locks(List<EventMessage> events, Predicate<EquipmentId> by) {
        return events.stream().filter(e -> by.test(e.machineId()) && e.event() instanceof SpreaderLocked).count();
    }
}
