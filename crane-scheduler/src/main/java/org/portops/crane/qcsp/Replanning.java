package org.portops.crane.qcsp;

import java.util.ArrayList;
import java.util.List;

/**
 * The problem to solve after a disruption at time {@code now}: every task the current schedule started before
 * {@code now} is fixed where it is (done or in hand), and the disruption changes the cranes or adds work. Everything
 * else is planned again from {@code now}.
 *
 * <p>A wind stop halts a crane at once: its task in hand is cut where the wind stop starts (the cycles done by then
 * stay with it, the rest becomes a new task, see {@link QcspInstance#withTaskSplit}). Other windows (maintenance,
 * a break, work elsewhere) wait for the task in hand to end.
 */
public final class Replanning {

    private Replanning() {
    }

    /** A task cut by a wind stop: {@code task} keeps {@code doneWork} units, {@code rest} holds the others. */
    public record Split(int task, int doneWork, int rest) {
    }

    /** The problem after the disruption, and the tasks it cut. */
    public record Outcome(QcspInstance instance, List<Split> splits) {
        public Outcome {
            splits = List.copyOf(splits);
        }
    }

    public static QcspInstance apply(QcspInstance instance, QcspSchedule current, int now, Disruption disruption) {
        return replan(instance, current, now, disruption).instance();
    }

    public static Outcome replan(QcspInstance instance, QcspSchedule current, int now, Disruption disruption) {
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
            case Disruption.Breakdown breakdown -> new Outcome(replanned.withCrane(
                    crane(replanned, breakdown.crane()).outOfServiceFrom(Math.max(now, breakdown.at()))), List.of());
            case Disruption.WindStop wind -> stopInWind(replanned, current, wind);
            case Disruption.CraneWithdrawn withdrawn ->
                    new Outcome(withWindow(replanned, current, withdrawn.crane(), withdrawn.window()), List.of());
            case Disruption.MovesAdded added -> new Outcome(addMoves(replanned, added), List.of());
        };
    }

    private static Outcome stopInWind(QcspInstance instance, QcspSchedule current, Disruption.WindStop wind) {
        QcspInstance result = instance;
        List<Split> splits = new ArrayList<>();
        int from = Math.max(wind.from(), instance.now());
        for (QuayCrane crane : instance.cranes()) {
            if (crane.windLimit() < wind.speed() && from < wind.until()) {
                result = cutTaskInHand(result, current, crane, from, splits);
                result = withWindow(result, current, crane.number(),
                        new Unavailability(from, wind.until(), Unavailability.Reason.WIND));
            }
        }
        return new Outcome(result, splits);
    }

    /** Cuts the crane's fixed task running at {@code time} to the cycles done by then; unfixes it if none are. */
    private static QcspInstance cutTaskInHand(QcspInstance instance, QcspSchedule current, QuayCrane crane, int time,
                                              List<Split> splits) {
        for (FixedTask fixed : instance.fixed()) {
            if (fixed.crane() == crane.number() && fixed.start() < time
                    && fixed.start() + instance.duration(fixed.task(), crane.number()) > time) {
                int done = doneBy(crane.productivity(), time - fixed.start());
                if (done == 0) {
                    return instance.withoutFixed(fixed.task());
                }
                QcspInstance cut = instance.withTaskSplit(fixed.task(), done);
                splits.add(new Split(fixed.task(), done, cut.tasks().size()));
                return cut;
            }
        }
        return instance;
    }

    /** Whole units of work done in {@code elapsed} time. */
    private static int doneBy(Productivity productivity, int elapsed) {
        return Math.toIntExact((long) elapsed * productivity.work() / productivity.time());
    }

    private static QcspInstance withWindow(QcspInstance instance, QcspSchedule current, int craneNumber,
                                           Unavailability window) {
        QuayCrane crane = crane(instance, craneNumber);
        int from = Math.max(window.from(), instance.now());
        for (FixedTask fixed : instance.fixed()) {
            if (fixed.crane() == craneNumber) {
                int end = fixed.start() + instance.duration(fixed.task(), craneNumber);
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
}
