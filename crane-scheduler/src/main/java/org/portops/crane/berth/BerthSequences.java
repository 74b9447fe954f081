package org.portops.crane.berth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Times berth sequences: each vessel berths as early as its sequence allows, at the latest of its arrival, the
 * berth's opening and the departure of the vessel before it. For a given order per berth no plan serves anyone
 * earlier, and the objective only grows with berthing times, so searching orders loses no optimum.
 */
public final class BerthSequences {

    private BerthSequences() {
    }

    /**
     * The earliest berthing time of {@code vessel} at {@code berth} once the berth is free at {@code berthFree}.
     */
    public static int earliestStart(CallingVessel vessel, Berth berth, int berthFree) {
        return Math.max(vessel.arrival(), Math.max(berth.opens(), berthFree));
    }

    /** How long {@code vessel} stays at {@code berth}: its handling time there, or its longest at a forbidden berth. */
    public static int stay(CallingVessel vessel, int berth) {
        return vessel.allowedAt(berth) ? vessel.handlingTime(berth) : vessel.longestHandlingTime();
    }

    /** Times the vessel sequences (vessel numbers per berth, indexed by berth number - 1) into a plan. */
    public static BerthPlan decode(BerthInstance instance, List<List<Integer>> sequences) {
        if (sequences.size() > instance.berths().size()) {
            throw new IllegalArgumentException(sequences.size() + " berth sequences for " + instance.berths().size() + " berths");
        }
        List<BerthAssignment> assignments = new ArrayList<>();
        long objective = 0;
        for (int b = 0; b < sequences.size(); b++) {
            Berth berth = instance.berth(b + 1);
            int free = berth.opens();
            for (int number : sequences.get(b)) {
                CallingVessel vessel = instance.vessel(number);
                int start = earliestStart(vessel, berth, free);
                free = start + stay(vessel, berth.number());
                objective += free - vessel.arrival();
                assignments.add(new BerthAssignment(number, berth.number(), start));
            }
        }
        assignments.sort(Comparator.comparingInt(BerthAssignment::vessel));
        return new BerthPlan(instance.name(), objective, assignments);
    }
}
