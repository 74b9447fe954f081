package org.portops.crane.split.solver;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import java.util.List;

/** The crane split as Timefold sees it: cranes and vessels as facts, one {@link CraneSlot} per crane and slot. */
@PlanningSolution
public class SplitSolution {
    @ProblemFactCollectionProperty
    private List<RailCrane> cranes;

    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<BerthedVessel> vessels;

    @PlanningEntityCollectionProperty
    private List<CraneSlot> slots;

    @PlanningScore
    private HardMediumSoftLongScore score;

    public SplitSolution() {
    }

    public SplitSolution(List<RailCrane> cranes, List<BerthedVessel> vessels, List<CraneSlot> slots) {
        this.cranes = cranes;
        this.vessels = vessels;
        this.slots = slots;
    }

    public List<RailCrane> getCranes() {
        return cranes;
    }

    public List<BerthedVessel> getVessels() {
        return vessels;
    }

    public List<CraneSlot> getSlots() {
        return slots;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
