package org.portops.crane.qcsp;

import java.util.ArrayList;
import java.util.List;

/**
 * The problem to solve after a disruption at time {@code now}: every task the current schedule started before
 * {@code now} is fixed where it is (done or in hand), and the disruption changes the cranes or adds work. Everything
 * else is planned again from {@code now}.
 *
 * <p>A crane finishes the task in hand before it stops: a window that would start in the middle of a fixed task
 * starts when that task ends (a task is a group of moves in one bay; splitting it mid-way is not modelled).
 */
public final class Replanning {

    private Replanning() {
    }

    public static QcspInstance apply(QcspInstance instance, QcspSchedule current, int now, Disruption disruption) {
        List<FixedTask> started = new ArrayList<>();
        for (CraneSchedule crane : current.cranes()) {
            for (ScheduledTask task : crane.tasks()) {
                if (task.start() < now) {
                    started.add(new FixedTask(task.task(), crane.crane(), task.start()));
                }
            }
        }
        QcspInstance replanned = instance.replannedAt(now, started);
        return switch (disruption) {
            case Disruption.Breakdown breakdown ->
                    replanned.withCrane(crane(replanned, breakdown.crane()).outOfServiceFrom(Math.max(now, breakdown.at())));
            case Disruption.WindStop wind -> stopInWind(replanned, current, wind);
            case Disruption.CraneWithdrawn withdrawn -> withWindow(replanned, current, withdrawn.crane(), withdrawn.window());
            case Disruption.MovesAdded added -> addMoves(replanned, added);
        };
    }

    private static QcspInstance stopInWind(QcspInstance instance, QcspSchedule current, Disruption.WindStop wind) {
        QcspInstance result = instance;
        for (QuayCrane crane : instance.cranes()) {
            if (crane.windLimit() < wind.speed()) {
                result = withWindow(result, current, crane.number(),
                        new Unavailability(wind.from(), wind.until(), Unavailability.Reason.WIND));
            }
        }
        return result;
    }

    private static QcspInstance withWindow(QcspInstance instance, QcspSchedule current, int craneNumber,
                                           Unavailability window) {
        QuayCrane crane = crane(instance, craneNumber);
        int from = Math.max(window.from(), instance.now());
        for (FixedTask fixed : instance.fixed()) {
            if (fixed.crane() == craneNumber) {
                int end = endOf(current, fixed.task());
                if (fixed.start() <= from && end > from) {
                    from = end;
                }
            }
        }
        if (from >= window.until()) {
            return instance;
        }
        return instance.withCrane(crane.withUnavailability(new Unavailability(from, window.until(), window.reason())));
    }

    private static QcspInstance addMoves(QcspInstance instance, Disruption.MovesAdded added) {
        for (Precedence precedence : added.precedences()) {
            if (precedence.after() <= instance.tasks().size() && instance.fixedTask(precedence.after()) != null) {
                throw new IllegalArgumentException("added precedence " + precedence.before() + " before "
                        + precedence.after() + ": task " + precedence.after() + " has already started");
            }
        }
        return instance.withAddedTasks(added.tasks(), added.precedences());
    }

    private static QuayCrane crane(QcspInstance instance, int number) {
        if (number < 1 || number > instance.cranes().size()) {
            throw new IllegalArgumentException("crane " + number + " is not one of the " + instance.cranes().size()
                    + " cranes of " + instance.name());
        }
        return instance.crane(number);
    }

    private static int endOf(QcspSchedule schedule, int task) {
        return schedule.cranes().stream().flatMap(c -> c.tasks().stream()).filter(t -> t.task() == task)
                .mapToInt(ScheduledTask::end).findFirst().orElseThrow();
    }
}
