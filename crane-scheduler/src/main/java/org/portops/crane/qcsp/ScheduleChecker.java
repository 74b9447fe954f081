package org.portops.crane.qcsp;

import org.portops.crane.qcsp.ScheduleViolation.BayOverlap;
import org.portops.crane.qcsp.ScheduleViolation.CranesTooClose;
import org.portops.crane.qcsp.ScheduleViolation.FixedTaskMoved;
import org.portops.crane.qcsp.ScheduleViolation.StartsBeforeNow;
import org.portops.crane.qcsp.ScheduleViolation.TaskWhileOutOfService;
import org.portops.crane.qcsp.ScheduleViolation.TaskWhileUnavailable;
import org.portops.crane.qcsp.ScheduleViolation.OutOfReach;
import org.portops.crane.qcsp.ScheduleViolation.PrecedenceBroken;
import org.portops.crane.qcsp.ScheduleViolation.TaskMissing;
import org.portops.crane.qcsp.ScheduleViolation.TaskRepeated;
import org.portops.crane.qcsp.ScheduleViolation.TravelTooShort;
import org.portops.crane.qcsp.ScheduleViolation.UnknownCrane;
import org.portops.crane.qcsp.ScheduleViolation.UnknownTask;
import org.portops.crane.qcsp.ScheduleViolation.WrongDuration;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a schedule against the QCSP model, independently of any solver: every task once with its processing time,
 * crane travel between consecutive tasks, precedences, no two tasks of one bay at the same time, every task within
 * its crane's reach, and non-crossing with the safety margin at every instant.
 *
 * <p>Non-crossing at every instant, including while cranes travel or wait, is checked exactly through stops: a crane
 * stands at its initial bay from time 0 to its ready time and at a task's bay while it works it. Cranes may move at
 * one bay per travel time in either direction between stops. For cranes v &lt; w, stops a (of v, bay l_a) and b (of w,
 * bay l_b) with l_a + (s+1)(w-v) &gt; l_b must be apart in time by at least t·(l_a + (s+1)(w-v) - l_b): crane w (and
 * every crane between) must travel that far to make room. This is necessary; it is also sufficient, because then the
 * lowest trajectories x_1(τ) = max(1, max_a (l_a - |τ - τ_a| / t)), x_k(τ) = max(x_{k-1}(τ) + s + 1, own stops
 * likewise) pass every stop on time, never exceed the travel speed and keep every neighbour more than s bays apart
 * (docs/crane-scheduling.md has the argument).
 *
 * <p>A crane's unavailability windows are stops too: it stands still through each at some bay it may move to
 * before, which the checker finds if one exists (see {@code parkWhereClear}); the windows then enter the travel and
 * the non-crossing checks like tasks do, and a task running into a window is a violation. A crane out of service starts no task from then
 * on. When the instance was re-planned at {@code now}, fixed tasks must keep their crane and start and every other
 * task must start at {@code now} or later.
 */
public final class ScheduleChecker {

    private ScheduleChecker() {
    }

    public static List<ScheduleViolation> check(QcspInstance instance, QcspSchedule schedule) {
        List<ScheduleViolation> violations = new ArrayList<>();
        int n = instance.tasks().size();
        int[] count = new int[n + 1];
        int[] start = new int[n + 1];
        int[] end = new int[n + 1];
        int[] craneOf = new int[n + 1];
        List<List<Stop>> stopsByCrane = new ArrayList<>();
        for (QuayCrane crane : instance.cranes()) {
            stopsByCrane.add(new ArrayList<>(List.of(new Stop(0, crane.initialBay(), 0, crane.readyTime()))));
        }
        for (CraneSchedule crane : schedule.cranes()) {
            if (crane.crane() < 1 || crane.crane() > instance.cranes().size()) {
                violations.add(new UnknownCrane(crane.crane()));
                continue;
            }
            for (ScheduledTask scheduled : crane.tasks()) {
                if (scheduled.task() < 1 || scheduled.task() > n) {
                    violations.add(new UnknownTask(crane.crane(), scheduled.task()));
                    continue;
                }
                count[scheduled.task()]++;
                start[scheduled.task()] = scheduled.start();
                end[scheduled.task()] = scheduled.end();
                craneOf[scheduled.task()] = crane.crane();
                CraneTask task = instance.task(scheduled.task());
                stopsByCrane.get(crane.crane() - 1).add(new Stop(task.number(), task.bay(), scheduled.start(), scheduled.end()));
                int duration = instance.duration(task.number(), crane.crane());
                if (scheduled.end() - scheduled.start() != duration) {
                    violations.add(new WrongDuration(task.number(), duration, scheduled.end() - scheduled.start()));
                }
                QuayCrane spec = instance.crane(crane.crane());
                if (scheduled.start() >= spec.outOfServiceFrom()) {
                    violations.add(new TaskWhileOutOfService(crane.crane(), task.number(), scheduled.start(),
                            spec.outOfServiceFrom()));
                }
                if (!instance.reaches(crane.crane(), task.bay())) {
                    violations.add(new OutOfReach(crane.crane(), task.number(), task.bay(),
                            instance.lowestBay(crane.crane()), instance.highestBay(crane.crane())));
                }
            }
        }
        for (int task = 1; task <= n; task++) {
            if (count[task] == 0) {
                violations.add(new TaskMissing(task));
            } else if (count[task] > 1) {
                violations.add(new TaskRepeated(task, count[task]));
            }
        }
        checkFixed(instance, count, craneOf, start, violations);
        addStandingWindows(instance, stopsByCrane, violations);
        parkWhereClear(instance, stopsByCrane);
        checkTravel(instance, stopsByCrane, violations);
        checkPrecedences(instance, count, start, end, violations);
        checkBays(instance, stopsByCrane, violations);
        checkClearance(instance, stopsByCrane, violations);
        return violations;
    }

    private static void checkFixed(QcspInstance instance, int[] count, int[] craneOf, int[] start,
                                   List<ScheduleViolation> violations) {
        for (int task = 1; task < count.length; task++) {
            if (count[task] != 1) {
                continue;
            }
            FixedTask fixed = instance.fixedTask(task);
            if (fixed != null && (fixed.crane() != craneOf[task] || fixed.start() != start[task])) {
                violations.add(new FixedTaskMoved(task, fixed.crane(), fixed.start(), craneOf[task], start[task]));
            } else if (fixed == null && start[task] < instance.now()) {
                violations.add(new StartsBeforeNow(task, start[task], instance.now()));
            }
        }
    }

    /**
     * Each window becomes a stop, first at the bay of the crane's last task ending by the window's start (its initial
     * bay before any); overlapping windows make one stop, the crane stands through both. A task running into a window
     * is reported. Window stops carry task number -w for window w (1-based, the first of overlapping ones).
     */
    private static void addStandingWindows(QcspInstance instance, List<List<Stop>> stopsByCrane,
                                           List<ScheduleViolation> violations) {
        for (QuayCrane crane : instance.cranes()) {
            List<Stop> stops = stopsByCrane.get(crane.number() - 1);
            List<Stop> tasks = List.copyOf(stops.subList(1, stops.size()));
            List<Unavailability> windows = crane.standingWindows();
            Stop standing = null;
            for (int w = 0; w < windows.size(); w++) {
                Unavailability window = windows.get(w);
                for (Stop task : tasks) {
                    if (window.overlaps(task.start(), task.end())) {
                        violations.add(new TaskWhileUnavailable(crane.number(), task.task(), task.start(), task.end(),
                                window));
                    }
                }
                if (standing != null && window.from() < standing.end()) {
                    standing = new Stop(standing.task(), standing.bay(), standing.start(),
                            Math.max(standing.end(), window.until()));
                    continue;
                }
                if (standing != null) {
                    stops.add(standing);
                }
                standing = new Stop(-(w + 1), parkingBay(stops.getFirst(), tasks, window.from()), window.from(),
                        window.until());
            }
            if (standing != null) {
                stops.add(standing);
            }
        }
    }

    /** The bay of the last task ending by {@code time}, or the initial bay. */
    private static int parkingBay(Stop initial, List<Stop> tasks, int time) {
        Stop parked = initial;
        for (Stop task : tasks) {
            if (task.end() <= time && (parked == initial || task.end() > parked.end()
                    || task.end() == parked.end() && task.start() > parked.start())) {
                parked = task;
            }
        }
        return parked.bay();
    }

    /**
     * A crane may move before a window and stand through it at any bay in its reach (or at its initial bay). With all
     * times known, travel between a crane's consecutive stops and the gap rule between stops of two cranes are
     * difference constraints on the unknown window bays (x_b - x_a <= c), solved exactly by Bellman-Ford. If they
     * have a solution, the window stops take it; if not, they keep the default (the last task's bay) and the travel
     * and clearance checks name the stops that cannot be kept apart.
     */
    private static void parkWhereClear(QcspInstance instance, List<List<Stop>> stopsByCrane) {
        // window stops of two cranes can be equal records: variables are told apart by identity
        Map<Stop, Integer> windows = new IdentityHashMap<>();
        stopsByCrane.forEach(stops -> stops.stream().filter(stop -> stop.task() < 0)
                .forEach(stop -> windows.put(stop, windows.size())));
        if (windows.isEmpty()) {
            return;
        }
        int zero = windows.size();
        List<int[]> edges = new ArrayList<>();
        int t = instance.travelTimePerBay();
        for (int k = 0; k < stopsByCrane.size(); k++) {
            QuayCrane crane = instance.cranes().get(k);
            List<Stop> stops = new ArrayList<>(stopsByCrane.get(k));
            for (Stop stop : stops) {
                Integer x = windows.get(stop);
                if (x != null) {
                    edges.add(new int[] {zero, x, Math.max(instance.highestBay(k + 1), crane.initialBay())});
                    edges.add(new int[] {x, zero, -Math.min(instance.lowestBay(k + 1), crane.initialBay())});
                }
            }
            stops.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(a.end(), b.end()));
            for (int i = 1; i < stops.size(); i++) {
                int available = stops.get(i).start() - stops.get(i - 1).end();
                if (available >= 0 && t == 0) {
                    continue;
                }
                // overlapping stops (a window from before the ready time or within another) keep the crane in place
                int reach = available < 0 ? 0 : available / t;
                addDifference(edges, windows, stops.get(i - 1), stops.get(i), reach, zero);
                addDifference(edges, windows, stops.get(i), stops.get(i - 1), reach, zero);
            }
        }
        for (int v = 0; v < stopsByCrane.size(); v++) {
            for (int w = v + 1; w < stopsByCrane.size(); w++) {
                int spacing = instance.clearance() * (w - v);
                for (Stop a : stopsByCrane.get(v)) {
                    for (Stop b : stopsByCrane.get(w)) {
                        int gap = Math.max(b.start() - a.end(), a.start() - b.end());
                        if (a.task() >= 0 && b.task() >= 0 || gap >= 0 && t == 0) {
                            continue;
                        }
                        int slack = gap < 0 ? 0 : Math.min(gap / t, instance.bays());
                        // x_b - x_a >= spacing - slack, i.e. x_a - x_b <= slack - spacing
                        addDifference(edges, windows, b, a, slack - spacing, zero);
                    }
                }
            }
        }
        int[] bay = shortestPaths(zero + 1, edges);
        if (bay == null) {
            return;
        }
        for (List<Stop> stops : stopsByCrane) {
            for (int i = 0; i < stops.size(); i++) {
                Integer x = windows.get(stops.get(i));
                if (x != null) {
                    Stop stop = stops.get(i);
                    stops.set(i, new Stop(stop.task(), bay[x] - bay[zero], stop.start(), stop.end()));
                }
            }
        }
    }

    /** Adds x_to - x_from <= limit, where a stop not a window is the constant bay (x_zero = 0). */
    private static void addDifference(List<int[]> edges, Map<Stop, Integer> windows, Stop from, Stop to, int limit,
                                      int zero) {
        int x = windows.getOrDefault(from, -1);
        int y = windows.getOrDefault(to, -1);
        if (x < 0 && y < 0) {
            return;
        }
        int constant = (x < 0 ? from.bay() : 0) - (y < 0 ? to.bay() : 0);
        edges.add(new int[] {x < 0 ? zero : x, y < 0 ? zero : y, limit + constant});
    }

    /** Bellman-Ford from a virtual source to every node: a solution of the difference constraints, or null. */
    private static int[] shortestPaths(int nodes, List<int[]> edges) {
        int[] distance = new int[nodes];
        for (int round = 0; round <= nodes; round++) {
            boolean changed = false;
            for (int[] edge : edges) {
                if (distance[edge[0]] + edge[2] < distance[edge[1]]) {
                    distance[edge[1]] = distance[edge[0]] + edge[2];
                    changed = true;
                }
            }
            if (!changed) {
                return distance;
            }
        }
        return null;
    }

    private static void checkTravel(QcspInstance instance, List<List<Stop>> stopsByCrane, List<ScheduleViolation> violations) {
        for (int k = 0; k < stopsByCrane.size(); k++) {
            List<Stop> stops = stopsByCrane.get(k);
            // the initial stop stays first: it is where the crane starts, whatever the times of the tasks say
            List<Stop> tasks = new ArrayList<>(stops.subList(1, stops.size()));
            tasks.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(a.end(), b.end()));
            Stop previous = stops.getFirst();
            for (Stop stop : tasks) {
                int needed = instance.travelTimePerBay() * Math.abs(stop.bay() - previous.bay());
                int available = stop.start() - previous.end();
                // standing still through a window that begins before the crane is ready or in another window
                boolean standsOn = stop.task() < 0 && previous.task() <= 0 && stop.bay() == previous.bay();
                if (available < needed && !standsOn) {
                    violations.add(new TravelTooShort(k + 1, previous.task(), stop.task(), needed, available));
                }
                previous = stop;
            }
        }
    }

    private static void checkPrecedences(QcspInstance instance, int[] count, int[] start, int[] end,
                                         List<ScheduleViolation> violations) {
        for (Precedence precedence : instance.precedences()) {
            if (count[precedence.before()] == 1 && count[precedence.after()] == 1
                    && end[precedence.before()] > start[precedence.after()]) {
                violations.add(new PrecedenceBroken(precedence.before(), precedence.after(),
                        end[precedence.before()], start[precedence.after()]));
            }
        }
    }

    private static void checkBays(QcspInstance instance, List<List<Stop>> stopsByCrane, List<ScheduleViolation> violations) {
        List<Stop> all = new ArrayList<>();
        stopsByCrane.forEach(stops -> all.addAll(stops.stream().filter(stop -> stop.task() > 0).toList()));
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Stop a = all.get(i);
                Stop b = all.get(j);
                if (a.bay() == b.bay() && a.start() < b.end() && b.start() < a.end()) {
                    violations.add(new BayOverlap(a.bay(), Math.min(a.task(), b.task()), Math.max(a.task(), b.task())));
                }
            }
        }
    }

    private static void checkClearance(QcspInstance instance, List<List<Stop>> stopsByCrane, List<ScheduleViolation> violations) {
        int t = instance.travelTimePerBay();
        for (int v = 0; v < stopsByCrane.size(); v++) {
            for (int w = v + 1; w < stopsByCrane.size(); w++) {
                int clearance = instance.clearance() * (w - v);
                for (Stop a : stopsByCrane.get(v)) {
                    for (Stop b : stopsByCrane.get(w)) {
                        int shortfall = a.bay() + clearance - b.bay();
                        if (shortfall <= 0) {
                            continue;
                        }
                        int needed = t * shortfall;
                        int gap = Math.max(b.start() - a.end(), a.start() - b.end());
                        if (gap < needed) {
                            violations.add(new CranesTooClose(v + 1, a.task(), w + 1, b.task(), needed, gap));
                        }
                    }
                }
            }
        }
    }

    private record Stop(int task, int bay, int start, int end) {
    }
}
