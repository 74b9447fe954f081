package org.portops.crane.berth.solver;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;

import java.util.List;

/** A berth allocation problem and, once solved, the order of vessels at each berth. */
@PlanningSolution
public class BerthSolution {
    @PlanningEntityCollectionProperty
    private List<PlannedBerth> berths;
    @PlanningEntityCollectionProperty
    @ValueRangeProvider
    private List<PlannedVessel> vessels;
    @PlanningScore
    private HardSoftScore score;

    public BerthSolution() {
    }

    public BerthSolution(List<PlannedBerth> berths, List<PlannedVessel> vessels) {
        this.berths = berths;
        this.vessels = vessels;
    }

    public List<PlannedBerth> getBerths() {
        return berths;
    }

    public void setBerths(List<PlannedBerth> berths) {
        this.berths = berths;
    }

    public List<PlannedVessel> getVessels() {
        return vessels;
    }

    public void setVessels(List<PlannedVessel> vessels) {
        this.vessels = vessels;
    }

    public HardSoftScore getScore() {
        return score;
    }

    public void setScore(HardSoftScore score) {
        this.score = score;
    }
}
