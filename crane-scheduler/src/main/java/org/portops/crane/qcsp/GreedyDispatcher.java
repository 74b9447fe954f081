package org.portops.crane.qcsp;

/**
 * The baseline: list scheduling by dispatch. At every step, among all pairs of a crane and a task whose predecessors
 * are done and whose bay the crane can reach, it commits the pair that can start earliest (ties: the shorter crane
 * travel, then the lower crane and task numbers); a crane out of service takes no task. Fixed tasks stay where they
 * are. No look-ahead and no repair.
 */
public final class GreedyDispatcher {

    private GreedyDispatcher() {
    }

    public static QcspSchedule schedule(QcspInstance instance) {
        ScheduleBuilder builder = new ScheduleBuilder(instance);
        int n = instance.tasks().size() - instance.fixed().size();
        for (int step = 0; step < n; step++) {
            int bestTask = 0;
            int bestCrane = 0;
            int bestStart = Integer.MAX_VALUE;
            int bestTravel = Integer.MAX_VALUE;
            for (QuayCrane crane : instance.cranes()) {
                int k = crane.number();
                for (CraneTask task : instance.tasks()) {
                    int i = task.number();
                    if (builder.isCommitted(i) || !builder.predecessorsCommitted(i) || !instance.reaches(k, task.bay())) {
                        continue;
                    }
                    int start = builder.earliestStart(i, k);
                    if (start >= crane.outOfServiceFrom()) {
                        continue;
                    }
                    int travel = Math.abs(builder.standsAt(k) - task.bay());
                    if (start < bestStart || start == bestStart && travel < bestTravel) {
                        bestTask = i;
                        bestCrane = k;
                        bestStart = start;
                        bestTravel = travel;
                    }
                }
            }
            if (bestTask == 0) {
                throw new IllegalArgumentException("QCSP instance " + instance.name() + ": no crane in service can do "
                        + "the tasks left (every crane that reaches them is out of service)");
            }
            builder.commit(bestTask, bestCrane, bestStart);
        }
        return builder.toSchedule();
    }
}
