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
import java.util.stream.Stream;

/**
 * The crane split for the live loop: with the vessel calls alongside and the work each has left, which quay cranes
 * work which call now. The layout's quay cranes (less those out of service) stand in id order along the rail; each
 * call lies where the berth plan placed it (else at its berth, as the terminal moors ships); its work is
 * the crane cycles left per crane position; {@link CraneSplitPlanner} plans the split over the horizon, starting from
 * the split in force so a re-balance moves cranes only for enough gain. The loop gives each call the cranes the split
 * has on it in its first slot.
 */
public final class QuaySplit {

    /**
     * A detailed plan finishing later (or earlier) than the split's estimate by more than this is an overrun (or an
     * under-run) the split learns from: a quarter of the split's hour slot, so the estimate's own rounding is not
     * mistaken for one.
     */
    static final Duration OVERRUN_TOLERANCE = Duration.ofMinutes(15);

    /**
     * A call's work (and each of its bays') is never weighed more than this many times its crane cycles, nor less
     * than its inverse, whatever a detailed plan says.
     */
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
     * A call's detailed plan finishes {@code late} after the split's estimate (negative: ahead of it);
     * {@code missesDeparture} when the detailed plan is past the planned departure the estimate met, so the split
     * decided on a plan that will not hold.
     */
    public record Deviation(VesselCallId call, Duration late, boolean missesDeparture) {
        /** The detailed plan finishes before the estimate: the call can give cranes up earlier. */
        public boolean ahead() {
            return late.isNegative();
        }
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
    /** Per call, how much longer (or shorter) than its crane cycles say its detailed plans take: its work next split. */
    private final Map<VesselCallId, Double> workFactor = new ConcurrentHashMap<>();
    /**
     * Per call and crane position, how the detailed plan's time spreads over its bays, relative to its work (mean 1
     * over the call's work): bays on a crane that waits or travels much weigh more in the next split.
     */
    private final Map<VesselCallId, Map<Integer, Double>> bayWeights = new ConcurrentHashMap<>();
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
     * A split's next change is due no sooner than this after it was made: a vessel the estimate has finishing in a
     * few minutes would otherwise have the loop split (and re-plan every call) again and again meanwhile.
     */
    static final Duration LEAST_TIME_BETWEEN_SPLITS = Duration.ofMinutes(5);

    /**
     * When the split in force next moves a crane: the first start or end of a crane's turn on a vessel after the
     * split was made and within its horizon (a crane going to the next vessel, a vessel berthing or finishing), at
     * least {@link #LEAST_TIME_BETWEEN_SPLITS} after the split. The loop re-balances then, so the split's later slots
     * take effect in the detailed plans as their hour comes and not only when a call changes. Empty with no split or
     * no such change.
     */
    public Optional<Instant> nextChange() {
        CraneSplit split = inForce;
        Instant from = inForceFrom;
        if (split == null) {
            return Optional.empty();
        }
        int horizon = settings.slotSeconds() * settings.horizonSlots();
        return split.cranes().stream().flatMap(timeline -> timeline.assignments().stream())
                .flatMap(assignment -> Stream.of(assignment.from(), assignment.until()))
                .filter(second -> second > 0 && second < horizon).min(Integer::compare)
                .map(second -> from.plusSeconds(Math.max(second, LEAST_TIME_BETWEEN_SPLITS.toSeconds())));
    }

    /**
     * What a call's detailed plan (the QCSP of its cranes) says of the split in force: when it finishes later or
     * earlier than the split estimated by more than {@link #OVERRUN_TOLERANCE}, the call's work in the next splits is
     * weighed by how much longer (or shorter) the detailed plan takes than the estimate for the time left (on top of
     * the weight the split in force had, not compounding over several plans of one split; between 1/{@link
     * #MOST_WORK_FACTOR} and {@link #MOST_WORK_FACTOR}; a lead counts half), so the split keeps cranes on a call until
     * its detailed plan is done and frees them earlier from a call ahead of plan; and that work is spread over the call's bays as the
     * detailed plan's cranes take it ({@link #bayWeights}). Empty when the two agree (or there is no split, or the
     * call is not in it). Safe from any thread.
     */
    public Optional<Deviation> detailedCompletion(LivePlan plan) {
        Optional<Deviation> deviation = detailedCompletion(plan.call(), plan.completion());
        if (deviation.isPresent()) {
            Map<Integer, Double> weights = bayWeights(plan);
            if (weights.isEmpty()) {
                bayWeights.remove(plan.call());
            } else {
                bayWeights.put(plan.call(), weights);
            }
        }
        return deviation;
    }

    /**
     * The same for a call whose detailed plan gives only its completion: the call's work is weighed as a whole.
     */
    public Optional<Deviation> detailedCompletion(VesselCallId call, Instant completion) {
        CraneSplit split = inForce;
        Instant from = inForceFrom;
        VesselOutlook outlook = split == null ? null : split.vessels().stream()
                .filter(vessel -> vessel.vessel().equals(call)).findFirst().orElse(null);
        if (outlook == null) {
            return Optional.empty();
        }
        Instant estimated = from.plusSeconds(outlook.estimatedCompletion());
        Duration late = Duration.between(estimated, completion);
        if (late.abs().compareTo(OVERRUN_TOLERANCE) <= 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        double estimatedLeft = Math.max(60, Duration.between(now, estimated).toSeconds());
        double detailedLeft = Math.max(60, Duration.between(now, completion).toSeconds());
        // a call ahead of plan gives cranes up on half its lead only: a split that takes too many cranes off it makes
        // its next detailed plan late, and the two would take turns
        double ratio = late.isNegative() ? (1 + detailedLeft / estimatedLeft) / 2 : detailedLeft / estimatedLeft;
        double factor = inForceFactors.getOrDefault(call, 1.0) * ratio;
        workFactor.put(call, bounded(factor));
        Instant departure = from.plusSeconds(outlook.plannedDeparture());
        return Optional.of(new Deviation(call, late, completion.isAfter(departure) && !estimated.isAfter(departure)));
    }

    /**
     * Per crane position of a detailed plan, the time its cranes take for its work relative to the work itself, as a
     * weight of mean 1 over the plan's work: each crane's tasks count its whole time from the plan's start to its last
     * task's end (waiting for neighbours and predecessors, travel) in proportion to their work. The total work stays
     * as it is; only where it lies changes, and with it the busiest zone the split's estimate rests on.
     */
    static Map<Integer, Double> bayWeights(LivePlan plan) {
        Map<Integer, Double> worked = new HashMap<>();
        Map<Integer, Double> taken = new HashMap<>();
        for (LivePlan.CraneQueue queue : plan.cranes()) {
            double work = queue.tasks().stream().mapToDouble(task -> seconds(task.start(), task.end())).sum();
            if (work <= 0) {
                continue;
            }
            Instant start = queue.tasks().stream().map(LivePlan.PlannedTask::start).min(Comparator.naturalOrder())
                    .orElseThrow();
            Instant end = queue.tasks().stream().map(LivePlan.PlannedTask::end).max(Comparator.naturalOrder())
                    .orElseThrow();
            double elapsed = seconds(start.isBefore(plan.publishedAt()) ? start : plan.publishedAt(), end);
            double overhead = Math.max(work, elapsed) / work;
            for (LivePlan.PlannedTask task : queue.tasks()) {
                double seconds = seconds(task.start(), task.end());
                worked.merge(task.bay(), seconds, Double::sum);
                taken.merge(task.bay(), seconds * overhead, Double::sum);
            }
        }
        double totalWork = worked.values().stream().mapToDouble(Double::doubleValue).sum();
        if (totalWork <= 0) {
            return Map.of();
        }
        double mean = taken.values().stream().mapToDouble(Double::doubleValue).sum() / totalWork;
        Map<Integer, Double> weights = new TreeMap<>();
        worked.forEach((bay, seconds) -> {
            if (seconds > 0) {
                weights.put(bay, bounded(taken.get(bay) / seconds / mean));
            }
        });
        return weights;
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
    }

    private static double bounded(double factor) {
        return Math.min(MOST_WORK_FACTOR, Math.max(1 / MOST_WORK_FACTOR, factor));
    }

    /** A call that left the quay: what its detailed plans taught the split is forgotten. */
    public void forget(VesselCallId call) {
        workFactor.remove(call);
        bayWeights.remove(call);
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
        double bow = call.bowMeter(berth.startMeter());
        int berthing = call.etb() == null ? 0 : (int) Math.max(0, Duration.between(now, call.etb()).toSeconds());
        int departure = (int) Math.max(berthing + 1, Duration.between(now, call.etd()).toSeconds());
        return new SplitVessel(call.id(), call.vessel().name(), bow, bow + call.vessel().lengthOverallMeters(),
                onQuay.work().bays(), berthing, departure, bays(onQuay.work(), factor,
                bayWeights.getOrDefault(call.id(), Map.of())));
    }

    /**
     * The crane cycles left per crane position, from the time the mapping gave each task, weighed by what the call's
     * detailed plans showed ({@link #detailedCompletion}): the call as a whole, and each position by how its cranes
     * took it.
     */
    private List<BayWork> bays(CallWork work, double factor, Map<Integer, Double> weights) {
        int secondsPerCycle = (3600 + settings.cyclesPerHour() - 1) / settings.cyclesPerHour();
        Map<Integer, Integer> seconds = new TreeMap<>();
        for (WorkTask task : work.tasks()) {
            seconds.merge(task.bay(), task.secondsPerMove() * task.moves().size(), Integer::sum);
        }
        Map<Integer, Integer> cycles = new HashMap<>();
        seconds.forEach((bay, time) -> cycles.put(bay, (int) Math.ceil(time
                * bounded(factor * weights.getOrDefault(bay, 1.0)) / secondsPerCycle)));
        return new TreeMap<>(cycles).entrySet().stream().map(e -> new BayWork(e.getKey(), e.getValue())).toList();
    }
}
