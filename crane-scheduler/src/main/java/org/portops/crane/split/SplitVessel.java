package org.portops.crane.split;

import org.portops.crane.qcsp.CraneTask;
import org.portops.crane.vessel.VesselProblem;
import org.portops.model.vessel.VesselCallId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A vessel call alongside or arriving: its name (for operators), where it lies along the quay from bow to stern in
 * metres (either way round), how many crane positions it has (40' bays, 1 at the bow), when it berths and when it
 * is planned to leave (seconds from the plan start), and the crane cycles left per position.
 */
public record SplitVessel(VesselCallId id, String name, double bowMeter, double sternMeter, int positions,
                          int berthing, int plannedDeparture, List<BayWork> bays) {

    public SplitVessel {
        if (id == null || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a split vessel needs its call id and name, was " + id + " " + name);
        }
        List<String> problems = new ArrayList<>();
        if (!(bowMeter >= 0) || !(sternMeter >= 0) || bowMeter == sternMeter) {
            problems.add("needs a quay span of positive length from 0 m on, was " + bowMeter + ".." + sternMeter);
        }
        if (positions < 1) {
            problems.add("needs 1 or more crane positions, was " + positions);
        }
        if (berthing < 0 || plannedDeparture <= berthing) {
            problems.add("must berth at 0 or later and leave after berthing, was " + berthing + ".." + plannedDeparture);
        }
        bays = List.copyOf(bays);
        boolean[] seen = new boolean[Math.max(positions, 0) + 1];
        for (BayWork bay : bays) {
            if (bay.position() > positions) {
                problems.add("bay position " + bay.position() + " is beyond its " + positions + " positions");
            } else if (seen[bay.position()]) {
                problems.add("bay position " + bay.position() + " is listed twice");
            } else {
                seen[bay.position()] = true;
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("vessel " + name + " (" + id.value() + "): " + String.join("; ", problems));
        }
    }

    /**
     * The vessel with the work of a mapped vessel call ({@code VesselCallMapper}): its QCSP bays are crane positions
     * and a task's processing time is its crane cycles.
     */
    public static SplitVessel of(VesselProblem problem, String name, double bowMeter, double sternMeter, int berthing,
                                 int plannedDeparture) {
        Map<Integer, Integer> cycles = new TreeMap<>();
        for (CraneTask task : problem.instance().tasks()) {
            cycles.merge(task.bay(), task.processingTime(), Integer::sum);
        }
        List<BayWork> bays = cycles.entrySet().stream().map(e -> new BayWork(e.getKey(), e.getValue())).toList();
        return new SplitVessel(problem.call(), name, bowMeter, sternMeter, problem.instance().bays(), berthing,
                plannedDeparture, bays);
    }

    public double fromMeter() {
        return Math.min(bowMeter, sternMeter);
    }

    public double toMeter() {
        return Math.max(bowMeter, sternMeter);
    }

    public double centreMeter() {
        return (bowMeter + sternMeter) / 2;
    }

    public long totalCycles() {
        return bays.stream().mapToLong(BayWork::cycles).sum();
    }

    /** The cycles per position, index 0 for position 1. */
    public long[] profile() {
        long[] profile = new long[positions];
        bays.forEach(bay -> profile[bay.position() - 1] = bay.cycles());
        return profile;
    }

    /**
     * The most cranes that can work the vessel at once: one per two positions (a crane and the safety gap beside
     * it), at least one, and no more than the terminal allows per vessel.
     */
    public int craneLimit(int maxPerVessel) {
        return Math.max(1, Math.min(maxPerVessel, (positions + 1) / 2));
    }

    public SplitVessel withBerthing(int time, int departure) {
        return new SplitVessel(id, name, bowMeter, sternMeter, positions, time, departure, bays);
    }
}
