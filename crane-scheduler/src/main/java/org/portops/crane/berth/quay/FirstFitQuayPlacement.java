package org.portops.crane.berth.quay;

import org.portops.model.vessel.VesselCallId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The berth planner's start, and what a planner does by hand: calls in order of earliest berthing (then requested
 * berthing), each at the earliest time on the grid where some quay position keeps clearance, draft and crane reach
 * and the cranes it can get are free, with as many cranes as it can take then, at the first such position from the
 * quay's start. Vessels alongside stay where they lie, and slots given as kept (the last plan's places) as they are.
 * A call that fits nowhere in its horizon goes to its earliest time with one crane where the quay is deep enough, so
 * the plan is complete and its conflicts show.
 */
public final class FirstFitQuayPlacement {

    private FirstFitQuayPlacement() {
    }

    public static Map<VesselCallId, QuaySlot> place(QuayBerthProblem problem, Map<VesselCallId, QuaySlot> kept) {
        Map<VesselCallId, QuaySlot> slots = new LinkedHashMap<>();
        Map<VesselCallId, BerthCall> calls = new LinkedHashMap<>();
        problem.calls().forEach(call -> calls.put(call.id(), call));
        List<Box> placed = new ArrayList<>();
        for (BerthCall call : problem.calls()) {
            QuaySlot slot = call.isAlongside() ? alongside(problem, call) : kept.get(call.id());
            if (slot != null) {
                slots.put(call.id(), slot);
                placed.add(Box.of(problem, call, slot));
            }
        }
        List<BerthCall> open = problem.calls().stream().filter(call -> !slots.containsKey(call.id()))
                .sorted(Comparator.comparingInt(problem::earliestBerthing)
                        .thenComparing(BerthCall::requestedBerthing).thenComparing(call -> call.id().value()))
                .toList();
        for (BerthCall call : open) {
            QuaySlot slot = firstFit(problem, call, placed);
            slots.put(call.id(), slot);
            placed.add(Box.of(problem, call, slot));
        }
        return slots;
    }

    /** Where and since when a vessel alongside lies, with its cranes: the planner never moves it. */
    public static QuaySlot alongside(QuayBerthProblem problem, BerthCall call) {
        return new QuaySlot(call.id(), call.alongside().fromMeter(), problem.earliestBerthing(call),
                call.alongside().cranes());
    }

    private static QuaySlot firstFit(QuayBerthProblem problem, BerthCall call, List<Box> placed) {
        int step = problem.settings().timeStepMinutes();
        for (int start = problem.earliestBerthing(call); start <= problem.latestBerthing(call); start += step) {
            for (int cranes = problem.maxCranes(call); cranes >= 1; cranes--) {
                int end = start + problem.settings().stayMinutes(call.moves(), cranes);
                if (!cranesFree(problem, placed, start, end, cranes)) {
                    continue;
                }
                for (int from : positions(problem, call)) {
                    Box box = new Box(from, from + call.lengthMeters(), start, end, cranes);
                    if (fitsQuay(problem, call, from) && placed.stream().noneMatch(other -> box.clashes(other,
                            problem.quay().clearanceMeters()))) {
                        return new QuaySlot(call.id(), from, start, cranes);
                    }
                }
            }
        }
        int deep = positions(problem, call).stream().filter(from -> deepEnough(problem, call, from)).findFirst()
                .orElse(0);
        return new QuaySlot(call.id(), deep, problem.earliestBerthing(call), 1);
    }

    /** The quay positions the planner searches for this call: every grid metre where it lies within the quay. */
    public static List<Integer> positions(QuayBerthProblem problem, BerthCall call) {
        List<Integer> positions = new ArrayList<>();
        int last = problem.quay().lengthMeters() - call.lengthMeters();
        for (int from = 0; from <= last; from += problem.settings().positionStepMeters()) {
            positions.add(from);
        }
        return positions;
    }

    private static boolean fitsQuay(QuayBerthProblem problem, BerthCall call, int from) {
        QuayLayout.CraneReach reach = problem.quay().reach();
        return deepEnough(problem, call, from) && from >= reach.railFromMeter()
                && from + call.lengthMeters() <= reach.railToMeter() && call.beamMeters() <= reach.outreachMeters();
    }

    private static boolean deepEnough(QuayBerthProblem problem, BerthCall call, int from) {
        int to = from + call.lengthMeters();
        return problem.quay().sections().stream()
                .filter(section -> section.fromMeter() < to && from < section.toMeter())
                .allMatch(section -> section.depthMeters() >= call.draftMeters());
    }

    /** Cranes in use only rise when a vessel berths: checks at this berthing and at every one during the stay. */
    private static boolean cranesFree(QuayBerthProblem problem, List<Box> placed, int start, int end, int cranes) {
        int capacity = problem.quay().quayCranes();
        List<Integer> moments = new ArrayList<>();
        moments.add(start);
        placed.stream().filter(box -> box.start() > start && box.start() < end).forEach(box -> moments.add(box.start()));
        for (int moment : moments) {
            int busy = placed.stream().filter(box -> box.start() <= moment && moment < box.end())
                    .mapToInt(Box::cranes).sum();
            if (busy + cranes > capacity) {
                return false;
            }
        }
        return true;
    }

    private record Box(int from, int to, int start, int end, int cranes) {
        static Box of(QuayBerthProblem problem, BerthCall call, QuaySlot slot) {
            return new Box(slot.fromMeter(), slot.fromMeter() + call.lengthMeters(), slot.startMinute(),
                    slot.startMinute() + problem.settings().stayMinutes(call.moves(), slot.cranes()), slot.cranes());
        }

        boolean clashes(Box other, int clearance) {
            boolean together = start < other.end && other.start < end;
            return together && Math.max(from, other.from) - Math.min(to, other.to) < clearance;
        }
    }
}
