package org.portops.sim.engine;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerNumber;
import org.portops.model.quay.Berth;
import org.portops.model.quay.BerthId;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.VesselLocation;

/**
 * The quay side of the autonomous operation: berths vessel calls when they are due (on their planned berth, or
 * the first free one long enough), gives each a gang of quay cranes with a stretch of the ship each, and hands each
 * crane its discharge list (top tiers first) and load list (bottom tiers first). A call leaves when all its
 * cranes' lists are done. Keeps what is on board each call, for orders that name a stowage slot.
 *
 * <p>A call is <em>directed</em> once PortOps orders one of its quay cranes (and every call is in directed mode):
 * PortOps plans the whole call, so its cranes take no more work of their own (what they hold they finish) and their
 * lists are dropped; it sails once its bay plan is done, whoever did the moves: nothing left to discharge on board,
 * and every box to load that is still in the terminal aboard.
 */
final class VesselWork {

    /** One crane's share of a call. */
    static final class CraneWork {
        final SimQuayCrane crane;
        final VesselBerth berth;
        final Deque<BayPlanEntry> discharges = new ArrayDeque<>();
        final Deque<BayPlanEntry> loads = new ArrayDeque<>();
        boolean loadNext;

        CraneWork(SimQuayCrane crane, VesselBerth berth) {
            this.crane = crane;
            this.berth = berth;
        }

        boolean finished() {
            return discharges.isEmpty() && loads.isEmpty();
        }
    }

    private static final double METRES_PER_CRANE = 65;
    private static final int MAX_CRANES_PER_CALL = 6;

    private final List<VesselCall> waiting;
    private final Map<BerthId, VesselCall> occupied = new LinkedHashMap<>();
    private final Map<SimQuayCrane, CraneWork> work = new LinkedHashMap<>();
    private final Map<VesselCallId, VesselBerth> alongside = new LinkedHashMap<>();
    /** When each call berthed and sailed, in simulated time: what a what-if run reports per vessel. */
    private final Map<VesselCallId, Instant> berthedAt = new LinkedHashMap<>();
    private final Map<VesselCallId, Instant> sailedAt = new LinkedHashMap<>();
    private final Map<ContainerNumber, OnBoard> onBoard = new HashMap<>();
    private final Set<VesselCallId> directed = new HashSet<>();
    private final boolean allDirected;
    private final Map<VesselLocation, ContainerNumber> stowed = new HashMap<>();
    private final Fleet fleet;
    private final List<Berth> berths;

    /** A container on board a call, at its stowage slot. */
    record OnBoard(Container container, VesselLocation location) {
    }

    /** @param allDirected every call is PortOps's from its berthing (directed mode) */
    VesselWork(List<VesselCall> calls, Fleet fleet, List<Berth> berths, boolean allDirected) {
        this.waiting = new ArrayList<>(calls);
        this.allDirected = allDirected;
        this.fleet = fleet;
        this.berths = berths;
        for (VesselCall call : calls) {
            call.bayPlan().entries().stream().filter(e -> e.action().onBoardOnArrival())
                    .forEach(e -> stow(e.container(), new VesselLocation(call.id(), e.slot())));
        }
    }

    private void stow(Container container, VesselLocation location) {
        onBoard.put(container.number(), new OnBoard(container, location));
        stowed.put(location, container.number());
    }

    Optional<OnBoard> onBoard(ContainerNumber number) {
        return Optional.ofNullable(onBoard.get(number));
    }

    /** The container stowed at {@code location}, if any. */
    Optional<ContainerNumber> at(VesselLocation location) {
        return Optional.ofNullable(stowed.get(location));
    }

    /** The quay crane lifted it off the ship. */
    void discharged(ContainerNumber number) {
        OnBoard gone = onBoard.remove(number);
        if (gone != null) {
            stowed.remove(gone.location());
        }
    }

    /** The quay crane set it down in the ship. */
    void loaded(Container container, VesselLocation location) {
        stow(container, location);
    }

    /** The call's place along the quay while it is alongside. */
    Optional<VesselBerth> alongside(VesselCallId call) {
        return Optional.ofNullable(alongside.get(call));
    }

    /** What is on board the calls alongside, by stowage slot, in slot order. */
    Map<VesselLocation, ContainerNumber> onBoardAlongside() {
        Map<VesselLocation, ContainerNumber> aboard = new TreeMap<>(
                Comparator.comparing(VesselLocation::toString));
        stowed.forEach((location, number) -> {
            if (alongside.containsKey(location.call())) {
                aboard.put(location, number);
            }
        });
        return aboard;
    }

    /** Takes {@code number} off every crane's lists: PortOps moves it now. */
    void claim(ContainerNumber number) {
        for (CraneWork share : work.values()) {
            share.discharges.removeIf(e -> e.container().number().equals(number));
            share.loads.removeIf(e -> e.container().number().equals(number));
        }
    }

    /** When each call that berthed so far did, in berthing order. */
    Map<VesselCallId, Instant> berthedAt() {
        return Map.copyOf(berthedAt);
    }

    /** When each call that sailed so far did. */
    Map<VesselCallId, Instant> sailedAt() {
        return Map.copyOf(sailedAt);
    }

    /** Cranes with work, in crane order. */
    List<CraneWork> cranes() {
        return List.copyOf(work.values());
    }

    /** Berths the calls that are due; {@code initial} puts their cranes in place at once (the scene at start). */
    void berthDueCalls(Instant now, boolean initial) {
        for (VesselCall call : List.copyOf(waiting)) {
            Berth berth = berthFor(call, now);
            if (berth != null) {
                waiting.remove(call);
                occupied.put(berth.id(), call);
                VesselBerth moored = new VesselBerth(call, berth.startMeter());
                alongside.put(call.id(), moored);
                berthedAt.put(call.id(), now);
                gang(call, moored, initial);
                if (allDirected) {
                    direct(call.id());
                }
            }
        }
    }

    private Berth berthFor(VesselCall call, Instant now) {
        if (call.berth() != null) {
            boolean due = call.etb() != null && !call.etb().isAfter(now);
            Berth planned = berths.stream().filter(b -> b.id().equals(call.berth())).findFirst().orElse(null);
            return due && planned != null && !occupied.containsKey(planned.id()) ? planned : null;
        }
        if (call.eta().isAfter(now)) {
            return null;
        }
        return berths.stream().filter(b -> !occupied.containsKey(b.id()))
                .filter(b -> b.length() >= call.vessel().lengthOverallMeters() + 20).findFirst().orElse(null);
    }

    private void gang(VesselCall call, VesselBerth berth, boolean initial) {
        double middle = (berth.startX() + berth.endX()) / 2;
        int wanted = (int) Math.max(1, Math.min(MAX_CRANES_PER_CALL,
                Math.round(call.vessel().lengthOverallMeters() / METRES_PER_CRANE)));
        List<SimQuayCrane> gang = new ArrayList<>(fleet.quayCranes.stream().filter(c -> !work.containsKey(c))
                .sorted(Comparator.comparingDouble((SimQuayCrane c) -> Math.abs(c.position().x() - middle))
                        .thenComparing(c -> c.id().value()))
                .limit(wanted).toList());
        if (gang.isEmpty()) {
            return;
        }
        gang.sort(Comparator.comparingDouble(c -> c.position().x()));
        double stretch = (berth.endX() - berth.startX()) / gang.size();
        for (int i = 0; i < gang.size(); i++) {
            SimQuayCrane crane = gang.get(i);
            double from = berth.startX() + i * stretch;
            double to = i == gang.size() - 1 ? Double.MAX_VALUE : from + stretch;
            CraneWork share = new CraneWork(crane, berth);
            if (initial) {
                crane.motion.gantry.place(from + stretch / 2);
            }
            double low = i == 0 ? -Double.MAX_VALUE : from;
            List<BayPlanEntry> mine = call.bayPlan().entries().stream()
                    .filter(e -> berth.covers(e, low, to)).toList();
            mine.stream().filter(e -> e.action() == BayPlanAction.DISCHARGE)
                    .sorted(Comparator.comparingInt((BayPlanEntry e) -> -e.slot().tier().number())
                            .thenComparingInt(e -> e.slot().bay().number()).thenComparingInt(e -> e.slot().row().number()))
                    .forEach(share.discharges::addLast);
            mine.stream().filter(e -> e.action() == BayPlanAction.LOAD)
                    .sorted(Comparator.comparingInt((BayPlanEntry e) -> e.slot().tier().number())
                            .thenComparingInt(e -> e.slot().bay().number()).thenComparingInt(e -> e.slot().row().number()))
                    .forEach(share.loads::addLast);
            work.put(crane, share);
        }
    }

    /**
     * PortOps has ordered {@code crane}: the call it works becomes directed. Its cranes keep what they hold, take
     * nothing new of their own, and the call's lists are dropped.
     */
    void directedCrane(SimQuayCrane crane) {
        CraneWork share = work.get(crane);
        if (share != null) {
            direct(share.berth.call.id());
        }
    }

    private void direct(VesselCallId call) {
        if (!directed.add(call)) {
            return;
        }
        for (CraneWork share : work.values()) {
            if (share.berth.call.id().equals(call)) {
                share.crane.directed = true;
                share.discharges.clear();
                share.loads.clear();
            }
        }
    }

    boolean directed(VesselCallId call) {
        return directed.contains(call);
    }

    /**
     * Lets calls whose work is done sail: their berth and cranes become free once the cranes are idle. A call's own
     * work is its cranes' lists; a directed call's is its bay plan ({@code inTerminal}: whether a box to load is
     * still somewhere in the terminal; one that is not can never be loaded).
     */
    void sailFinishedCalls(Instant now, Predicate<ContainerNumber> inTerminal) {
        for (Map.Entry<BerthId, VesselCall> entry : List.copyOf(occupied.entrySet())) {
            VesselCall call = entry.getValue();
            List<CraneWork> shares = work.values().stream().filter(w -> w.berth.call == call).toList();
            if (shares.stream().allMatch(w -> w.finished() && !w.crane.busy() && w.crane.motion.queued() == 0)
                    && (!directed.contains(call.id()) || bayPlanDone(call, inTerminal))) {
                shares.forEach(w -> work.remove(w.crane));
                occupied.remove(entry.getKey());
                alongside.remove(call.id());
                directed.remove(call.id());
                sailedAt.put(call.id(), now);
            }
        }
    }

    private boolean bayPlanDone(VesselCall call, Predicate<ContainerNumber> inTerminal) {
        for (BayPlanEntry entry : call.bayPlan().entries()) {
            ContainerNumber number = entry.container().number();
            OnBoard aboard = onBoard.get(number);
            boolean done = switch (entry.action()) {
                case DISCHARGE -> aboard == null || !aboard.location().call().equals(call.id());
                case LOAD -> aboard != null && aboard.location().call().equals(call.id()) || !inTerminal.test(number);
                default -> true;
            };
            if (!done) {
                return false;
            }
        }
        return true;
    }
}
