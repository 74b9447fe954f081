package org.portops.crane.dispatch.solver;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.portops.crane.dispatch.DispatchProblem;

import java.util.List;

/** The vehicles' job lists within the horizon and, once solved, their score. */
@PlanningSolution
public class DispatchSolution {
    private DispatchProblem problem;
    @PlanningEntityCollectionProperty
    private List<PlannedVehicle> vehicles;
    @PlanningEntityCollectionProperty
    @ValueRangeProvider
    private List<PlannedJob> jobs;
    @PlanningScore
    private HardSoftLongScore score;

    public DispatchSolution() {
    }

    public DispatchSolution(DispatchProblem problem, List<PlannedVehicle> vehicles, List<PlannedJob> jobs) {
        this.problem = problem;
        this.vehicles = vehicles;
        this.jobs = jobs;
    }

    public DispatchProblem getProblem() {
        return problem;
    }

    public void setProblem(DispatchProblem problem) {
        this.problem = problem;
    }

    public List<PlannedVehicle> getVehicles() {
        return vehicles;
    }

    public void setVehicles(List<PlannedVehicle> vehicles) {
        this.vehicles = vehicles;
    }

    public List<PlannedJob> getJobs() {
        return jobs;
    }

    public void setJobs(List<PlannedJob> jobs) {
        this.jobs = jobs;
    }

    public HardSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardSoftLongScore score) {
        this.score = score;
    }
}
