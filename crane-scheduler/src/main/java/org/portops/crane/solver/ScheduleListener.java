package org.portops.crane.solver;

import ai.timefold.solver.core.api.domain.variable.ListVariableListener;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import org.portops.crane.qcsp.ScheduleBuilder;
import org.portops.crane.qcsp.SequenceDecoder;
import org.portops.crane.qcsp.Unavailability;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps every task's start and end in step with the crane lists. A change to one crane's list can move tasks of
 * every crane (they wait for each other to keep the safety margin), so it re-decodes the whole vessel with
 * {@link SequenceDecoder} and tells the score director about the tasks whose times changed.
 *
 * <p>The entity type is {@code Object}: Timefold reports list changes with the crane and entity additions with the
 * task that carries the shadow variable; the listener needs neither, it reads the working solution.
 */
public class ScheduleListener implements ListVariableListener<QcspSolution, Object, PlannedTask> {

    @Override
    public void beforeEntityAdded(ScoreDirector<QcspSolution> scoreDirector, Object entity) {
        // nothing to remember: the whole schedule is recomputed after the change
    }

    @Override
    public void afterEntityAdded(ScoreDirector<QcspSolution> scoreDirector, Object entity) {
        reschedule(scoreDirector);
    }

    @Override
    public void beforeEntityRemoved(ScoreDirector<QcspSolution> scoreDirector, Object entity) {
        // nothing to remember: the whole schedule is recomputed after the change
    }

    @Override
    public void afterEntityRemoved(ScoreDirector<QcspSolution> scoreDirector, Object entity) {
        reschedule(scoreDirector);
    }

    @Override
    public void afterListVariableElementUnassigned(ScoreDirector<QcspSolution> scoreDirector, PlannedTask task) {
        update(scoreDirector, task, null, null, null, null);
    }

    @Override
    public void beforeListVariableChanged(ScoreDirector<QcspSolution> scoreDirector, Object crane,
                                          int fromIndex, int toIndex) {
        // nothing to remember: the whole schedule is recomputed after the change
    }

    @Override
    public void afterListVariableChanged(ScoreDirector<QcspSolution> scoreDirector, Object crane,
                                         int fromIndex, int toIndex) {
        reschedule(scoreDirector);
    }

    private static void reschedule(ScoreDirector<QcspSolution> scoreDirector) {
        QcspSolution solution = scoreDirector.getWorkingSolution();
        List<PlannedCrane> cranes = solution.getCranes();
        List<List<Integer>> sequences = new ArrayList<>(cranes.size());
        for (int k = 0; k < cranes.size(); k++) {
            sequences.add(List.of());
        }
        for (PlannedCrane crane : cranes) {
            sequences.set(crane.getNumber() - 1, crane.getTasks().stream().map(PlannedTask::getNumber).toList());
        }
        ScheduleBuilder schedule = SequenceDecoder.decode(solution.getInstance(), sequences);
        for (PlannedCrane crane : cranes) {
            int bay = crane.getInitialBay();
            int free = crane.getReadyTime();
            List<Unavailability> windows = solution.getInstance().crane(crane.getNumber()).standingWindows();
            for (PlannedTask task : crane.getTasks()) {
                int number = task.getNumber();
                int travel = crane.getTravelTimePerBay() * Math.abs(task.getBay() - bay);
                int start = schedule.start(number);
                // standing through a window is not waiting: no sequence could use that time
                int waiting = Math.max(0, start - free - travel - unavailableBetween(windows, free, start));
                update(scoreDirector, task, start, schedule.end(number), travel, waiting);
                bay = task.getBay();
                free = schedule.end(number);
            }
        }
    }

    private static int unavailableBetween(List<Unavailability> windows, int from, int until) {
        int total = 0;
        int covered = from;
        for (Unavailability window : windows) {
            int low = Math.max(covered, window.from());
            int high = Math.min(until, window.until());
            if (high > low) {
                total += high - low;
                covered = high;
            }
        }
        return total;
    }

    private static void update(ScoreDirector<QcspSolution> scoreDirector, PlannedTask task, Integer start, Integer end,
                               Integer travel, Integer waiting) {
        if (Objects.equals(task.getStart(), start) && Objects.equals(task.getEnd(), end)
                && Objects.equals(task.getTravelTime(), travel) && Objects.equals(task.getWaitingTime(), waiting)) {
            return;
        }
        for (String variable : VARIABLES) {
            scoreDirector.beforeVariableChanged(task, variable);
        }
        task.schedule(start, end, travel, waiting);
        for (String variable : VARIABLES) {
            scoreDirector.afterVariableChanged(task, variable);
        }
    }

    private static final String[] VARIABLES = {"start", "end", "travelTime", "waitingTime"};
}
