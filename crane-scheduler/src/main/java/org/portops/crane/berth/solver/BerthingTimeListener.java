package org.portops.crane.berth.solver;

import ai.timefold.solver.core.api.domain.variable.ListVariableListener;
import ai.timefold.solver.core.api.score.director.ScoreDirector;

import java.util.List;
import java.util.Objects;

/**
 * Keeps berthing and departure times in step with each berth's order: every vessel berths at the latest of its
 * arrival, the berth's opening and the departure of the vessel before it (the rule of
 * {@code org.portops.crane.berth.BerthSequences}). A change re-times the berth from the first changed position
 * and stops as soon as a vessel past the changed range keeps its time, because nothing after it can move then.
 */
public class BerthingTimeListener implements ListVariableListener<BerthSolution, Object, PlannedVessel> {

    @Override
    public void beforeEntityAdded(ScoreDirector<BerthSolution> scoreDirector, Object entity) {
        // nothing to remember: a berth is timed after it is added
    }

    /** Timefold announces every entity, berths and vessels alike, when it takes over a solution. */
    @Override
    public void afterEntityAdded(ScoreDirector<BerthSolution> scoreDirector, Object entity) {
        if (entity instanceof PlannedBerth berth) {
            retime(scoreDirector, berth, 0, berth.getVessels().size());
        }
    }

    @Override
    public void beforeEntityRemoved(ScoreDirector<BerthSolution> scoreDirector, Object entity) {
        // nothing to remember: a removed berth's vessels are unassigned one by one
    }

    @Override
    public void afterEntityRemoved(ScoreDirector<BerthSolution> scoreDirector, Object entity) {
        // nothing left to time
    }

    @Override
    public void afterListVariableElementUnassigned(ScoreDirector<BerthSolution> scoreDirector, PlannedVessel vessel) {
        update(scoreDirector, vessel, null, null);
    }

    @Override
    public void beforeListVariableChanged(ScoreDirector<BerthSolution> scoreDirector, Object berth,
                                          int fromIndex, int toIndex) {
        // nothing to remember: the berth is re-timed from fromIndex after the change
    }

    @Override
    public void afterListVariableChanged(ScoreDirector<BerthSolution> scoreDirector, Object berth,
                                         int fromIndex, int toIndex) {
        retime(scoreDirector, (PlannedBerth) berth, fromIndex, toIndex);
    }

    private static void retime(ScoreDirector<BerthSolution> scoreDirector, PlannedBerth berth, int fromIndex, int toIndex) {
        List<PlannedVessel> vessels = berth.getVessels();
        int free = fromIndex == 0 ? berth.getOpens() : vessels.get(fromIndex - 1).getEnd();
        for (int i = fromIndex; i < vessels.size(); i++) {
            PlannedVessel vessel = vessels.get(i);
            int start = Math.max(vessel.getArrival(), Math.max(berth.getOpens(), free));
            int end = start + vessel.stayAt(berth);
            if (i >= toIndex && Objects.equals(vessel.getStart(), start) && Objects.equals(vessel.getEnd(), end)) {
                return;
            }
            update(scoreDirector, vessel, start, end);
            free = end;
        }
    }

    private static void update(ScoreDirector<BerthSolution> scoreDirector, PlannedVessel vessel, Integer start, Integer end) {
        if (Objects.equals(vessel.getStart(), start) && Objects.equals(vessel.getEnd(), end)) {
            return;
        }
        scoreDirector.beforeVariableChanged(vessel, "start");
        scoreDirector.beforeVariableChanged(vessel, "end");
        vessel.setTimes(start, end);
        scoreDirector.afterVariableChanged(vessel, "start");
        scoreDirector.afterVariableChanged(vessel, "end");
    }
}
