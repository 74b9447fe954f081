package org.portops.crane.berth.quay;

import org.portops.crane.berth.quay.QuayConflict.Kind;
import org.portops.model.vessel.VesselCallId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a berth plan against the quay with no solver code involved, and returns every broken rule
 * ({@link QuayConflict}); an empty list is a plan that keeps them all. The berth-time chart shows these as its
 * conflicts.
 */
public final class QuayPlanChecker {

    private QuayPlanChecker() {
    }

    public static List<QuayConflict> check(QuayBerthProblem problem, List<QuayPlacement> placements) {
        List<QuayConflict> conflicts = new ArrayList<>();
        Map<VesselCallId, BerthCall> calls = new HashMap<>();
        problem.calls().forEach(call -> calls.put(call.id(), call));
        Map<VesselCallId, QuayPlacement> placed = new HashMap<>();
        for (QuayPlacement placement : placements) {
            BerthCall call = calls.get(placement.call());
            if (call == null) {
                conflicts.add(conflict(Kind.UNPLACED, placement.call() + " is placed but is no call of this problem",
                        placement.call()));
            } else if (placed.put(placement.call(), placement) != null) {
                conflicts.add(conflict(Kind.UNPLACED, placement.call() + " is placed twice", placement.call()));
            } else {
                checkPlacement(problem, call, placement, conflicts);
            }
        }
        for (BerthCall call : problem.calls()) {
            if (!placed.containsKey(call.id())) {
                conflicts.add(conflict(Kind.UNPLACED, call.id() + " (" + call.vesselName() + ") has no place on the quay",
                        call.id()));
            }
        }
        List<QuayPlacement> known = placements.stream().filter(p -> calls.containsKey(p.call())).toList();
        checkOverlaps(problem, known, conflicts);
        checkCraneCapacity(problem, known, conflicts);
        return conflicts;
    }

    private static void checkPlacement(QuayBerthProblem problem, BerthCall call, QuayPlacement p,
                                       List<QuayConflict> conflicts) {
        QuayLayout quay = problem.quay();
        if (p.toMeter() - p.fromMeter() != call.lengthMeters() || p.fromMeter() < 0
                || p.toMeter() > quay.lengthMeters()) {
            conflicts.add(conflict(Kind.UNPLACED, call.id() + " (" + call.lengthMeters() + " m) is placed at "
                    + p.fromMeter() + ".." + p.toMeter() + " m, not its length within the quay's 0.."
                    + quay.lengthMeters() + " m", call.id()));
        }
        for (QuayLayout.Section section : quay.sections()) {
            if (section.fromMeter() < p.toMeter() && p.fromMeter() < section.toMeter()
                    && section.depthMeters() < call.draftMeters()) {
                conflicts.add(conflict(Kind.DRAFT, call.id() + " draws " + call.draftMeters() + " m but lies over "
                        + sectionName(section) + " (" + section.depthMeters() + " m deep)", call.id()));
            }
        }
        QuayLayout.CraneReach reach = quay.reach();
        if (p.fromMeter() < reach.railFromMeter() || p.toMeter() > reach.railToMeter()) {
            conflicts.add(conflict(Kind.CRANE_REACH, call.id() + " lies at " + p.fromMeter() + ".." + p.toMeter()
                    + " m, beyond the crane rail " + reach.railFromMeter() + ".." + reach.railToMeter() + " m", call.id()));
        }
        QuayLayout.MooringShortfall mooring = QuayLayout.mooringShortfall(quay.bollardMeters(), p.fromMeter(),
                p.toMeter(), problem.settings().mooringReachMeters());
        if (mooring.meters() > 0) {
            conflicts.add(conflict(Kind.MOORING, call.id() + " lies at " + p.fromMeter() + ".." + p.toMeter()
                    + " m with no bollard within " + problem.settings().mooringReachMeters() + " m of its "
                    + (mooring.foreMeters() > 0 && mooring.aftMeters() > 0 ? "bow and stern"
                    : mooring.foreMeters() > 0 ? "bow" : "stern"), call.id()));
        }
        if (call.beamMeters() > reach.outreachMeters()) {
            conflicts.add(conflict(Kind.CRANE_REACH, call.id() + " is " + call.beamMeters()
                    + " m wide, beyond the cranes' " + reach.outreachMeters() + " m outreach", call.id()));
        }
        if (p.cranes() > problem.maxCranes(call)) {
            conflicts.add(conflict(Kind.TOO_MANY_CRANES, call.id() + " has " + p.cranes() + " cranes, at most "
                    + problem.maxCranes(call) + " can work it", call.id()));
        }
        long stay = Duration.between(p.berthing(), p.departure()).toMinutes();
        int needed = problem.settings().stayMinutes(call.moves(), p.cranes());
        if (stay < needed) {
            conflicts.add(conflict(Kind.STAY_TOO_SHORT, call.id() + " stays " + stay + " min, its " + call.moves()
                    + " moves with " + p.cranes() + " cranes need " + needed + " min", call.id()));
        }
        if (call.isAlongside()) {
            BerthCall.Alongside alongside = call.alongside();
            if (p.fromMeter() != alongside.fromMeter() || !p.berthing().equals(alongside.since())) {
                conflicts.add(conflict(Kind.ALONGSIDE_MOVED, call.id() + " lies alongside from metre "
                        + alongside.fromMeter() + " since " + alongside.since() + ", but is planned at "
                        + p.fromMeter() + " m from " + p.berthing(), call.id()));
            }
        } else if (p.berthing().isBefore(call.eta())) {
            conflicts.add(conflict(Kind.BEFORE_ARRIVAL, call.id() + " berths at " + p.berthing()
                    + ", before its ETA " + call.eta(), call.id()));
        }
    }

    private static void checkOverlaps(QuayBerthProblem problem, List<QuayPlacement> placements,
                                      List<QuayConflict> conflicts) {
        int clearance = problem.quay().clearanceMeters();
        for (int i = 0; i < placements.size(); i++) {
            for (int j = i + 1; j < placements.size(); j++) {
                QuayPlacement a = placements.get(i);
                QuayPlacement b = placements.get(j);
                boolean together = a.berthing().isBefore(b.departure()) && b.berthing().isBefore(a.departure());
                int gap = Math.max(a.fromMeter(), b.fromMeter()) - Math.min(a.toMeter(), b.toMeter());
                if (together && gap < clearance) {
                    conflicts.add(conflict(Kind.OVERLAP, a.call() + " (" + a.fromMeter() + ".." + a.toMeter() + " m) and "
                            + b.call() + " (" + b.fromMeter() + ".." + b.toMeter() + " m) are alongside together "
                            + (gap < 0 ? "overlapping by " + -gap + " m" : gap + " m apart") + ", clearance is "
                            + clearance + " m", a.call(), b.call()));
                }
            }
        }
    }

    /** Cranes in use only rise when a vessel berths, so checking at every berthing checks every moment. */
    private static void checkCraneCapacity(QuayBerthProblem problem, List<QuayPlacement> placements,
                                           List<QuayConflict> conflicts) {
        int capacity = problem.quay().quayCranes();
        for (QuayPlacement at : placements) {
            List<QuayPlacement> working = placements.stream()
                    .filter(p -> !p.berthing().isAfter(at.berthing()) && p.departure().isAfter(at.berthing())).toList();
            int cranes = working.stream().mapToInt(QuayPlacement::cranes).sum();
            if (cranes > capacity) {
                conflicts.add(new QuayConflict(Kind.CRANE_CAPACITY, working.stream().map(QuayPlacement::call).toList(),
                        cranes + " cranes at work when " + at.call() + " berths at " + at.berthing() + ", the quay has "
                                + capacity));
            }
        }
    }

    private static String sectionName(QuayLayout.Section section) {
        return (section.berth().equals("-") ? "quay without a berth" : "berth " + section.berth()) + " "
                + section.fromMeter() + ".." + section.toMeter() + " m";
    }

    private static QuayConflict conflict(Kind kind, String reason, VesselCallId... calls) {
        return new QuayConflict(kind, List.of(calls), reason);
    }
}
