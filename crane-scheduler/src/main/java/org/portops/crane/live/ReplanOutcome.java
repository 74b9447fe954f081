package org.portops.crane.live;

import org.portops.crane.live.CallWork.TaskId;
import org.portops.crane.qcsp.QcspInstance;
import org.portops.crane.qcsp.QcspSchedule;
import org.portops.model.equipment.EquipmentId;

import java.time.Duration;
import java.util.List;

/** What became of an event: a new plan to publish, or a refusal that names why (the last plan stays). */
public sealed interface ReplanOutcome {

    LiveEvent event();

    /**
     * A new plan, its difference to the last one, how long re-planning took, and the QCSP problem and timed schedule
     * it was solved as (crane k = {@code cranes.get(k - 1)}, task i = {@code tasks.get(i - 1)}), so anyone can check
     * it with {@code ScheduleChecker}; {@code solved} is null for the plan of a call the crane split gives no crane
     * now (no queue, nothing solved).
     */
    record Published(LiveEvent event, LivePlan plan, PlanDiff diff, Duration solveTime, Solved solved)
            implements ReplanOutcome {
    }

    /** A plan as the solver saw it. */
    record Solved(QcspInstance instance, QcspSchedule schedule, List<EquipmentId> cranes, List<TaskId> tasks) {
        public Solved {
            cranes = List.copyOf(cranes);
            tasks = List.copyOf(tasks);
        }
    }

    /** The event was refused (unknown move, a crane that cannot reach the bay, ...) or no valid plan was found. */
    record Refused(LiveEvent event, List<String> reasons) implements ReplanOutcome {
        public Refused {
            reasons = List.copyOf(reasons);
        }
    }
}
