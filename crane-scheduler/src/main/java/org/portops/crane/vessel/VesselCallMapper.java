package org.portops.crane.vessel;

import org.portops.crane.qcsp.CraneTask;
import org.portops.crane.qcsp.Precedence;
import org.portops.crane.qcsp.Productivity;
import org.portops.crane.qcsp.QcspInstance;
import org.portops.crane.qcsp.QuayCrane;
import org.portops.crane.qcsp.Unavailability;
import org.portops.model.container.ContainerLength;
import org.portops.model.container.ContainerNumber;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.StowageSlot;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns a vessel call's work into a QCSP instance. Per crane position (see {@link CranePositions}) the moves fall
 * into the four {@link WorkPhase}s, worked in that order (the precedences); within a phase, discharges go top down
 * and loads bottom up. Two 20' containers at the same row and tier of the fore and aft 20' bays of one position,
 * moving the same way, become one twin-lift cycle when the weight rule allows. A phase's cycles are cut into tasks
 * of at most {@code maxCyclesPerTask}; a task's work is its cycle count, and each crane's productivity turns cycles
 * into seconds.
 */
public final class VesselCallMapper {

    private VesselCallMapper() {
    }

    private record PendingMove(StowageSlot slot, int kilograms, boolean twenty, CraneMove move) {
    }

    /**
     * @throws VesselWorkException listing every problem of the call's work, each naming its slot or container
     */
    public static VesselProblem map(VesselWork work, List<CraneSetup> cranes, VesselWorkRules rules) {
        List<String> problems = new ArrayList<>();
        VesselCall call = work.call();
        if (cranes.isEmpty()) {
            problems.add("vessel call " + call.id() + " has no crane");
        }
        List<BayPlanEntry> entries = call.bayPlan().entries();
        CranePositions positions = CranePositions.STANDARD;
        try {
            positions = CranePositions.of(entries.stream().map(BayPlanEntry::slot).toList());
        } catch (VesselWorkException e) {
            problems.addAll(e.problems());
        }
        Map<ContainerNumber, DischargeOrder> discharges = index(work.dischargeList(), DischargeOrder::container,
                "discharge list", problems);
        Map<ContainerNumber, LoadOrder> loads = index(work.loadList(), LoadOrder::container, "load list", problems);
        Map<Integer, Map<WorkPhase, List<PendingMove>>> byPosition = new TreeMap<>();
        for (BayPlanEntry entry : entries) {
            for (PendingMove move : moves(call, entry, discharges, loads, problems)) {
                WorkPhase phase = phase(move.move().kind(), move.slot());
                byPosition.computeIfAbsent(positions.position(move.slot().bay()), p -> new EnumMap<>(WorkPhase.class))
                        .computeIfAbsent(phase, p -> new ArrayList<>()).add(move);
            }
        }
        unlisted(entries, discharges.keySet(), true, "discharge list", problems);
        unlisted(entries, loads.keySet(), false, "load list", problems);
        if (!problems.isEmpty()) {
            throw new VesselWorkException(problems);
        }
        return build(work, cranes, rules, positions, byPosition);
    }

    private static VesselProblem build(VesselWork work, List<CraneSetup> cranes, VesselWorkRules rules,
                                       CranePositions positions, Map<Integer, Map<WorkPhase, List<PendingMove>>> byPosition) {
        List<VesselTask> tasks = new ArrayList<>();
        List<Precedence> precedences = new ArrayList<>();
        int highest = 1;
        for (Map.Entry<Integer, Map<WorkPhase, List<PendingMove>>> position : byPosition.entrySet()) {
            highest = Math.max(highest, position.getKey());
            int previous = 0;
            for (WorkPhase phase : WorkPhase.values()) {
                List<PendingMove> moves = position.getValue().getOrDefault(phase, List.of());
                List<CraneCycle> cycles = cycles(sorted(moves, phase), rules.twinLift());
                for (int from = 0; from < cycles.size(); from += rules.maxCyclesPerTask()) {
                    int number = tasks.size() + 1;
                    tasks.add(new VesselTask(number, position.getKey(), phase,
                            cycles.subList(from, Math.min(cycles.size(), from + rules.maxCyclesPerTask()))));
                    if (previous != 0) {
                        precedences.add(new Precedence(previous, number));
                    }
                    previous = number;
                }
            }
        }
        List<QuayCrane> quayCranes = new ArrayList<>();
        for (int k = 0; k < cranes.size(); k++) {
            CraneSetup setup = cranes.get(k);
            int initial = positions.position(setup.startsAt());
            highest = Math.max(highest, initial);
            QuayCrane crane = new QuayCrane(k + 1, Math.max(0, seconds(rules.planStart(), setup.readyAt())), initial)
                    .withProductivity(new Productivity(setup.cyclesPerHour(), 3600))
                    .withWindLimit(setup.windLimit());
            for (CraneSetup.Outage outage : setup.outages()) {
                int until = seconds(rules.planStart(), outage.until());
                if (until > 0) {
                    crane = crane.withUnavailability(new Unavailability(Math.max(0, seconds(rules.planStart(),
                            outage.from())), until, outage.reason()));
                }
            }
            quayCranes.add(crane);
        }
        int bays = Math.max(highest, (cranes.size() - 1) * (rules.safetyMargin() + 1) + 1);
        List<CraneTask> craneTasks = tasks.stream()
                .map(task -> new CraneTask(task.task(), task.cycles().size(), task.position())).toList();
        QcspInstance instance = new QcspInstance(work.call().id().value(), bays,
                Math.toIntExact(rules.travelPerPosition().toSeconds()), rules.safetyMargin(), craneTasks, quayCranes,
                precedences);
        return new VesselProblem(work.call().id(), instance, tasks, cranes.stream().map(CraneSetup::crane).toList(),
                positions, rules.planStart());
    }

    private static List<PendingMove> moves(VesselCall call, BayPlanEntry entry, Map<ContainerNumber, DischargeOrder> discharges,
                                           Map<ContainerNumber, LoadOrder> loads, List<String> problems) {
        ContainerNumber container = entry.container().number();
        VesselLocation onBoard = new VesselLocation(call.id(), entry.slot());
        int kilograms = entry.container().weight().kilograms();
        boolean twenty = entry.container().length() == ContainerLength.TWENTY;
        return switch (entry.action()) {
            case REMAIN_ON_BOARD -> List.of();
            case DISCHARGE, RESTOW -> {
                DischargeOrder order = discharges.get(container);
                if (order == null) {
                    problems.add("slot " + entry.slot() + ": " + container + " is to be "
                            + (entry.action() == BayPlanAction.RESTOW ? "restowed" : "discharged")
                            + " but is not on the discharge list");
                    yield List.of();
                }
                PendingMove off = new PendingMove(entry.slot(), kilograms, twenty,
                        new CraneMove(container, MoveKind.DISCHARGE, onBoard, order.to()));
                yield entry.action() == BayPlanAction.DISCHARGE ? List.of(off)
                        : List.of(off, new PendingMove(entry.slot(), kilograms, twenty,
                        new CraneMove(container, MoveKind.LOAD, order.to(), onBoard)));
            }
            case LOAD -> {
                LoadOrder order = loads.get(container);
                if (order == null) {
                    problems.add("slot " + entry.slot() + ": " + container + " is to be loaded but is not on the load list");
                    yield List.of();
                }
                yield List.of(new PendingMove(entry.slot(), kilograms, twenty,
                        new CraneMove(container, MoveKind.LOAD, order.from(), onBoard)));
            }
        };
    }

    private static WorkPhase phase(MoveKind kind, StowageSlot slot) {
        boolean deck = slot.tier().isDeck();
        return kind == MoveKind.DISCHARGE ? deck ? WorkPhase.DISCHARGE_DECK : WorkPhase.DISCHARGE_HOLD
                : deck ? WorkPhase.LOAD_DECK : WorkPhase.LOAD_HOLD;
    }

    /** Discharges top down, loads bottom up; then by row and bay so twins sit side by side. */
    private static List<PendingMove> sorted(List<PendingMove> moves, WorkPhase phase) {
        Comparator<PendingMove> byTier = Comparator.comparingInt(move -> move.slot().tier().number());
        if (phase == WorkPhase.DISCHARGE_DECK || phase == WorkPhase.DISCHARGE_HOLD) {
            byTier = byTier.reversed();
        }
        return moves.stream().sorted(byTier.thenComparingInt((PendingMove move) -> move.slot().row().number())
                .thenComparingInt(move -> move.slot().bay().number())).toList();
    }

    /** Pairs the fore and aft 20' containers of a row and tier into twins where the weight rule allows. */
    private static List<CraneCycle> cycles(List<PendingMove> moves, VesselWorkRules.TwinLiftRule rule) {
        List<CraneCycle> cycles = new ArrayList<>();
        boolean[] used = new boolean[moves.size()];
        for (int i = 0; i < moves.size(); i++) {
            if (used[i]) {
                continue;
            }
            PendingMove move = moves.get(i);
            int partner = moves.get(i).twenty() ? partner(moves, used, i, rule) : -1;
            if (partner >= 0) {
                used[partner] = true;
                cycles.add(new CraneCycle(List.of(move.move(), moves.get(partner).move())));
            } else {
                cycles.add(new CraneCycle(List.of(move.move())));
            }
        }
        return cycles;
    }

    private static int partner(List<PendingMove> moves, boolean[] used, int index, VesselWorkRules.TwinLiftRule rule) {
        PendingMove move = moves.get(index);
        for (int j = index + 1; j < moves.size(); j++) {
            PendingMove other = moves.get(j);
            if (!used[j] && other.twenty() && other.slot().row().equals(move.slot().row())
                    && other.slot().tier().equals(move.slot().tier())
                    && Math.abs(other.slot().bay().number() - move.slot().bay().number()) == 2
                    && rule.allows(move.kilograms(), other.kilograms())) {
                return j;
            }
        }
        return -1;
    }

    private static void unlisted(List<BayPlanEntry> entries, Iterable<ContainerNumber> listed, boolean discharge,
                                 String list, List<String> problems) {
        Map<ContainerNumber, BayPlanEntry> plan = new HashMap<>();
        entries.forEach(entry -> plan.put(entry.container().number(), entry));
        for (ContainerNumber container : listed) {
            BayPlanEntry entry = plan.get(container);
            boolean fits = entry != null && (discharge ? entry.action().onBoardOnArrival() && entry.action()
                    != BayPlanAction.REMAIN_ON_BOARD
                    : entry.action() == BayPlanAction.LOAD);
            if (!fits) {
                problems.add(container + " is on the " + list + " but the bay plan " + (entry == null ? "does not have it"
                        : "has it at slot " + entry.slot() + " as " + entry.action()));
            }
        }
    }

    private static <T> Map<ContainerNumber, T> index(List<T> orders, Function<T, ContainerNumber> key,
                                                     String list, List<String> problems) {
        Map<ContainerNumber, T> byContainer = new LinkedHashMap<>();
        for (T order : orders) {
            if (byContainer.putIfAbsent(key.apply(order), order) != null) {
                problems.add(key.apply(order) + " is on the " + list + " twice");
            }
        }
        return byContainer;
    }

    private static int seconds(Instant start, Instant time) {
        return Math.toIntExact(Duration.between(start, time).toSeconds());
    }
}
