package org.portops.crane.qcsp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * One quay crane scheduling problem (QCSP) in the standard form of Kim &amp; Park (2004) and Bierwirth &amp; Meisel
 * (2009): tasks with a processing time and a bay, cranes on one rail with a ready time and an initial bay, a travel
 * time per bay, a safety margin (cranes stay more than {@code safetyMargin} bays apart at every instant) and
 * precedences. See docs/crane-scheduling.md for the model.
 *
 * <p>Tasks are numbered 1..n and cranes 1..q in list order; cranes are numbered along the quay, so crane k works
 * only bays {@link #lowestBay(int)}..{@link #highestBay(int)}: the cranes below and above it need the room.
 *
 * <p>When a plan is remade during the work, {@code now} is the time of re-planning: every task not {@code fixed}
 * starts at {@code now} or later, and every fixed task (started or done) keeps its crane and start.
 */
public record QcspInstance(String name, int bays, int travelTimePerBay, int safetyMargin,
                           List<CraneTask> tasks, List<QuayCrane> cranes, List<Precedence> precedences,
                           int now, List<FixedTask> fixed) {

    public QcspInstance(String name, int bays, int travelTimePerBay, int safetyMargin,
                        List<CraneTask> tasks, List<QuayCrane> cranes, List<Precedence> precedences) {
        this(name, bays, travelTimePerBay, safetyMargin, tasks, cranes, precedences, 0, List.of());
    }

    public QcspInstance {
        tasks = List.copyOf(tasks);
        cranes = List.copyOf(cranes);
        precedences = List.copyOf(precedences);
        fixed = List.copyOf(fixed);
        List<String> problems = new ArrayList<>();
        if (now < 0) {
            problems.add("now must be 0 or more, was " + now);
        }
        boolean[] seen = new boolean[tasks.size() + 1];
        for (FixedTask task : fixed) {
            if (task.task() < 1 || task.task() > tasks.size() || task.crane() < 1 || task.crane() > cranes.size()) {
                problems.add("fixed task " + task.task() + " on crane " + task.crane() + " is not in the instance");
            } else if (seen[task.task()]) {
                problems.add("task " + task.task() + " is fixed twice");
            } else {
                seen[task.task()] = true;
            }
        }
        if (bays < 1) {
            problems.add("bays must be 1 or more, was " + bays);
        }
        if (travelTimePerBay < 0) {
            problems.add("travel time per bay must be 0 or more, was " + travelTimePerBay);
        }
        if (safetyMargin < 0) {
            problems.add("safety margin must be 0 or more, was " + safetyMargin);
        }
        if (cranes.isEmpty()) {
            problems.add("needs at least one crane");
        }
        for (int i = 0; i < tasks.size(); i++) {
            CraneTask task = tasks.get(i);
            if (task.number() != i + 1) {
                problems.add("task " + (i + 1) + " is numbered " + task.number());
            } else if (task.bay() > bays) {
                problems.add("task " + task.number() + ": bay " + task.bay() + " is beyond the vessel's " + bays + " bays");
            }
        }
        int clearance = safetyMargin + 1;
        for (int k = 0; k < cranes.size(); k++) {
            QuayCrane crane = cranes.get(k);
            if (crane.number() != k + 1) {
                problems.add("crane " + (k + 1) + " is numbered " + crane.number());
            } else if (k > 0 && crane.initialBay() - cranes.get(k - 1).initialBay() < clearance) {
                problems.add("crane " + crane.number() + " starts at bay " + crane.initialBay() + ", within the safety margin of crane "
                        + k + " at bay " + cranes.get(k - 1).initialBay());
            }
        }
        if (cranes.size() > 0 && bays - 1 < (cranes.size() - 1) * clearance) {
            problems.add(cranes.size() + " cranes with safety margin " + safetyMargin + " do not fit on " + bays + " bays");
        }
        for (Precedence precedence : precedences) {
            if (precedence.before() < 1 || precedence.before() > tasks.size()
                    || precedence.after() < 1 || precedence.after() > tasks.size()) {
                problems.add("precedence " + precedence.before() + " before " + precedence.after()
                        + " names a task outside 1.." + tasks.size());
            }
        }
        if (problems.isEmpty()) {
            for (CraneTask task : tasks) {
                boolean reached = false;
                for (QuayCrane crane : cranes) {
                    reached |= reachable(task.bay(), crane.number(), cranes.size(), bays, clearance);
                }
                if (!reached) {
                    problems.add("task " + task.number() + ": no crane can work bay " + task.bay()
                            + " and keep the safety margin to its neighbours within the " + bays + " bays");
                }
            }
            cycleIn(tasks.size(), precedences).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("QCSP instance " + name + ": " + String.join("; ", problems));
        }
    }

    /** The time {@code task} takes on {@code crane}, at that crane's productivity. */
    public int duration(int task, int crane) {
        return crane(crane).duration(task(task).processingTime());
    }

    /** The same problem with crane {@code crane.number()} replaced. */
    public QcspInstance withCrane(QuayCrane crane) {
        List<QuayCrane> changed = new ArrayList<>(cranes);
        changed.set(crane.number() - 1, crane);
        return new QcspInstance(name, bays, travelTimePerBay, safetyMargin, tasks, changed, precedences, now, fixed);
    }

    /** The same problem re-planned at {@code time}, with these tasks started and kept where they are. */
    public QcspInstance replannedAt(int time, List<FixedTask> started) {
        return new QcspInstance(name, bays, travelTimePerBay, safetyMargin, tasks, cranes, precedences, time, started);
    }

    /** The same problem with more tasks (numbered on from the last) and precedences. */
    public QcspInstance withAddedTasks(List<CraneTask> added, List<Precedence> addedPrecedences) {
        List<CraneTask> allTasks = new ArrayList<>(tasks);
        allTasks.addAll(added);
        List<Precedence> allPrecedences = new ArrayList<>(precedences);
        allPrecedences.addAll(addedPrecedences);
        return new QcspInstance(name, bays, travelTimePerBay, safetyMargin, allTasks, cranes, allPrecedences, now, fixed);
    }

    /**
     * The same problem with {@code task} cut after {@code doneWork} units: it keeps that much work, and a new task
     * (numbered on from the last) at the same bay holds the rest, after it and before everything that came after it.
     */
    public QcspInstance withTaskSplit(int task, int doneWork) {
        CraneTask whole = task(task);
        if (doneWork < 1 || doneWork >= whole.processingTime()) {
            throw new IllegalArgumentException("task " + task + " of work " + whole.processingTime()
                    + " cannot be cut after " + doneWork);
        }
        int rest = tasks.size() + 1;
        List<CraneTask> allTasks = new ArrayList<>(tasks);
        allTasks.set(task - 1, new CraneTask(task, doneWork, whole.bay()));
        allTasks.add(new CraneTask(rest, whole.processingTime() - doneWork, whole.bay()));
        List<Precedence> allPrecedences = new ArrayList<>(precedences);
        allPrecedences.add(new Precedence(task, rest));
        precedences.stream().filter(p -> p.before() == task).forEach(p -> allPrecedences.add(new Precedence(rest, p.after())));
        return new QcspInstance(name, bays, travelTimePerBay, safetyMargin, allTasks, cranes, allPrecedences, now, fixed);
    }

    /** The same problem with {@code task} no longer fixed: it had not really begun. */
    public QcspInstance withoutFixed(int task) {
        return new QcspInstance(name, bays, travelTimePerBay, safetyMargin, tasks, cranes, precedences, now,
                fixed.stream().filter(f -> f.task() != task).toList());
    }

    /** The fixed placement of {@code task}, or null when it is free to plan. */
    public FixedTask fixedTask(int task) {
        for (FixedTask placed : fixed) {
            if (placed.task() == task) {
                return placed;
            }
        }
        return null;
    }

    public int clearance() {
        return safetyMargin + 1;
    }

    public CraneTask task(int number) {
        return tasks.get(number - 1);
    }

    public QuayCrane crane(int number) {
        return cranes.get(number - 1);
    }

    /** The lowest bay crane {@code number} can stand at: the cranes below it need their room. */
    public int lowestBay(int number) {
        return 1 + (number - 1) * clearance();
    }

    /** The highest bay crane {@code number} can stand at: the cranes above it need their room. */
    public int highestBay(int number) {
        return bays - (cranes.size() - number) * clearance();
    }

    public boolean reaches(int craneNumber, int bay) {
        return reachable(bay, craneNumber, cranes.size(), bays, clearance());
    }

    private static boolean reachable(int bay, int craneNumber, int craneCount, int bays, int clearance) {
        return bay >= 1 + (craneNumber - 1) * clearance && bay <= bays - (craneCount - craneNumber) * clearance;
    }

    /** The predecessors of each task, indexed by task number - 1. */
    public List<List<Integer>> predecessors() {
        List<List<Integer>> result = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            result.add(new ArrayList<>());
        }
        precedences.forEach(p -> result.get(p.after() - 1).add(p.before()));
        return result.stream().map(List::copyOf).toList();
    }

    private static Optional<String> cycleIn(int taskCount, List<Precedence> precedences) {
        int[] indegree = new int[taskCount + 1];
        List<List<Integer>> successors = new ArrayList<>();
        for (int i = 0; i <= taskCount; i++) {
            successors.add(new ArrayList<>());
        }
        for (Precedence p : precedences) {
            successors.get(p.before()).add(p.after());
            indegree[p.after()]++;
        }
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 1; i <= taskCount; i++) {
            if (indegree[i] == 0) {
                ready.add(i);
            }
        }
        int ordered = 0;
        while (!ready.isEmpty()) {
            int task = ready.poll();
            ordered++;
            for (int next : successors.get(task)) {
                if (--indegree[next] == 0) {
                    ready.add(next);
                }
            }
        }
        if (ordered == taskCount) {
            return Optional.empty();
        }
        List<Integer> inCycle = new ArrayList<>();
        for (int i = 1; i <= taskCount; i++) {
            if (indegree[i] > 0) {
                inCycle.add(i);
            }
        }
        return Optional.of("precedences form a cycle among tasks " + inCycle);
    }
}
