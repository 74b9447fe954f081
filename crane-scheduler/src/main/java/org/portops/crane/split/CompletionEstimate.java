package org.portops.crane.split;

import java.util.List;

/**
 * When a vessel finishes, estimated from the cranes it gets over time; the solver scores lateness with it and the
 * split reports it. See docs/crane-scheduling.md, "Crane split".
 *
 * <p>Cranes on one rail split a vessel into contiguous zones, one per crane. With c cranes the vessel is done when
 * its busiest zone is done, so the best zones are those of the linear partition of the bay profile that minimises
 * the busiest zone's cycles, Z(c). A slot in which c cranes work the vessel therefore finishes a fraction
 * (mean over its cranes of cycles per second × working seconds) / Z(c) of the vessel. Z(c) is never below the
 * heaviest bay's cycles, so no number of cranes makes the vessel faster than its heaviest bay on one crane.
 * A crane arriving from another vessel loses its gantry time at the start of the slot.
 */
public final class CompletionEstimate {

    private CompletionEstimate() {
    }

    /** One crane working the vessel in one slot: its rate and how much of the slot gantry travel takes. */
    public record Turn(int slotStart, int slotEnd, double cyclesPerSecond, int travelSeconds) {
    }

    /**
     * Z(c) for c = 0..maxCranes (index 0 unused): the least possible cycles of the busiest of c contiguous zones.
     */
    public static long[] busiestZones(long[] profile, int maxCranes) {
        int n = profile.length;
        long[] prefix = new long[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + profile[i];
        }
        long[] result = new long[maxCranes + 1];
        // best[i] = least busiest zone over the first i positions cut into the current number of zones
        long[] best = new long[n + 1];
        for (int i = 0; i <= n; i++) {
            best[i] = prefix[i];
        }
        result[0] = prefix[n];
        if (maxCranes >= 1) {
            result[1] = prefix[n];
        }
        for (int zones = 2; zones <= maxCranes; zones++) {
            long[] next = new long[n + 1];
            for (int i = 0; i <= n; i++) {
                long value = best[i];
                for (int cut = 0; cut < i; cut++) {
                    value = Math.min(value, Math.max(best[cut], prefix[i] - prefix[cut]));
                }
                next[i] = value;
            }
            best = next;
            result[zones] = best[n];
        }
        return result;
    }

    /**
     * The estimated completion time of a vessel that berths at {@code berthing} with {@code totalCycles} to do, given
     * its cranes' turns (any order). Work left at {@code horizonEnd} is finished at {@code fallbackCyclesPerSecond}
     * by the best single zone split, so an unfinished vessel's estimate still grows with the work it is left with.
     */
    public static int completion(int berthing, long totalCycles, long[] busiestZones, List<Turn> turns, int horizonEnd,
                                 double fallbackCyclesPerSecond) {
        if (totalCycles == 0) {
            return berthing;
        }
        List<Turn> sorted = turns.stream().sorted(java.util.Comparator.comparingInt(Turn::slotStart)).toList();
        double done = 0;
        int i = 0;
        while (i < sorted.size()) {
            int slotStart = sorted.get(i).slotStart();
            int slotEnd = sorted.get(i).slotEnd();
            double work = 0;
            int cranes = 0;
            for (; i < sorted.size() && sorted.get(i).slotStart() == slotStart; i++) {
                Turn turn = sorted.get(i);
                int from = Math.max(Math.max(slotStart, berthing), slotStart + turn.travelSeconds());
                work += turn.cyclesPerSecond() * Math.max(0, slotEnd - from);
                cranes++;
            }
            long zone = busiestZones[Math.min(cranes, busiestZones.length - 1)];
            double fraction = work / cranes / zone;
            if (done + fraction >= 1.0) {
                double part = (1.0 - done) / fraction;
                int workFrom = Math.max(slotStart, berthing);
                return (int) Math.ceil(workFrom + part * (slotEnd - workFrom));
            }
            done += fraction;
        }
        double left = (1.0 - done) * busiestZones[1] / fallbackCyclesPerSecond;
        return (int) Math.ceil(Math.max(horizonEnd, berthing) + left);
    }
}
