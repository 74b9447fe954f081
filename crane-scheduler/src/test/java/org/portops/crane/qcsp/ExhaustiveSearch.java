package org.portops.crane.qcsp;

/**
 * Proves optimal makespans of small instances: depth-first over every order in which tasks can be committed (any
 * task whose predecessors are committed, on any crane that reaches it, at its earliest feasible start), pruned only
 * by a valid lower bound. Complete for the model: committing an optimal schedule's tasks in order of their start
 * times places each no later than the optimum does. Exponential: for instances of about ten tasks.
 */
final class ExhaustiveSearch {
    private final QcspInstance instance;
    private final int[] orderTask;
    private final int[] orderCrane;
    private int best;
    private long nodes;

    private ExhaustiveSearch(QcspInstance instance) {
        this.instance = instance;
        this.orderTask = new int[instance.tasks().size()];
        this.orderCrane = new int[instance.tasks().size()];
    }

    record Result(int optimum, long nodes) {
    }

    static Result optimum(QcspInstance instance) {
        ExhaustiveSearch search = new ExhaustiveSearch(instance);
        search.best = GreedyDispatcher.schedule(instance).makespan() + 1;
        search.descend(0);
        return new Result(search.best, search.nodes);
    }

    private ScheduleBuilder replay(int depth) {
        ScheduleBuilder builder = new ScheduleBuilder(instance);
        for (int d = 0; d < depth; d++) {
            builder.commit(orderTask[d], orderCrane[d], builder.earliestStart(orderTask[d], orderCrane[d]));
        }
        return builder;
    }

    private void descend(int depth) {
        nodes++;
        ScheduleBuilder builder = replay(depth);
        int n = instance.tasks().size();
        if (depth == n) {
            best = Math.min(best, builder.toSchedule().makespan());
            return;
        }
        if (lowerBound(builder) >= best) {
            return;
        }
        for (int task = 1; task <= n; task++) {
            if (builder.isCommitted(task) || !builder.predecessorsCommitted(task)) {
                continue;
            }
            for (QuayCrane crane : instance.cranes()) {
                if (!instance.reaches(crane.number(), instance.task(task).bay())) {
                    continue;
                }
                int start = builder.earliestStart(task, crane.number());
                if (start + instance.task(task).processingTime() >= best) {
                    continue;
                }
                orderTask[depth] = task;
                orderCrane[depth] = crane.number();
                descend(depth + 1);
            }
        }
    }

    /** No crane works before it is free, so the remaining work spreads over the cranes from their free times on. */
    private int lowerBound(ScheduleBuilder builder) {
        int remaining = 0;
        for (CraneTask task : instance.tasks()) {
            if (!builder.isCommitted(task.number())) {
                remaining += task.processingTime();
            }
        }
        int free = 0;
        for (QuayCrane crane : instance.cranes()) {
            free += builder.freeAt(crane.number());
        }
        int cranes = instance.cranes().size();
        return (free + remaining + cranes - 1) / cranes;
    }
}
