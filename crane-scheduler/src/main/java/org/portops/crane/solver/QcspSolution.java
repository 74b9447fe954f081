package org.portops.crane.solver;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.portops.crane.qcsp.Precedence;
import org.portops.crane.qcsp.QcspInstance;

import java.util.List;

/** One vessel's quay crane scheduling problem and, once solved, its crane sequences. */
@PlanningSolution
public class QcspSolution {
    private QcspInstance instance;
    @ProblemFactCollectionProperty
    private List<Precedence> precedences;
    @ProblemFactCollectionProperty
    private List<CraneWindow> windows;
    @PlanningEntityCollectionProperty
    private List<PlannedCrane> cranes;
    @PlanningEntityCollectionProperty
    @ValueRangeProvider
    private List<PlannedTask> tasks;
    @PlanningScore
    private HardMediumSoftScore score;

    public QcspSolution() {
    }

    public QcspSolution(QcspInstance instance, List<PlannedCrane> cranes, List<PlannedTask> tasks) {
        this.instance = instance;
        this.precedences = instance.precedences();
        this.windows = instance.cranes().stream().flatMap(crane -> crane.standingWindows().stream()
                .map(window -> new CraneWindow(crane.number(), window))).toList();
        this.cranes = cranes;
        this.tasks = tasks;
    }

    public QcspInstance getInstance() {
        return instance;
    }

    public void setInstance(QcspInstance instance) {
        this.instance = instance;
    }

    public List<Precedence> getPrecedences() {
        return precedences;
    }

    public void setPrecedences(List<Precedence> precedences) {
        this.precedences = precedences;
    }

    public List<CraneWindow> getWindows() {
        return windows;
    }

    public void setWindows(List<CraneWindow> windows) {
        this.windows = windows;
    }

    public List<PlannedCrane> getCranes() {
        return cranes;
    }

    public void setCranes(List<PlannedCrane> cranes) {
        this.cranes = cranes;
    }

    public List<PlannedTask> getTasks() {
        return tasks;
    }

    public void setTasks(List<PlannedTask> tasks) {
        this.tasks = tasks;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }
}
