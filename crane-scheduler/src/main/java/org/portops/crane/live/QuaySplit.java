package org.portops.crane.live;

import org.portops.crane.live.CallWork.WorkTask;
import org.portops.crane.split.Assignment;
import org.portops.crane.split.BayWork;
import org.portops.crane.split.CraneSplit;
import org.portops.crane.split.CraneSplitPlanner;
import org.portops.crane.split.CraneTimeline;
import org.portops.crane.split.SplitCrane;
import org.portops.crane.split.SplitProblem;
import org.portops.crane.split.SplitVessel;
import org.portops.crane.split.VesselOutlook;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.quay.Berth;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The crane split for the live loop: with the vessel calls alongside and the work each has left, which quay cranes
 * work which call now. The layout's quay cranes (less those out of service) stand in id order along the rail; each
 * call lies at its berth as the terminal moors ships (bow {@value #BOW_OFFSET} m past the berth's start); its work is
 * the crane cycles left per crane position; {@link CraneSplitPlanner} plans the split over the horizon, starting from
 * the split in force so a re-balance moves cranes only for enough gain. The loop gives each call the cranes the split
 * has on it in its first slot.
 */
public final class QuaySplit {

    /** The simulator moors a ship's bow this far past its berth's start (terminal-sim's VesselBerth). */
    static final double BOW_OFFSET = 10;

    /**
     * A detailed plan finishing later than the split's estimate by more than this is an overrun the split learns
     * from: a quarter of the split's hour slot, so the estimate's own rounding is not mistaken for one.
     */
    static final Duration OVERRUN_TOLERANCE = Duration.ofMinutes(15);

    /** A call's work is never weighed more than this many times its crane cycles, whatever a detailed plan says. */
    static final double MOST_WORK_FACTOR = 4;

    /**
     * @param slotSeconds   a crane works one vessel per slot
     * @param horizonSlots  how many slots ahead the split plans
     * @param maxCranes     most cranes one call gets
     * @param cyclesPerHour each crane's rate, as the bay-plan mapping counts it
     * @param limits        the split solver's budget
     */
    public record Settings(int slotSeconds, int horizonSlots, int maxCranes, int cyclesPerHour,
                           CraneSplitPlanner.Limits limits) {

        /**
         * Hour slots over two days, up to 6 cranes a call at 30 cycles an hour, 5 s of solving (the sample quay's 14
         * cranes × 48 slots need about that to construct and improve a split; a split runs only when a call arrives,
         * changes or leaves, off the loop's thread).
         */
        public static final Settings DEFAULTS = new Settings(3600, 48, 6, 30,
                new CraneSplitPlanner.Limits(Duration.ofSeconds(5), 0));
    }

    /** A call alongside and the work it has left. */
    public record CallOnQuay(VesselCall call, CallWork work) {
    }

    /**
     * A call's detailed plan finishes {@code overrun} after the split's estimate; {@code missesDeparture} when the
     * detailed plan is past the planned departure the estimate met, so the split decided on a plan that will not hold.
     */
    public record Overrun(VesselCallId call, Duration overrun, boolean missesDeparture) {
    }

    /** The split made (null when no crane is in service or no call alongside), per call its cranes now, in quay order. */
    public record Result(CraneSplit split, Map<VesselCallId, List<EquipmentId>> cranesNow) {
        public Result {
            cranesNow = Map.copyOf(cranesNow);
        }
    }

    private final TerminalLayout layout;
    private final Settings settings;
    private final Clock clock;
    private final CraneSplitPlanner planner;
    private volatile CraneSplit inForce;
    private volatile Instant inForceFrom;
    /** Per call, how much longer than its crane cycles say its detailed plans take: its work in the next split. */
    private final Map<VesselCallId, Double> workFactor = new ConcurrentHashMap<>();
    /** The work factors the split in force was made with. */
    private volatile Map<VesselCallId, Double> inForceFactors = Map.of();

    public QuaySplit(TerminalLayout layout, Settings settings, Clock clock) {
        this.layout = layout;
        this.settings = settings;
        this.clock = clock;
        this.planner = new CraneSplitPlanner(clock);
    }

    /** The last split made; null before the first. */
    public CraneSplit inForce() {
        return inForce;
    }

    /**
     * Splits the cranes in service over the calls; re-balances from the last split when there is one. With no crane in
     * service or no call, no split: every call gets no crane. A call whose stretch of quay a call berthing before it
     * still takes waits out of the split, with no crane now.
     *
     * @throws IllegalArgumentException when a call lies at a berth the layout has not
     */
    public Result split(List<CallOnQuay> calls, Set<EquipmentId> outOfService) {
        Instant now = clock.instant();
        List<SplitCrane> cranes = cranes(outOfService);
        if (cranes.isEmpty() || calls.isEmpty()) {
            Map<VesselCallId, List<EquipmentId>> none = new HashMap<>();
            calls.forEach(call -> none.put(call.call().id(), List.of()));
            return new Result(null, none);
        }
        Map<VesselCallId, Double> factors = new HashMap<>();
        calls.forEach(call -> factors.put(call.call().id(), workFactor.getOrDefault(call.call().id(), 1.0)));
        List<SplitVessel> vessels = firstAtEachStretch(calls.stream()
                .map(call -> vessel(call, now, factors.get(call.call().id()))).toList());
        SplitProblem problem = new SplitProblem(now, layout.quay().lengthMeters(), settings.slotSeconds(),
                settings.horizonSlots(), settings.maxCranes(), cranes, vessels, List.of(), 0,
                previous(cranes, vessels, now));
        CraneSplit split = planner.plan(problem, settings.limits());
        inForceFrom = now;
        inForceFactors = Map.copyOf(factors);
        inForce = split;
        Map<VesselCallId, List<EquipmentId>> cranesNow = new LinkedHashMap<>();
        calls.forEach(call -> cranesNow.put(call.call().id(), new ArrayList<>()));
        for (CraneTimeline timeline : split.cranes()) {
            timeline.assignments().stream().filter(assignment -> assignment.from() <= 0 && assignment.until() > 0)
                    .map(Assignment::vessel).findFirst()
                    .ifPresent(call -> cranesNow.get(call).add(timeline.crane()));
        }
        Map<VesselCallId, List<EquipmentId>> result = new LinkedHashMap<>();
        cranesNow.forEach((call, list) -> result.put(call, List.copyOf(list)));
        return new Result(split, result);
    }

    /**
     * What a call's detailed plan (the QCSP of its cranes) says of the split in force: when it finishes later than the
     * split estimated by more than {@link #OVERRUN_TOLERANCE}, the call's work in the next splits is weighed by how
     * much longer the detailed plan takes than the estimate for the time left (on top of the weight the split in force
     * had, not compounding over several plans of one split; at most {@link #MOST_WORK_FACTOR}), so the split keeps
     * cranes on it until the detailed plan is done. Empty when there is no overrun (or no split, or the call is not in
     * it). Safe from any thread.
     */
    public Optional<Overrun> detailedCompletion(VesselCallId call, Instant completion) {
        CraneSplit split = inForce;
        Instant from = inForceFrom;
        VesselOutlook outlook = split == null ? null : split.vessels().stream()
                .filter(vessel -> vessel.vessel().equals(call)).findFirst().orElse(null);
        if (outlook == null) {
            return Optional.empty();
        }
        Instant estimated = from.plusSeconds(outlook.estimatedCompletion());
        Duration overrun = Duration.between(estimated, completion);
        if (overrun.compareTo(OVERRUN_TOLERANCE) <= 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        double estimatedLeft = Math.max(60, Duration.between(now, estimated).toSeconds());
        double detailedLeft = Duration.between(now, completion).toSeconds();
        double factor = inForceFactors.getOrDefault(call, 1.0) * detailedLeft / estimatedLeft;
        workFactor.put(call, Math.min(MOST_WORK_FACTOR, Math.max(1.0, factor)));
        Instant departure = from.plusSeconds(outlook.plannedDeparture());
        return Optional.of(new Overrun(call, overrun, completion.isAfter(departure) && !estimated.isAfter(departure)));
    }

    /** A call that left the quay: what its detailed plans taught the split is forgotten. */
    public void forget(VesselCallId call) {
        workFactor.remove(call);
    }

    /**
     * The vessels that can lie along the quay together: in order of berthing, each unless its stretch overlaps one
     * taken before it. The berth plan puts calls one after another at one berth, and the split lays every vessel
     * over its whole horizon, so a call whose berth is still taken by an earlier call waits out of the split (with
     * no crane now) until that call leaves.
     */
    private static List<SplitVessel> firstAtEachStretch(List<SplitVessel> vessels) {
        List<SplitVessel> taken = new ArrayList<>();
        vessels.stream().sorted(Comparator.comparingInt(SplitVessel::berthing)
                        .thenComparing(vessel -> vessel.id().value()))
                .filter(vessel -> taken.stream().noneMatch(other -> vessel.fromMeter() < other.toMeter()
                        && other.fromMeter() < vessel.toMeter()))
                .forEach(taken::add);
        return taken;
    }

    /**
     * The split in force as the new problem's previous one: its timelines shifted to the new plan start, cut to the
     * cranes and calls still in play, so the split's stability term counts only real changes.
     */
    private List<CraneTimeline> previous(List<SplitCrane> cranes, List<SplitVessel> vessels, Instant now) {
        if (inForce == null) {
            return List.of();
        }
        int shift = (int) Duration.between(inForceFrom, now).toSeconds();
        Set<VesselCallId> calls = new HashSet<>(vessels.stream().map(SplitVessel::id).toList());
        Set<EquipmentId> inService = new HashSet<>(cranes.stream().map(SplitCrane::id).toList());
        return inForce.cranes().stream().filter(timeline -> inService.contains(timeline.crane()))
                .map(timeline -> new CraneTimeline(timeline.crane(), timeline.assignments().stream()
                        .filter(a -> calls.contains(a.vessel()) && a.until() - shift > 0)
                        .map(a -> new Assignment(a.vessel(), Math.max(0, a.from() - shift), a.until() - shift))
                        .toList(), List.of()))
                .toList();
    }

    /** The quay cranes in service in id order, spread evenly along the rail. */
    private List<SplitCrane> cranes(Set<EquipmentId> outOfService) {
        List<EquipmentId> all = layout.allEquipment().stream().filter(e -> e.kind() == EquipmentKind.QUAY_CRANE)
                .map(Equipment::id).sorted(Comparator.comparing(EquipmentId::value)).toList();
        double spacing = layout.quay().lengthMeters() / all.size();
        List<SplitCrane> cranes = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            if (!outOfService.contains(all.get(k))) {
                cranes.add(SplitCrane.standard(all.get(k).value(), spacing * (k + 0.5)));
            }
        }
        return cranes;
    }

    private SplitVessel vessel(CallOnQuay onQuay, Instant now, double factor) {
        VesselCall call = onQuay.call();
        Berth berth = Optional.ofNullable(call.berth()).flatMap(id -> layout.quay().berth(id))
                .orElseThrow(() -> new IllegalArgumentException("vessel call " + call.id() + " lies at no berth of the"
                        + " layout: " + call.berth()));
        double bow = berth.startMeter() + BOW_OFFSET;
        int berthing = call.etb() == null ? 0 : (int) Math.max(0, Duration.between(now, call.etb()).toSeconds());
        int departure = (int) Math.max(berthing + 1, Duration.between(now, call.etd()).toSeconds());
        return new SplitVessel(call.id(), call.vessel().name(), bow, bow + call.vessel().lengthOverallMeters(),
                onQuay.work().bays(), berthing, departure, bays(onQuay.work(), factor));
    }

    /**
     * The crane cycles left per crane position, from the time the mapping gave each task, weighed by what the call's
     * detailed plans showed ({@link #detailedCompletion}).
     */
    private List<BayWork> bays(CallWork work, double factor) {
        int secondsPerCycle = (3600 + settings.cyclesPerHour() - 1) / settings.cyclesPerHour();
        Map<Integer, Integer> seconds = new TreeMap<>();
        for (WorkTask task : work.tasks()) {
            seconds.merge(task.bay(), task.secondsPerMove() * task.moves().size(), Integer::sum);
        }
        Map<Integer, Integer> cycles = new HashMap<>();
        seconds.forEach((bay, time) -> cycles.put(bay, (int) Math.ceil(time * factor / secondsPerCycle)));
        return new TreeMap<>(cycles).entrySet().stream().map(e -> new BayWork(e.getKey(), e.getValue())).toList();
    }
}
