package org.portops.crane.qcsp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a QCSP schedule one task at a time: each committed task starts at the earliest time that respects its
 * crane's previous stop and travel, its committed predecessors, the crane's unavailability windows (a task runs
 * wholly before or after a window) and the safety margin to every stop already committed or reserved on other
 * cranes (it may fill a gap before them). Every schedule it builds passes {@link ScheduleChecker}, except for
 * precedences of tasks committed before their predecessors and tasks put on a crane after it went out of service,
 * which the caller decides.
 *
 * <p>A crane stands still during its windows, by default at the bay of its last task before them, so where it stands
 * is only known once its next task is committed. The builder therefore <em>reserves</em> all of a crane's future
 * windows at the bay it stands at, and commits a task only where the crane could also park through every later
 * window: then no other crane is ever placed where a parked crane will be. Fixed (started) tasks are committed
 * first, at their fixed start; a crane that then cannot stand through a window where it is parks at the nearest
 * clear bay it can reach in time.
 *
 * <p>Plain Java and allocation-light, because the solver rebuilds the whole schedule after every move it tries.
 */
public final class ScheduleBuilder {
    private final QcspInstance instance;
    private final int[][] predecessors;
    private final int[][] duration;
    private final boolean[] fixed;
    private final int[] start;
    private final int[] end;
    private final int[] craneOf;
    private final int[] freeAt;
    private final int[] standsAt;
    private final int[][] stopBay;
    private final int[][] stopStart;
    private final int[][] stopEnd;
    private final int[] stopCount;
    private final int[][] windowFrom;
    private final int[][] windowUntil;
    /** Per crane: windows from this index on are reserved (at {@link #windowBay}), those before it are stops. */
    private final int[] firstReserved;
    private final int[][] windowBay;
    private final int[] windowLow;
    private final int[] windowHigh;

    public ScheduleBuilder(QcspInstance instance) {
        this.instance = instance;
        int n = instance.tasks().size();
        int q = instance.cranes().size();
        List<List<Integer>> lists = instance.predecessors();
        predecessors = new int[n + 1][];
        predecessors[0] = new int[0];
        for (int i = 1; i <= n; i++) {
            predecessors[i] = lists.get(i - 1).stream().mapToInt(Integer::intValue).toArray();
        }
        duration = new int[q + 1][n + 1];
        start = new int[n + 1];
        end = new int[n + 1];
        craneOf = new int[n + 1];
        fixed = new boolean[n + 1];
        freeAt = new int[q + 1];
        standsAt = new int[q + 1];
        stopBay = new int[q + 1][];
        stopStart = new int[q + 1][];
        stopEnd = new int[q + 1][];
        stopCount = new int[q + 1];
        windowFrom = new int[q + 1][];
        windowUntil = new int[q + 1][];
        firstReserved = new int[q + 1];
        windowBay = new int[q + 1][];
        windowFrom[0] = new int[0];
        windowUntil[0] = new int[0];
        windowBay[0] = new int[0];
        int allWindows = 0;
        for (QuayCrane crane : instance.cranes()) {
            int k = crane.number();
            boolean nominal = crane.productivity().equals(Productivity.NOMINAL);
            for (int i = 1; i <= n; i++) {
                int work = instance.task(i).processingTime();
                duration[k][i] = nominal ? work : crane.duration(work);
            }
            // the solver builds a schedule per move it tries: no streams on the common path without windows
            List<Unavailability> windows = crane.unavailable().isEmpty() ? List.of() : crane.standingWindows();
            windowFrom[k] = new int[windows.size()];
            windowUntil[k] = new int[windows.size()];
            windowBay[k] = new int[windows.size()];
            for (int w = 0; w < windows.size(); w++) {
                windowFrom[k][w] = windows.get(w).from();
                windowUntil[k][w] = windows.get(w).until();
                windowBay[k][w] = crane.initialBay();
            }
            allWindows += windows.size();
            int capacity = n + windows.size() + 1;
            stopBay[k] = new int[capacity];
            stopStart[k] = new int[capacity];
            stopEnd[k] = new int[capacity];
            freeAt[k] = crane.readyTime();
            standsAt[k] = crane.initialBay();
            stopBay[k][0] = crane.initialBay();
            stopStart[k][0] = 0;
            stopEnd[k][0] = crane.readyTime();
            stopCount[k] = 1;
        }
        windowLow = new int[n + q + allWindows];
        windowHigh = new int[n + q + allWindows];
        commitFixed();
    }

    private void commitFixed() {
        if (instance.fixed().isEmpty()) {
            return;
        }
        List<FixedTask> ordered = new ArrayList<>(instance.fixed());
        ordered.sort(Comparator.comparingInt(FixedTask::start).thenComparingInt(FixedTask::crane));
        for (FixedTask task : ordered) {
            fixed[task.task()] = true;
            commit(task.task(), task.crane(), task.start());
        }
        for (int crane = 1; crane < stopCount.length; crane++) {
            parkClear(crane);
        }
    }

    /**
     * Started work was placed where it was, without regard to windows added since: a crane may now be unable to
     * stand through a window where it is. It moves before the window to the nearest bay in its reach that it can
     * get to in time and where it keeps clear of the others.
     */
    private void parkClear(int crane) {
        int bay = standsAt[crane];
        int free = freeAt[crane];
        int t = instance.travelTimePerBay();
        for (int w = firstReserved[crane]; w < windowFrom[crane].length; w++) {
            int from = windowFrom[crane][w];
            int until = windowUntil[crane][w];
            boolean reachable = t * Math.abs(windowBay[crane][w] - bay) <= from - free;
            if (from >= free && !(reachable && clearOfOthers(crane, windowBay[crane][w], from, until))) {
                for (int distance = 0; distance < instance.bays(); distance++) {
                    int chosen = clearBayAt(crane, bay, distance, from, until, t * distance <= from - free);
                    if (chosen > 0) {
                        windowBay[crane][w] = chosen;
                        break;
                    }
                }
            }
            bay = windowBay[crane][w];
            free = Math.max(free, until);
        }
    }

    private int clearBayAt(int crane, int bay, int distance, int from, int until, boolean inTime) {
        if (!inTime) {
            return 0;
        }
        for (int candidate : new int[] {bay - distance, bay + distance}) {
            boolean allowed = candidate == bay || instance.reaches(crane, candidate);
            if (allowed && clearOfOthers(crane, candidate, from, until)) {
                return candidate;
            }
        }
        return 0;
    }

    public QcspInstance instance() {
        return instance;
    }

    public boolean isCommitted(int task) {
        return craneOf[task] != 0;
    }

    public boolean isFixed(int task) {
        return fixed[task];
    }

    /** Crane number of a committed task, 0 when not committed. */
    public int craneOf(int task) {
        return craneOf[task];
    }

    public int start(int task) {
        return start[task];
    }

    public int end(int task) {
        return end[task];
    }

    /** When crane {@code crane} finishes its last committed task (its ready time before any). */
    public int freeAt(int crane) {
        return freeAt[crane];
    }

    /** The bay crane {@code crane} stands at after its last committed task (its initial bay before any). */
    public int standsAt(int crane) {
        return standsAt[crane];
    }

    public boolean predecessorsCommitted(int task) {
        for (int predecessor : predecessors[task]) {
            if (craneOf[predecessor] == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The earliest start of {@code task} as the next task of {@code crane}, given everything committed so far;
     * predecessors not yet committed are ignored.
     */
    public int earliestStart(int task, int crane) {
        int bay = instance.task(task).bay();
        int processing = duration[crane][task];
        int t = instance.travelTimePerBay();
        int earliest = Math.max(freeAt[crane] + t * Math.abs(standsAt[crane] - bay),
                fixed[task] ? 0 : instance.now());
        for (int predecessor : predecessors[task]) {
            if (craneOf[predecessor] != 0) {
                earliest = Math.max(earliest, end[predecessor]);
            }
        }
        while (true) {
            int candidate = firstClearStart(crane, bay, processing, earliest);
            int afterWindow = afterOwnWindows(crane, candidate, processing, bay);
            if (afterWindow > candidate) {
                earliest = afterWindow;
                continue;
            }
            int blocked = firstBlockedLaterWindow(crane, bay, candidate + processing);
            if (blocked >= 0) {
                // the crane could not park here through that window: do the task after it instead
                earliest = windowUntil[crane][blocked] + t * Math.abs(windowBay[crane][blocked] - bay);
                continue;
            }
            return candidate;
        }
    }

    /** Commits {@code task} to {@code crane} at {@code startTime}, as returned by {@link #earliestStart}. */
    public void commit(int task, int crane, int startTime) {
        int bay = instance.task(task).bay();
        // windows before the task are spent where the crane stands now: they become stops
        while (firstReserved[crane] < windowFrom[crane].length && windowFrom[crane][firstReserved[crane]] < startTime) {
            int w = firstReserved[crane]++;
            addStop(crane, windowBay[crane][w], windowFrom[crane][w], windowUntil[crane][w]);
        }
        for (int w = firstReserved[crane]; w < windowFrom[crane].length; w++) {
            windowBay[crane][w] = bay;
        }
        start[task] = startTime;
        end[task] = startTime + duration[crane][task];
        craneOf[task] = crane;
        freeAt[crane] = end[task];
        standsAt[crane] = bay;
        addStop(crane, bay, startTime, end[task]);
    }

    private void addStop(int crane, int bay, int from, int until) {
        int stop = stopCount[crane]++;
        stopBay[crane][stop] = bay;
        stopStart[crane][stop] = from;
        stopEnd[crane][stop] = until;
    }

    /** The schedule of the committed tasks. */
    public QcspSchedule toSchedule() {
        List<CraneSchedule> cranes = new ArrayList<>();
        for (QuayCrane crane : instance.cranes()) {
            List<ScheduledTask> tasks = new ArrayList<>();
            for (int task = 1; task < craneOf.length; task++) {
                if (craneOf[task] == crane.number()) {
                    tasks.add(new ScheduledTask(task, start[task], end[task]));
                }
            }
            cranes.add(new CraneSchedule(crane.number(), tasks));
        }
        return new QcspSchedule(instance.name(), cranes);
    }

    /**
     * The earliest start that keeps the task out of the crane's reserved windows, with travel from where it parks
     * after the last window before the task; {@code candidate} itself when it already does.
     */
    private int afterOwnWindows(int crane, int candidate, int processing, int bay) {
        for (int w = firstReserved[crane]; w < windowFrom[crane].length; w++) {
            int from = windowFrom[crane][w];
            int until = windowUntil[crane][w];
            int travel = instance.travelTimePerBay() * Math.abs(windowBay[crane][w] - bay);
            boolean overlaps = processing == 0 ? candidate > from && candidate < until
                    : candidate < until && from < candidate + processing;
            if (until <= candidate) {
                if (candidate < until + travel) {
                    return until + travel;
                }
            } else if (overlaps) {
                return until + travel;
            } else {
                break;
            }
        }
        return candidate;
    }

    /** The first reserved window from {@code after} on in which the crane could not stand at {@code bay}, or -1. */
    private int firstBlockedLaterWindow(int crane, int bay, int after) {
        for (int w = firstReserved[crane]; w < windowFrom[crane].length; w++) {
            if (windowFrom[crane][w] >= after && !clearOfOthers(crane, bay, windowFrom[crane][w], windowUntil[crane][w])) {
                return w;
            }
        }
        return -1;
    }

    private boolean clearOfOthers(int crane, int bay, int from, int until) {
        for (int other = 1; other < stopCount.length; other++) {
            if (other == crane) {
                continue;
            }
            for (int s = 0; s < stopCount[other]; s++) {
                if (tooClose(crane, bay, from, until, other, stopBay[other][s], stopStart[other][s], stopEnd[other][s])) {
                    return false;
                }
            }
            for (int w = firstReserved[other]; w < windowFrom[other].length; w++) {
                if (tooClose(crane, bay, from, until, other, windowBay[other][w], windowFrom[other][w],
                        windowUntil[other][w])) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean tooClose(int crane, int bay, int from, int until, int other, int otherBay, int otherFrom,
                             int otherUntil) {
        int shortfall = shortfall(crane, bay, other, otherBay);
        return shortfall > 0
                && Math.max(otherFrom - until, from - otherUntil) < instance.travelTimePerBay() * shortfall;
    }

    private int shortfall(int crane, int bay, int other, int otherBay) {
        int spacing = instance.clearance() * Math.abs(other - crane);
        return other > crane ? bay + spacing - otherBay : otherBay + spacing - bay;
    }

    /**
     * Scans the other cranes' stops and reserved windows: one at a bay closer than the safety margin allows forbids
     * starts in an open window around it, wide enough for the cranes to travel out of each other's way.
     */
    private int firstClearStart(int crane, int bay, int processing, int earliest) {
        int windows = 0;
        for (int other = 1; other < stopCount.length; other++) {
            if (other == crane) {
                continue;
            }
            for (int s = 0; s < stopCount[other]; s++) {
                windows = forbid(crane, bay, processing, earliest, other, stopBay[other][s], stopStart[other][s],
                        stopEnd[other][s], windows);
            }
            for (int w = firstReserved[other]; w < windowFrom[other].length; w++) {
                windows = forbid(crane, bay, processing, earliest, other, windowBay[other][w], windowFrom[other][w],
                        windowUntil[other][w], windows);
            }
        }
        sortByLow(windows);
        int candidate = earliest;
        for (int w = 0; w < windows; w++) {
            // forbidden are the starts strictly between low and high; sorted by low, one pass finds the first clear one
            if (candidate > windowLow[w] && candidate < windowHigh[w]) {
                candidate = windowHigh[w];
            }
        }
        return candidate;
    }

    private int forbid(int crane, int bay, int processing, int earliest, int other, int otherBay, int otherFrom,
                       int otherUntil, int windows) {
        int shortfall = shortfall(crane, bay, other, otherBay);
        if (shortfall <= 0) {
            return windows;
        }
        int gap = instance.travelTimePerBay() * shortfall;
        int high = otherUntil + gap;
        if (high <= earliest) {
            return windows;
        }
        windowLow[windows] = otherFrom - gap - processing;
        windowHigh[windows] = high;
        return windows + 1;
    }

    private void sortByLow(int count) {
        for (int i = 1; i < count; i++) {
            int low = windowLow[i];
            int high = windowHigh[i];
            int j = i - 1;
            while (j >= 0 && windowLow[j] > low) {
                windowLow[j + 1] = windowLow[j];
                windowHigh[j + 1] = windowHigh[j];
                j--;
            }
            windowLow[j + 1] = low;
            windowHigh[j + 1] = high;
        }
    }
}
