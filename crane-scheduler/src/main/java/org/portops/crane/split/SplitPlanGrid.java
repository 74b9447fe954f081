package org.portops.crane.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A split slot by slot: for each crane (rail order) and slot, the index (quay order) of the vessel it works, or
 * {@link #IDLE}. The solver's answer comes in this form; timelines, vessel outlooks and the completion estimate are
 * read from it the same way the solver scores it.
 */
public record SplitPlanGrid(int[][] cells) {
    public static final int IDLE = -1;

    public SplitPlanGrid {
        cells = Arrays.stream(cells).map(int[]::clone).toArray(int[][]::new);
    }

    public int vessel(int crane, int slot) {
        return cells[crane][slot];
    }

    /**
     * The grid of timelines: a crane works a vessel in a slot when one of its assignments to it overlaps the slot.
     * Vessels no longer at the quay read as idle.
     */
    public static SplitPlanGrid of(SplitProblem problem, List<CraneTimeline> timelines) {
        int[][] cells = new int[problem.cranes().size()][problem.horizonSlots()];
        for (int[] row : cells) {
            Arrays.fill(row, IDLE);
        }
        for (CraneTimeline timeline : timelines) {
            int k = craneIndex(problem, timeline);
            for (Assignment assignment : timeline.assignments()) {
                int v = problem.vesselIndex(assignment.vessel());
                for (int t = 0; k >= 0 && v >= 0 && t < problem.horizonSlots(); t++) {
                    int start = t * problem.slotSeconds();
                    if (assignment.from() < start + problem.slotSeconds() && start < assignment.until()) {
                        cells[k][t] = v;
                    }
                }
            }
        }
        return new SplitPlanGrid(cells);
    }

    /** The vessel's crane turns, each losing the gantry time from the vessel the crane worked in the slot before. */
    public List<CompletionEstimate.Turn> turns(SplitProblem problem, int vessel) {
        List<CompletionEstimate.Turn> turns = new ArrayList<>();
        for (int k = 0; k < cells.length; k++) {
            for (int t = 0; t < cells[k].length; t++) {
                if (cells[k][t] == vessel) {
                    int start = t * problem.slotSeconds();
                    turns.add(new CompletionEstimate.Turn(start, start + problem.slotSeconds(),
                            problem.cranes().get(k).cyclesPerSecond(), travelIn(problem, k, t)));
                }
            }
        }
        return turns;
    }

    public int completion(SplitProblem problem, int vessel) {
        SplitVessel spec = problem.vessels().get(vessel);
        long[] zones = CompletionEstimate.busiestZones(spec.profile(), spec.craneLimit(problem.maxCranesPerVessel()));
        return CompletionEstimate.completion(spec.berthing(), spec.totalCycles(), zones, turns(problem, vessel),
                problem.horizonEnd(), problem.fallbackCyclesPerSecond());
    }

    /** Gantry seconds before crane k can work in slot t: from the vessel it worked the slot before, if another. */
    public int travelIn(SplitProblem problem, int crane, int slot) {
        int before = slot == 0 ? problem.startVessel(problem.cranes().get(crane)) : cells[crane][slot - 1];
        int here = cells[crane][slot];
        return before == IDLE || here == IDLE || before == here ? 0
                : problem.travelSeconds(problem.cranes().get(crane), problem.vessels().get(before), problem.vessels().get(here));
    }

    /** Each crane's assignments (runs of slots at one vessel, from its arrival) and gantry moves. */
    public List<CraneTimeline> timelines(SplitProblem problem) {
        List<CraneTimeline> timelines = new ArrayList<>();
        for (int k = 0; k < cells.length; k++) {
            SplitCrane crane = problem.cranes().get(k);
            List<Assignment> assignments = new ArrayList<>();
            List<GantryMove> moves = new ArrayList<>();
            int at = problem.startVessel(crane);
            int leftAt = 0;
            for (int t = 0; t < cells[k].length; t++) {
                int v = cells[k][t];
                if (v == IDLE || (t > 0 && cells[k][t - 1] == v)) {
                    continue;
                }
                int end = t;
                while (end < cells[k].length && cells[k][end] == v) {
                    end++;
                }
                int from = t * problem.slotSeconds() + travelIn(problem, k, t);
                SplitVessel vessel = problem.vessels().get(v);
                if (at != v) {
                    double meters = Math.abs(vessel.centreMeter()
                            - (at == IDLE ? crane.positionMeters() : problem.vessels().get(at).centreMeter()));
                    moves.add(new GantryMove(at == IDLE ? null : problem.vessels().get(at).id(), vessel.id(),
                            Math.max(leftAt, from - crane.gantrySeconds(meters)), from, meters));
                }
                assignments.add(new Assignment(vessel.id(), from, end * problem.slotSeconds()));
                at = v;
                leftAt = end * problem.slotSeconds();
            }
            timelines.add(new CraneTimeline(crane.id(), assignments, moves));
        }
        return timelines;
    }

    /** Each vessel's cranes over time and its estimated completion against its planned departure. */
    public List<VesselOutlook> outlooks(SplitProblem problem, List<CraneTimeline> timelines) {
        List<VesselOutlook> outlooks = new ArrayList<>();
        for (int v = 0; v < problem.vessels().size(); v++) {
            SplitVessel vessel = problem.vessels().get(v);
            List<VesselOutlook.CraneWindow> windows = new ArrayList<>();
            for (CraneTimeline timeline : timelines) {
                timeline.assignments().stream().filter(a -> a.vessel().equals(vessel.id()))
                        .forEach(a -> windows.add(new VesselOutlook.CraneWindow(timeline.crane(), a.from(), a.until())));
            }
            windows.sort(java.util.Comparator.comparingInt(VesselOutlook.CraneWindow::from));
            outlooks.add(new VesselOutlook(vessel.id(), vessel.name(), windows, completion(problem, v),
                    vessel.plannedDeparture()));
        }
        return outlooks;
    }

    /** How many cranes work another vessel than in {@code before} in some slot from {@code fromSlot} on. */
    public int cranesMovedFrom(SplitPlanGrid before, int fromSlot) {
        int moved = 0;
        for (int k = 0; k < cells.length; k++) {
            for (int t = fromSlot; t < cells[k].length; t++) {
                if (cells[k][t] != before.cells[k][t]) {
                    moved++;
                    break;
                }
            }
        }
        return moved;
    }

    private static int craneIndex(SplitProblem problem, CraneTimeline timeline) {
        for (int k = 0; k < problem.cranes().size(); k++) {
            if (problem.cranes().get(k).id().equals(timeline.crane())) {
                return k;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SplitPlanGrid that && Arrays.deepEquals(cells, that.cells);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(cells);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(cells);
    }
}
