package org.portops.crane.split;

import org.portops.crane.qcsp.Unavailability;
import org.portops.model.equipment.EquipmentId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a crane split against the hard rules with no solver code involved, and says what each breach is.
 *
 * <p>Between its assignments a crane gantries or parks between its neighbours on the rail; gantry moves happen front
 * crane first, so neighbours moving the same way never meet. Rules: a crane works one vessel at a time; cranes keep their rail order (at every instant
 * the vessel of crane k lies at or before that of crane k+1 along the quay); a move takes its gantry time; no work
 * in the crane's unavailability (its own and wind above its limit) or before the vessel berths; and the cranes on a
 * vessel, with every crane standing between them on the rail, stay within the vessel's crane limit.
 */
public final class SplitChecker {

    private SplitChecker() {
    }

    private record Occupancy(int crane, int vessel, int from, int until) {
        boolean overlaps(Occupancy other) {
            return from < other.until && other.from < until;
        }
    }

    public static List<SplitViolation> check(SplitProblem problem, List<CraneTimeline> timelines) {
        List<SplitViolation> violations = new ArrayList<>();
        Map<EquipmentId, Integer> craneIndex = indexOf(problem.cranes(), SplitCrane::id);
        List<Occupancy> occupancies = new ArrayList<>();
        Map<EquipmentId, List<Assignment>> byCrane = new java.util.LinkedHashMap<>();
        timelines.forEach(t -> byCrane.computeIfAbsent(t.crane(), c -> new ArrayList<>()).addAll(t.assignments()));
        for (Map.Entry<EquipmentId, List<Assignment>> entry : byCrane.entrySet()) {
            CraneTimeline timeline = new CraneTimeline(entry.getKey(), entry.getValue(), List.of());
            Integer k = craneIndex.get(timeline.crane());
            if (k == null) {
                violations.add(new SplitViolation(SplitViolation.Rule.UNKNOWN_CRANE_OR_VESSEL,
                        "crane " + timeline.crane().value() + " is not on the quay"));
                continue;
            }
            occupancies.addAll(checkCrane(problem, k, timeline, violations));
        }
        checkOrder(problem, occupancies, violations);
        checkLimits(problem, occupancies, violations);
        return violations;
    }

    private static List<Occupancy> checkCrane(SplitProblem problem, int k, CraneTimeline timeline,
                                              List<SplitViolation> violations) {
        SplitCrane crane = problem.cranes().get(k);
        String name = crane.id().value();
        List<Occupancy> occupancies = new ArrayList<>();
        Assignment previous = null;
        for (Assignment assignment : timeline.assignments()) {
            int v = problem.vesselIndex(assignment.vessel());
            if (v < 0) {
                violations.add(new SplitViolation(SplitViolation.Rule.UNKNOWN_CRANE_OR_VESSEL,
                        name + " is assigned to " + assignment.vessel().value() + ", which is not at the quay"));
                continue;
            }
            SplitVessel vessel = problem.vessels().get(v);
            if (assignment.from() < 0 || assignment.until() > problem.horizonEnd()) {
                violations.add(new SplitViolation(SplitViolation.Rule.OUTSIDE_HORIZON, name + " works " + vessel.name()
                        + " over " + assignment.from() + ".." + assignment.until() + ", outside 0.." + problem.horizonEnd()));
            }
            if (assignment.from() < vessel.berthing()) {
                violations.add(new SplitViolation(SplitViolation.Rule.VESSEL_NOT_ALONGSIDE, name + " works "
                        + vessel.name() + " from " + assignment.from() + ", before it berths at " + vessel.berthing()));
            }
            for (Unavailability window : problem.unavailability(crane)) {
                if (window.overlaps(assignment.from(), assignment.until())) {
                    violations.add(new SplitViolation(SplitViolation.Rule.CRANE_UNAVAILABLE, name + " works "
                            + vessel.name() + " over " + assignment.from() + ".." + assignment.until() + " but is out ("
                            + window.reason() + ") over " + window.from() + ".." + window.until()));
                }
            }
            if (previous != null) {
                int p = problem.vesselIndex(previous.vessel());
                if (assignment.from() < previous.until()) {
                    violations.add(new SplitViolation(SplitViolation.Rule.DOUBLE_BOOKED, name + " works "
                            + previous.vessel().value() + " until " + previous.until() + " and " + assignment.vessel().value()
                            + " from " + assignment.from()));
                } else if (p >= 0 && p != v) {
                    int travel = problem.travelSeconds(crane, problem.vessels().get(p), vessel);
                    if (assignment.from() - previous.until() < travel) {
                        violations.add(new SplitViolation(SplitViolation.Rule.GANTRY_TOO_FAST, name + " leaves "
                                + problem.vessels().get(p).name() + " at " + previous.until() + " and works " + vessel.name()
                                + " from " + assignment.from() + ", but the gantry move takes " + travel + " s"));
                    }
                }
            }
            occupancies.add(new Occupancy(k, v, assignment.from(), assignment.until()));
            previous = assignment;
        }
        return occupancies;
    }

    private static void checkOrder(SplitProblem problem, List<Occupancy> occupancies, List<SplitViolation> violations) {
        for (Occupancy lower : occupancies) {
            for (Occupancy upper : occupancies) {
                if (lower.crane() < upper.crane() && lower.vessel() > upper.vessel() && lower.overlaps(upper)) {
                    violations.add(new SplitViolation(SplitViolation.Rule.CRANES_CROSS,
                            problem.cranes().get(lower.crane()).id().value() + " at " + problem.vessels().get(lower.vessel()).name()
                                    + " over " + lower.from() + ".." + lower.until() + " is beyond "
                                    + problem.cranes().get(upper.crane()).id().value() + " at "
                                    + problem.vessels().get(upper.vessel()).name() + " over " + upper.from() + ".." + upper.until()));
                }
            }
        }
    }

    private static void checkLimits(SplitProblem problem, List<Occupancy> occupancies, List<SplitViolation> violations) {
        TreeSet<Integer> instants = new TreeSet<>();
        occupancies.forEach(o -> instants.add(o.from()));
        for (int v = 0; v < problem.vessels().size(); v++) {
            SplitVessel vessel = problem.vessels().get(v);
            int limit = vessel.craneLimit(problem.maxCranesPerVessel());
            int reported = -1;
            for (int t : instants) {
                int vesselIndex = v;
                List<Integer> cranes = occupancies.stream()
                        .filter(o -> o.vessel() == vesselIndex && o.from() <= t && t < o.until())
                        .map(Occupancy::crane).toList();
                if (cranes.isEmpty()) {
                    continue;
                }
                int span = cranes.stream().max(Integer::compare).orElseThrow() - cranes.stream().min(Integer::compare).orElseThrow() + 1;
                if (span > limit && span != reported) {
                    violations.add(new SplitViolation(SplitViolation.Rule.OVER_CRANE_LIMIT, vessel.name() + " has "
                            + span + " cranes on it (from the first to the last on the rail) at " + t + ", its limit is " + limit));
                }
                reported = span > limit ? span : -1;
            }
        }
    }

    private static <T> Map<EquipmentId, Integer> indexOf(List<T> items, Function<T, EquipmentId> id) {
        return java.util.stream.IntStream.range(0, items.size()).boxed()
                .collect(Collectors.toMap(i -> id.apply(items.get(i)), i -> i));
    }
}
