package org.portops.sim.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.LineOperator;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.equipment.Position;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.GateLane;
import org.portops.model.layout.PlacedContainer;
import org.portops.model.work.GateLocation;
import org.portops.model.work.MoveKind;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;

/**
 * Road trucks through the gate, arriving at random (exponential gaps, one every {@link #MEAN_GAP_SECONDS} on
 * average): half deliver a new export box to the yard, half collect an import box that no vessel needs. Each is
 * served by the yard crane of its stack and leaves through an outbound lane.
 */
final class GateTraffic {

    static final double MEAN_GAP_SECONDS = 60;
    private static final List<String> OWNERS = List.of("MSC", "MAE", "CMA", "HLX", "ONE", "EGL");
    private static final List<String> LINES = List.of("MSCU", "MAEU", "CMDU", "HLCU", "ONEY", "EGLV");
    private static final List<String> DESTINATIONS = List.of("SGSIN", "CNSHA", "USNYC", "BRSSZ", "ZADUR", "GBFXT");

    private final Sim sim;
    private final Fleet fleet;
    private final Operations operations;
    private final List<GateLane> inbound;
    private final List<GateLane> outbound;
    private final List<Truck> trucks = new ArrayList<>();
    private final Set<ContainerNumber> issued = new HashSet<>();
    private Instant nextArrival;
    /** Trucks arrive this many times as often as usual (a what-if gate surge); 1 normally. */
    private double rateFactor = 1;
    /** Seconds from entry to exit of each truck that has left, in leaving order. */
    private final List<Double> turnSeconds = new ArrayList<>();

    GateTraffic(Sim sim, Fleet fleet, Operations operations) {
        this.sim = sim;
        this.fleet = fleet;
        this.operations = operations;
        List<GateLane> lanes = sim.geometry().layout().gateLanes();
        this.inbound = lanes.stream().filter(GateLane::inbound).toList();
        List<GateLane> out = lanes.stream().filter(l -> !l.inbound()).toList();
        this.outbound = out.isEmpty() ? inbound : out;
        this.nextArrival = sim.now().plusMillis(gapMillis());
    }

    private long gapMillis() {
        return (long) (-Math.log(1 - sim.random().nextDouble()) * MEAN_GAP_SECONDS / rateFactor * 1000);
    }

    void step() {
        if (inbound.isEmpty() || sim.now().isBefore(nextArrival)) {
            return;
        }
        nextArrival = sim.now().plusMillis(gapMillis());
        int in = sim.random().nextInt(inbound.size());
        int out = sim.random().nextInt(outbound.size());
        Position entry = sim.geometry().gatePoint(in, true);
        Position exit = sim.geometry().gatePoint(out, false);
        GateLocation inLane = inbound.get(in).location();
        if (sim.random().nextBoolean()) {
            deliver(inLane, entry, exit);
        } else {
            collect(inLane, outbound.get(out).location(), entry, exit);
        }
    }

    /**
     * A truck PortOps ordered a box onto ({@code GATE_OUT} to {@code lane}): it drives in through an inbound lane to
     * the yard crane and leaves through {@code lane} when that is an outbound lane, else through the first one.
     */
    Truck pickupTruck(GateLocation lane, Job job) {
        int in = sim.random().nextInt(inbound.size());
        int out = 0;
        for (int i = 0; i < outbound.size(); i++) {
            if (outbound.get(i).location().equals(lane)) {
                out = i;
            }
        }
        Truck truck = new Truck(lane, sim.geometry().gatePoint(in, true), sim.geometry().gatePoint(out, false), job,
                null, sim.now());
        trucks.add(truck);
        return truck;
    }

    /** Whether {@code lane} is one of the terminal's gate lanes. */
    boolean hasLane(GateLocation lane) {
        return inbound.stream().anyMatch(l -> l.location().equals(lane))
                || outbound.stream().anyMatch(l -> l.location().equals(lane));
    }

    void stepTrucks(double dt) {
        trucks.forEach(t -> t.step(dt, sim));
        trucks.removeIf(truck -> {
            if (truck.gone()) {
                turnSeconds.add(Duration.between(truck.arrived(), sim.now()).toMillis() / 1000.0);
                return true;
            }
            return false;
        });
    }

    /** Trucks arrive {@code factor} times as often as usual from the next arrival on. */
    void rateFactor(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("gate arrival factor must be above 0, was " + factor);
        }
        this.rateFactor = factor;
        this.nextArrival = sim.now().plusMillis(gapMillis());
    }

    /** Truck turn times so far, in seconds, in leaving order. */
    List<Double> turnSeconds() {
        return List.copyOf(turnSeconds);
    }

    private void deliver(GateLocation lane, Position entry, Position exit) {
        Container box = newExport();
        Optional<YardSlot> slot = operations.slots().find(box, entry.x(), entry.y(), sim.random());
        if (slot.isEmpty()) {
            return;
        }
        BlockLayout block = sim.yard().block(slot.get().block()).orElseThrow();
        Job job = new Job(operations.nextId(), box, MoveKind.GATE_IN, lane, new YardLocation(slot.get()), slot.get(),
                block, null);
        Truck truck = new Truck(lane, entry, exit, job, box, sim.now());
        job.carrier = truck;
        operations.toYardCrane(job);
        trucks.add(truck);
    }

    private void collect(GateLocation inLane, GateLocation outLane, Position entry, Position exit) {
        List<PlacedContainer> yard = sim.yard().containers();
        for (int attempt = 0; attempt < 40 && !yard.isEmpty(); attempt++) {
            PlacedContainer candidate = yard.get(sim.random().nextInt(yard.size()));
            Container box = candidate.container();
            YardSlot slot = candidate.slot();
            if (box.category() != ContainerCategory.IMPORT || operations.planned(box.number())
                    || operations.slots().closed(slot.block())
                    || sim.yard().whyNotLift(box.number()).isPresent()
                    || !operations.reservations().free(slot, box.length().yardBays()) || fleet.craneFor(slot) == null) {
                continue;
            }
            BlockLayout block = sim.yard().block(slot.block()).orElseThrow();
            Job job = new Job(operations.nextId(), box, MoveKind.GATE_OUT, new YardLocation(slot), outLane, slot, block,
                    null);
            Truck truck = new Truck(inLane, entry, exit, job, null, sim.now());
            job.carrier = truck;
            operations.toYardCrane(job);
            trucks.add(truck);
            return;
        }
    }

    private Container newExport() {
        ContainerNumber number;
        do {
            number = ContainerNumber.fromParts(OWNERS.get(sim.random().nextInt(OWNERS.size())), 'U',
                    sim.random().nextInt(1_000_000));
        } while (sim.yard().find(number).isPresent() || operations.planned(number) || !issued.add(number));
        int pick = sim.random().nextInt(100);
        SizeTypeCode type = new SizeTypeCode(pick < 45 ? "22G1" : pick < 95 ? "42G1" : "45G1");
        int line = sim.random().nextInt(LINES.size());
        return new Container(number, type, new VgmWeight(4_000 + sim.random().nextInt(24_000)),
                new LineOperator(LINES.get(line)), sim.geometry().layout().port(),
                new UnLocode(DESTINATIONS.get(sim.random().nextInt(DESTINATIONS.size()))), ContainerCategory.EXPORT,
                null, null);
    }
}
