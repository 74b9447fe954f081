package org.portops.crane.berth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A berth plan for a named instance: where and when each vessel berths, and the total service time its producer
 * claims for it (the checker recomputes that claim from the instance).
 */
public record BerthPlan(String instance, long objective, List<BerthAssignment> assignments) {
    public BerthPlan {
        assignments = List.copyOf(assignments);
    }

    /** Vessel numbers per berth in berthing order, indexed by berth number - 1. */
    public List<List<Integer>> sequences(int berthCount) {
        List<List<Integer>> sequences = new ArrayList<>();
        for (int b = 1; b <= berthCount; b++) {
            int berth = b;
            sequences.add(assignments.stream().filter(a -> a.berth() == berth)
                    .sorted(Comparator.comparingInt(BerthAssignment::start).thenComparingInt(BerthAssignment::vessel))
                    .map(BerthAssignment::vessel).toList());
        }
        return sequences;
    }
}
