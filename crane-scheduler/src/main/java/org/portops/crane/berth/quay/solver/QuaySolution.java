package org.portops.crane.berth.quay.solver;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;

import java.util.List;

/**
 * A berth problem on the continuous quay and, once solved, every vessel's position, berthing time and cranes.
 * Score: one hard level; soft levels, most important first: time in port (with the stability cost), deviation from
 * the requested berthing, crane moves between vessels.
 */
@PlanningSolution
public class QuaySolution {
    public static final int HARD_LEVELS = 1;
    public static final int SOFT_LEVELS = 3;

    @ProblemFactProperty
    private QuayRules rules;
    @ProblemFactCollectionProperty
    private List<QuaySection> sections;
    @PlanningEntityCollectionProperty
    private List<QuayVessel> vessels;
    @PlanningScore(bendableHardLevelsSize = HARD_LEVELS, bendableSoftLevelsSize = SOFT_LEVELS)
    private BendableLongScore score;

    public QuaySolution() {
    }

    public QuaySolution(QuayRules rules, List<QuaySection> sections, List<QuayVessel> vessels) {
        this.rules = rules;
        this.sections = sections;
        this.vessels = vessels;
    }

    public QuayRules getRules() {
        return rules;
    }

    public List<QuaySection> getSections() {
        return sections;
    }

    public List<QuayVessel> getVessels() {
        return vessels;
    }

    public BendableLongScore getScore() {
        return score;
    }

    public void setScore(BendableLongScore score) {
        this.score = score;
    }
}
