package org.portops.yard.slot.solver;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;
import java.util.List;

/** The containers of one allocation decision; the rest of the yard is in their options' facts. */
@PlanningSolution
public class SlotSolution {
    @PlanningEntityCollectionProperty
    private List<ArrivingContainer> arrivals;

    @PlanningScore
    private HardSoftScore score;

    public SlotSolution() {
    }

    public SlotSolution(List<ArrivingContainer> arrivals) {
        this.arrivals = arrivals;
    }

    public List<ArrivingContainer> getArrivals() {
        return arrivals;
    }

    public HardSoftScore getScore() {
        return score;
    }

    public void setScore(HardSoftScore score) {
        this.score = score;
    }
}
