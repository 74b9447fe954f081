package org.portops.bench.yard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;
import org.portops.bench.support.Latencies;
import org.portops.bench.yard.YardTraffic.Arrival;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.Position;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.yard.YardSlot;
import org.portops.yard.slot.Departure;
import org.portops.yard.slot.SlotRequest;
import org.portops.yard.slot.StackRules;
import org.portops.yard.slot.YardBox;
import org.portops.yard.slot.YardModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays one traffic stream against one slot policy on its own yard: every arrival gets a slot from the policy,
 * every departure digs its container out, and every container above it is a rehandle, relocated by the same policy
 * (the dig-out stack closed meanwhile). Rehandles and retrievals count from {@code measureFrom} on.
 */
final class YardSimulation {
    private static final Logger LOG = LoggerFactory.getLogger(YardSimulation.class);

    /** Chooses a slot for a container and places it in the yard, or returns null when no stack can take it. */
    interface Policy {
        String name();

        YardSlot place(YardModel yard, SlotRequest request);
    }

    record Result(String policy, int arrivals, int noSlot, int retrievals, int rehandles, int stuck,
                  Latencies decisions, double fillAtEnd) {
        double rehandlesPerThousand() {
            return retrievals == 0 ? Double.NaN : 1000.0 * rehandles / retrievals;
        }
    }

    /** The simulated time, which the planner reads as its clock. */
    static final class SimClock extends Clock {
        Instant now = YardTraffic.START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private record Event(Instant at, boolean departure, long order, Arrival arrival) {
    }

    private final YardModel yard;
    private final SimClock clock;
    private final Policy policy;
    private final Function<Arrival, Departure> expectedDeparture;
    private final Map<ContainerNumber, SlotRequest> requests = new HashMap<>();
    private final Latencies decisions = new Latencies();
    private int arrivals;
    private int noSlot;
    private int retrievals;
    private int rehandles;
    private int stuck;

    YardSimulation(TerminalLayout layout, SimClock clock, Function<YardModel, Policy> policy,
                   Function<Arrival, Departure> expectedDeparture) {
        this.yard = YardModel.of(layout, StackRules.DEFAULT);
        this.clock = clock;
        this.policy = policy.apply(yard);
        this.expectedDeparture = expectedDeparture;
    }

    YardModel yard() {
        return yard;
    }

    Result run(List<Arrival> stream, Instant measureFrom, Instant end) {
        PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.at().equals(b.at())
                ? Long.compare(a.order(), b.order()) : a.at().compareTo(b.at()));
        long order = 0;
        for (Arrival arrival : stream) {
            events.add(new Event(arrival.arrives(), false, order++, arrival));
        }
        Instant nextDay = YardTraffic.START.plus(Duration.ofDays(1));
        while (!events.isEmpty() && events.peek().at().isBefore(end)) {
            Event event = events.poll();
            clock.now = event.at();
            if (!clock.now.isBefore(nextDay)) {
                LOG.info("{}: {} simulated, {} containers in the yard, {} rehandles so far", policy.name(),
                        nextDay, yard.containers(), rehandles);
                nextDay = nextDay.plus(Duration.ofDays(1));
            }
            boolean measured = !event.at().isBefore(measureFrom);
            if (event.departure()) {
                depart(event.arrival().container().number(), measured);
            } else if (arrive(event.arrival(), measured)) {
                events.add(new Event(event.arrival().leaves(), true, order++, event.arrival()));
            }
        }
        return new Result(policy.name(), arrivals, noSlot, retrievals, rehandles, stuck, decisions, fill());
    }

    private boolean arrive(Arrival arrival, boolean measured) {
        SlotRequest request = new SlotRequest(arrival.container(), expectedDeparture.apply(arrival),
                arrival.vesselCall(), arrival.origin());
        requests.put(arrival.container().number(), request);
        long started = System.nanoTime();
        YardSlot slot = policy.place(yard, request);
        if (measured) {
            decisions.record(System.nanoTime() - started);
            arrivals++;
            if (slot == null) {
                noSlot++;
            }
        }
        return slot != null;
    }

    private void depart(ContainerNumber leaving, boolean measured) {
        if (yard.slotOf(leaving).isEmpty()) {
            return;
        }
        List<YardBox> above = yard.above(leaving);
        int stack = yard.stackOf(leaving);
        List<Integer> dig = new ArrayList<>(List.of(stack));
        if (yard.box(leaving).orElseThrow().isLong()) {
            dig.add(stack + yard.block(yard.blockOf(stack)).rows());
        }
        Map<Integer, Boolean> wasClosed = new HashMap<>();
        dig.forEach(s -> wasClosed.put(s, yard.isClosed(s)));
        dig.forEach(s -> yard.closeStack(yard.stackId(s), true));
        Position from = yard.centre(stack, 1);
        boolean clear = true;
        for (int i = above.size() - 1; i >= 0 && clear; i--) {
            clear = relocate(above.get(i), from, measured);
        }
        wasClosed.forEach((s, closed) -> yard.closeStack(yard.stackId(s), closed));
        if (!clear) {
            stuck++;
            return;
        }
        yard.remove(leaving, clock.now);
        if (measured) {
            retrievals++;
        }
    }

    private boolean relocate(YardBox blocker, Position from, boolean measured) {
        int origin = yard.stackOf(blocker.number());
        yard.remove(blocker.number(), clock.now);
        SlotRequest original = requests.get(blocker.number());
        SlotRequest request = new SlotRequest(original.container(), blocker.departure(), original.vesselCall(), from);
        if (policy.place(yard, request) == null) {
            yard.closeStack(yard.stackId(origin), false);
            yard.place(blocker, origin, clock.now);
            return false;
        }
        if (measured) {
            rehandles++;
        }
        return true;
    }

    private double fill() {
        int slots = yard.blocks().stream().mapToInt(b -> b.capacitySlots()).sum();
        double used = 0;
        for (int b = 0; b < yard.blocks().size(); b++) {
            used += yard.fill(b) * yard.block(b).capacitySlots();
        }
        return used / slots;
    }
}
