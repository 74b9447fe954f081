package org.portops.sim.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.telemetry.ConnectionState;
import org.portops.model.telemetry.EquipmentEvent.FaultCleared;
import org.portops.model.telemetry.EquipmentEvent.FaultRaised;
import org.portops.model.telemetry.InstantAction;
import org.portops.model.telemetry.Order;
import org.portops.model.telemetry.StateReading;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.Location;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.YardSlot;
import org.portops.sim.yard.SimYard;

/**
 * The deterministic discrete-time simulation of a whole terminal: fixed 100 ms ticks of simulated time, one
 * seeded {@link Random}, machines stepped in id order. Each tick: apply queued injections, instant actions and
 * PortOps's orders, run the autonomous operation (once a simulated second), move every machine and truck, publish
 * the readings and positions due. The same configuration and the same orders at the same ticks give the same
 * messages in the same order, whatever the wall clock does.
 *
 * <p>Not thread-safe except {@link #inject}, {@link #instantAction} and {@link #order}, which may be called from
 * any thread.
 */
public final class SimEngine {

    private static final int TICKS_PER_PLAN = 10;

    private final Sim sim;
    private final Fleet fleet;
    private final Operations operations;
    private final OrderBook orderBook;
    private final ReeferMonitor reefers;
    private final AttackMessages attacks;
    private final int ticksPerReading;
    /** 0 when the machines publish no visualization messages. */
    private final int ticksPerVisualization;
    private final ConcurrentLinkedQueue<Injection> injections = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<InstantAction> actions = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Order> orders = new ConcurrentLinkedQueue<>();
    private final Map<EquipmentId, Injection.Teleport> teleports = new LinkedHashMap<>();

    public SimEngine(EngineConfig config, TelemetrySink sink) {
        Random random = new Random(config.seed());
        SimYard yard = new SimYard(config.layout(), config.inventory().containers());
        TerminalGeometry geometry = new TerminalGeometry(config.layout());
        this.sim = new Sim(config.start(), random, yard, geometry);
        sim.emitter(new Emitter(config.terminalCode(), config.geo(), sink, sim::now));
        this.fleet = new Fleet(config.layout(), geometry, random);
        this.operations = new Operations(sim, fleet, config.inventory().vesselCalls(), config.mode());
        sim.operations(operations);
        this.orderBook = new OrderBook(sim, fleet, operations, config.mode());
        sim.orders(orderBook);
        this.reefers = new ReeferMonitor(sim, config.reeferPeriod());
        this.attacks = new AttackMessages(config.terminalCode());
        this.ticksPerReading = (int) Math.max(1, Math.round(10 / config.rateHz()));
        this.ticksPerVisualization = config.visualizationHz() == 0 ? 0
                : (int) Math.max(1, Math.round(10 / config.visualizationHz()));
    }

    /** Publishes ONLINE (retained) for every machine and reefer monitor. */
    public void announceOnline() {
        connection(ConnectionState.ONLINE);
    }

    /** Publishes OFFLINE (retained) for every machine and reefer monitor: a clean shutdown. */
    public void announceOffline() {
        connection(ConnectionState.OFFLINE);
    }

    private void connection(ConnectionState state) {
        fleet.all.forEach(m -> sim.emitter().connection(m, state));
        reefers.connection(state);
    }

    /** Queues an injection for the next tick. Thread-safe. */
    public void inject(Injection injection) {
        injections.add(injection);
    }

    /** Queues an instant action received for a machine. Thread-safe. */
    public void instantAction(InstantAction action) {
        actions.add(action);
    }

    /** Queues an order received for a machine; it is taken up at the start of the next tick. Thread-safe. */
    public void order(Order order) {
        orders.add(order);
    }

    public void advance(Duration duration) {
        long ticks = duration.toMillis() / Sim.TICK.toMillis();
        for (long i = 0; i < ticks; i++) {
            tick();
        }
    }

    public void tick() {
        applyInjections();
        applyInstantActions();
        for (Order order = orders.poll(); order != null; order = orders.poll()) {
            orderBook.receive(order);
        }
        if (sim.ticks() % TICKS_PER_PLAN == 0) {
            orderBook.expire();
            operations.plan();
        }
        for (SimMachine machine : fleet.all) {
            machine.tick(Sim.DT, sim);
        }
        operations.stepTrucks(Sim.DT);
        sim.advanceTick();
        publishReadings();
        publishPositions();
        reefers.step();
    }

    private void publishReadings() {
        long tick = sim.ticks();
        for (int i = 0; i < fleet.all.size(); i++) {
            if ((tick + i) % ticksPerReading == 0) {
                SimMachine machine = fleet.all.get(i);
                Injection.Teleport teleport = teleports.remove(machine.id());
                if (teleport == null) {
                    sim.emitter().reading(machine);
                } else {
                    StateReading genuine = machine.reading(sim.now(), sim.emitter().geo());
                    sim.emitter().send(machine.id(), genuine.at(teleport.to(), sim.emitter().geo().toWgs84(teleport.to())));
                }
            }
        }
    }

    private void publishPositions() {
        if (ticksPerVisualization == 0) {
            return;
        }
        long tick = sim.ticks();
        for (int i = 0; i < fleet.all.size(); i++) {
            if ((tick + i) % ticksPerVisualization == 0) {
                sim.emitter().position(fleet.all.get(i));
            }
        }
    }

    private void applyInstantActions() {
        for (InstantAction action = actions.poll(); action != null; action = actions.poll()) {
            InstantAction applied = action;
            fleet.machine(action.machineId()).ifPresent(m -> m.pause(switch (applied.action()) {
                case STOP, PAUSE -> true;
                case RESUME -> false;
            }));
        }
    }

    private void applyInjections() {
        for (Injection injection = injections.poll(); injection != null; injection = injections.poll()) {
            apply(injection);
        }
    }

    private void apply(Injection injection) {
        switch (injection) {
            case Injection.Breakdown b -> fault(machine(b), b.code(), b.text());
            case Injection.Stall s -> fault(machine(s), "ENGINE_STALL", "engine stalled");
            case Injection.Repair r -> repair(machine(r));
            case Injection.BearingWear w -> machine(w).health.startWear(w.millimetresPerSecondPerHour());
            case Injection.SensorDropout d -> machine(d).silence(sim.now().plus(d.duration()));
            case Injection.Replay r -> {
                StateReading last = sim.emitter().lastReading(r.machine());
                if (last != null) {
                    sim.emitter().send(r.machine(), last);
                }
            }
            case Injection.ForeignId f -> {
                SimMachine machine = machine(f);
                sim.emitter().send(machine.id(), machine.reading(sim.now(), sim.emitter().geo())
                        .withHeader(f.claimed(), machine.nextSequence(), sim.now()));
            }
            case Injection.Teleport t -> teleports.put(machine(t).id(), t);
            case Injection.Malformed m -> sim.emitter().raw(attacks.malformed(m.machine(),
                    machine(m).reading(sim.now(), sim.emitter().geo()), m.kind()));
            case Injection.ReeferPowerLoss loss -> reefers.powerLoss(loss.container());
        }
    }

    private SimMachine machine(Injection injection) {
        return fleet.machine(injection.machine()).orElseThrow(() -> new IllegalArgumentException(
                "no simulated machine " + injection.machine()));
    }

    private void repair(SimMachine machine) {
        for (String code : machine.faultCodes()) {
            machine.clearFault(code);
            sim.emitter().event(machine, new FaultCleared(code));
        }
    }

    private void fault(SimMachine machine, String code, String text) {
        if (machine.raiseFault(code, text)) {
            sim.emitter().event(machine, new FaultRaised(code, text));
        }
    }

    public Instant now() {
        return sim.now();
    }

    public SimYard yard() {
        return sim.yard();
    }

    /** Every simulated machine, in id order, and the reefer monitors. */
    public List<EquipmentId> machines() {
        List<EquipmentId> ids = new ArrayList<>(fleet.all.stream().map(SimMachine::id).toList());
        ids.addAll(reefers.units());
        return ids;
    }

    public EquipmentKind kindOf(EquipmentId id) {
        return fleet.machine(id).map(SimMachine::kind).orElseThrow();
    }

    /** Completed crane moves (spreader unlocks) per quay crane so far. */
    public Map<EquipmentId, Integer> quayCraneMoves() {
        Map<EquipmentId, Integer> moves = new LinkedHashMap<>();
        fleet.quayCranes.forEach(c -> moves.put(c.id(), c.motion.moves()));
        return moves;
    }

    /** Boxes discharged and loaded across the quay so far. */
    public int vesselMoves() {
        return operations.dischargedCount() + operations.loadedCount();
    }

    // The reads below serve tests and tools: call them on the engine's thread, or while nothing moves (directed
    // mode before the first order), as they read the engine's own unsynchronised state.

    /** The yard crane whose stretch of bays takes in {@code slot}, if one does; directed or not. */
    public Optional<EquipmentId> yardCraneWorking(YardSlot slot) {
        return fleet.yardCranesCovering(slot).stream().map(SimMachine::id).findFirst();
    }

    /** The quay cranes, in id order. */
    public List<EquipmentId> quayCranes() {
        return fleet.quayCranes.stream().map(SimMachine::id).toList();
    }

    /** The quay crane standing nearest the bay of {@code location}, whose call must be alongside. */
    public EquipmentId nearestQuayCrane(VesselLocation location) {
        VesselBerth berth = operations.vessels().alongside(location.call()).orElseThrow(
                () -> new IllegalArgumentException(location.call() + " is not alongside"));
        double x = berth.bayX(location.slot());
        return fleet.quayCranes.stream().min(Comparator.comparingDouble(c -> Math.abs(c.position().x() - x)))
                .map(SimMachine::id).orElseThrow();
    }

    /** The terminal tractors, in id order. */
    public List<EquipmentId> tractors() {
        return fleet.tractors.stream().map(SimMachine::id).toList();
    }

    /** Where the simulator has {@code number}: its yard slot or stowage slot; empty elsewhere or unknown. */
    public Optional<Location> whereIs(ContainerNumber number) {
        Optional<Location> inYard = sim.yard().find(number).map(p -> new YardLocation(p.slot()));
        return inYard.isPresent() ? inYard : operations.vessels().onBoard(number).map(VesselWork.OnBoard::location);
    }

    /** The vessel calls alongside, with the containers still on board for discharge: what orders can name. */
    public Map<VesselLocation, ContainerNumber> onBoardAlongside() {
        return operations.vessels().onBoardAlongside();
    }

    /** Whether the call is alongside (berthed, not yet sailed). */
    public boolean alongside(VesselCallId call) {
        return operations.vessels().alongside(call).isPresent();
    }

    // What-if knobs and figures (org.portops.sim.twin): call them between ticks, on the engine's thread.

    /** Trucks arrive at the gate {@code factor} times as often as usual from now on (1 = usual). */
    public void gateArrivalFactor(double factor) {
        operations.gate().rateFactor(factor);
    }

    /** Closes a yard block to new boxes and gate pick-ups ({@code closed} false opens it again). */
    public void closeBlock(BlockId block, boolean closed) {
        if (sim.yard().block(block).isEmpty()) {
            throw new IllegalArgumentException("no block " + block.value() + " in the terminal");
        }
        operations.slots().close(block, closed);
    }

    /** Truck turn times so far (entry to exit), in seconds, in leaving order. */
    public List<Double> truckTurnSeconds() {
        return operations.gate().turnSeconds();
    }

    /** When each vessel call berthed so far. */
    public Map<VesselCallId, Instant> berthedAt() {
        return operations.vessels().berthedAt();
    }

    /** When each vessel call sailed so far. */
    public Map<VesselCallId, Instant> sailedAt() {
        return operations.vessels().sailedAt();
    }

    /** Seconds each quay crane had a share of a call alongside so far. */
    public Map<EquipmentId, Long> quayCraneShareSeconds() {
        return operations.craneSeconds();
    }

    /** Seconds each quay crane stood waiting for transport with boxes of its share left. */
    public Map<EquipmentId, Long> quayCraneWaitingSeconds() {
        return operations.waitingSeconds();
    }

    /** The geometry limits positions stay within. */
    public TerminalGeometry geometry() {
        return sim.geometry();
    }
}
