package org.portops.crane.qcsp;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a QCSP schedule one task at a time: each committed task starts at the earliest time that respects its
 * crane's previous stop and travel, its committed predecessors and the safety margin to every stop already committed
 * on other cranes (it may fill a gap before them). Every schedule it builds passes {@link ScheduleChecker}, except
 * for precedences of tasks committed before their predecessors, which the caller decides.
 *
 * <p>Plain Java and allocation-light, because the solver rebuilds the whole schedule after every move it tries.
 */
public final class ScheduleBuilder {
    private final QcspInstance instance;
    private final int[][] predecessors;
    private final int[] start;
    private final int[] end;
    private final int[] craneOf;
    private final int[] freeAt;
    private final int[] standsAt;
    private final int[][] stopBay;
    private final int[][] stopStart;
    private final int[][] stopEnd;
    private final int[] stopCount;
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
        start = new int[n + 1];
        end = new int[n + 1];
        craneOf = new int[n + 1];
        freeAt = new int[q + 1];
        standsAt = new int[q + 1];
        stopBay = new int[q + 1][n + 1];
        stopStart = new int[q + 1][n + 1];
        stopEnd = new int[q + 1][n + 1];
        stopCount = new int[q + 1];
        windowLow = new int[n + q];
        windowHigh = new int[n + q];
        for (QuayCrane crane : instance.cranes()) {
            int k = crane.number();
            freeAt[k] = crane.readyTime();
            standsAt[k] = crane.initialBay();
            stopBay[k][0] = crane.initialBay();
            stopStart[k][0] = 0;
            stopEnd[k][0] = crane.readyTime();
            stopCount[k] = 1;
        }
    }

    public QcspInstance instance() {
        return instance;
    }

    public boolean isCommitted(int task) {
        return craneOf[task] != 0;
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
        CraneTask spec = instance.task(task);
        int earliest = freeAt[crane] + instance.travelTimePerBay() * Math.abs(standsAt[crane] - spec.bay());
        for (int predecessor : predecessors[task]) {
            if (craneOf[predecessor] != 0) {
                earliest = Math.max(earliest, end[predecessor]);
            }
        }
        return firstClearStart(crane, spec.bay(), spec.processingTime(), earliest);
    }

    /** Commits {@code task} to {@code crane} at {@code startTime}, as returned by {@link #earliestStart}. */
    public void commit(int task, int crane, int startTime) {
        CraneTask spec = instance.task(task);
        start[task] = startTime;
        end[task] = startTime + spec.processingTime();
        craneOf[task] = crane;
        freeAt[crane] = end[task];
        standsAt[crane] = spec.bay();
        int stop = stopCount[crane]++;
        stopBay[crane][stop] = spec.bay();
        stopStart[crane][stop] = startTime;
        stopEnd[crane][stop] = end[task];
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
     * Scans the other cranes' stops: a stop at a bay closer than the safety margin allows forbids starts in an open
     * window around it, wide enough for the cranes to travel out of each other's way.
     */
    private int firstClearStart(int crane, int bay, int processing, int earliest) {
        int t = instance.travelTimePerBay();
        int clearance = instance.clearance();
        int windows = 0;
        for (int other = 1; other < stopCount.length; other++) {
            if (other == crane) {
                continue;
            }
            int spacing = clearance * Math.abs(other - crane);
            for (int s = 0; s < stopCount[other]; s++) {
                int shortfall = other > crane ? bay + spacing - stopBay[other][s] : stopBay[other][s] + spacing - bay;
                if (shortfall <= 0) {
                    continue;
                }
                int gap = t * shortfall;
                int low = stopStart[other][s] - gap - processing;
                int high = stopEnd[other][s] + gap;
                if (high > earliest) {
                    windowLow[windows] = low;
                    windowHigh[windows] = high;
                    windows++;
                }
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
