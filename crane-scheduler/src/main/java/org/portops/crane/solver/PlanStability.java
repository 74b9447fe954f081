package org.portops.crane.solver;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

import java.util.List;

/** Task {@code task} moved from crane {@code fromCrane} in the last published plan to {@code toCrane}. */
public record PlanStability(int task, int fromCrane, int toCrane, int cost) implements ConstraintJustification {

    public List<Integer> cranes() {
        return List.of(fromCrane, toCrane);
    }

    public String describe() {
        return "task " + task + " moves from crane " + fromCrane + " to crane " + toCrane + " (stability cost " + cost
                + ")";
    }
}
