package org.portops.crane.berth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The baseline a berth planner does by hand: vessels in order of arrival (ties by number), each to the allowed berth
 * where it would leave earliest after the vessels already placed (ties: the lower berth), preferring berths where it
 * leaves in time (berth closing, latest departure). Never inserts a vessel before one placed earlier.
 */
public final class FirstComeFirstServed {

    private FirstComeFirstServed() {
    }

    public static BerthPlan plan(BerthInstance instance) {
        int[] free = new int[instance.berths().size() + 1];
        List<List<Integer>> sequences = new ArrayList<>();
        for (Berth berth : instance.berths()) {
            free[berth.number()] = berth.opens();
            sequences.add(new ArrayList<>());
        }
        List<CallingVessel> byArrival = instance.vessels().stream()
                .sorted(Comparator.comparingInt(CallingVessel::arrival).thenComparingInt(CallingVessel::number)).toList();
        for (CallingVessel vessel : byArrival) {
            int best = 0;
            int bestEnd = Integer.MAX_VALUE;
            boolean bestInTime = false;
            for (int berthNumber : vessel.handlingTimeByBerth().keySet()) {
                Berth berth = instance.berth(berthNumber);
                int end = BerthSequences.earliestStart(vessel, berth, free[berthNumber]) + vessel.handlingTime(berthNumber);
                boolean inTime = end <= instance.deadline(vessel.number(), berthNumber);
                if ((inTime && !bestInTime) || (inTime == bestInTime && end < bestEnd)) {
                    best = berthNumber;
                    bestEnd = end;
                    bestInTime = inTime;
                }
            }
            free[best] = bestEnd;
            sequences.get(best - 1).add(vessel.number());
        }
        return BerthSequences.decode(instance, sequences);
    }
}
