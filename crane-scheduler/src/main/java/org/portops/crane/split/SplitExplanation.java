package org.portops.crane.split;

import java.util.List;
import java.util.Map;

/**
 * Why a split looks as it does, in operator language: the score, each constraint's total, the constraint matches
 * per crane and per vessel, and one line per gantry move saying what it is for.
 */
public record SplitExplanation(String score, List<String> constraintTotals, Map<String, List<String>> byCrane,
                               Map<String, List<String>> byVessel, List<String> decisions) {
    public SplitExplanation {
        constraintTotals = List.copyOf(constraintTotals);
        byCrane = Map.copyOf(byCrane);
        byVessel = Map.copyOf(byVessel);
        decisions = List.copyOf(decisions);
    }
}
