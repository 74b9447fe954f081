package org.portops.crane.dispatch.solver;

import ai.timefold.solver.core.api.domain.variable.ListVariableListener;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import org.portops.crane.dispatch.DispatchProblem;

import java.util.List;
import java.util.Objects;

/**
 * Keeps every job's times in step with its vehicle's list. Vehicles do not wait for each other, so a change to one
 * list only moves that list's jobs from the first changed index on; past the changed range the walk stops at the
 * first job whose times come out unchanged, since everything after it is then unchanged too.
 */
public class TripListener implements ListVariableListener<DispatchSolution, Object, PlannedJob> {

    @Override
    public void resetWorkingSolution(ScoreDirector<DispatchSolution> scoreDirector) {
        for (PlannedVehicle vehicle : scoreDirector.getWorkingSolution().getVehicles()) {
            update(scoreDirector, vehicle, 0, vehicle.getJobs().size());
        }
    }

    @Override
    public void beforeEntityAdded(ScoreDirector<DispatchSolution> scoreDirector, Object entity) {
        // nothing to remember: the added vehicle's times are computed after
    }

    @Override
    public void afterEntityAdded(ScoreDirector<DispatchSolution> scoreDirector, Object entity) {
        if (entity instanceof PlannedVehicle vehicle) {
            update(scoreDirector, vehicle, 0, vehicle.getJobs().size());
        }
    }

    @Override
    public void beforeEntityRemoved(ScoreDirector<DispatchSolution> scoreDirector, Object entity) {
        // nothing to remember: a removed vehicle's jobs are reported unassigned one by one
    }

    @Override
    public void afterEntityRemoved(ScoreDirector<DispatchSolution> scoreDirector, Object entity) {
        // nothing to recompute: no other vehicle depends on a removed one
    }

    @Override
    public void afterListVariableElementUnassigned(ScoreDirector<DispatchSolution> scoreDirector, PlannedJob job) {
        set(scoreDirector, job, null);
    }

    @Override
    public void beforeListVariableChanged(ScoreDirector<DispatchSolution> scoreDirector, Object vehicle,
                                          int fromIndex, int toIndex) {
        // nothing to remember: the times are recomputed from fromIndex after the change
    }

    @Override
    public void afterListVariableChanged(ScoreDirector<DispatchSolution> scoreDirector, Object vehicle,
                                         int fromIndex, int toIndex) {
        update(scoreDirector, (PlannedVehicle) vehicle, fromIndex, toIndex);
    }

    private static void update(ScoreDirector<DispatchSolution> scoreDirector, PlannedVehicle vehicle, int fromIndex,
                               int toIndex) {
        DispatchProblem problem = scoreDirector.getWorkingSolution().getProblem();
        List<PlannedJob> jobs = vehicle.getJobs();
        int from = fromIndex == 0 ? vehicle.start() : jobs.get(fromIndex - 1).getSpec().drop();
        int free = fromIndex == 0 ? vehicle.availableAt() : jobs.get(fromIndex - 1).getEnd();
        for (int i = fromIndex; i < jobs.size(); i++) {
            PlannedJob job = jobs.get(i);
            Trip trip = Trip.of(problem, vehicle.kind(), from, free, job.getSpec());
            if (!set(scoreDirector, job, trip) && i >= toIndex) {
                return;
            }
            from = job.getSpec().drop();
            free = trip.end();
        }
    }

    /** Sets a job's times; false when they were already so. */
    private static boolean set(ScoreDirector<DispatchSolution> scoreDirector, PlannedJob job, Trip trip) {
        Integer emptyDrive = trip == null ? null : trip.emptyDrive();
        Integer lateness = trip == null ? null : trip.lateness();
        Integer end = trip == null ? null : trip.end();
        if (Objects.equals(job.getEnd(), end) && Objects.equals(job.getEmptyDrive(), emptyDrive)
                && Objects.equals(job.getLateness(), lateness)) {
            return false;
        }
        for (String variable : VARIABLES) {
            scoreDirector.beforeVariableChanged(job, variable);
        }
        job.times(emptyDrive, lateness, end);
        for (String variable : VARIABLES) {
            scoreDirector.afterVariableChanged(job, variable);
        }
        return true;
    }

    private static final String[] VARIABLES = {"end", "emptyDrive", "lateness"};
}
