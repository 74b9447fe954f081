package org.portops.crane.dispatch.solver;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPinToIndex;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import org.portops.crane.dispatch.DispatchProblem;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;

import java.util.ArrayList;
import java.util.List;

/**
 * A vehicle as the solver sees it: the planning variable is its ordered job list. The first {@code pinnedCount}
 * jobs are dispatched or in progress: Timefold never moves them, and never inserts before them.
 */
@PlanningEntity
public class PlannedVehicle {
    @PlanningId
    private Integer index;
    private DispatchProblem.Car car;
    @PlanningPinToIndex
    private int pinnedCount;

    @PlanningListVariable
    private List<PlannedJob> jobs = new ArrayList<>();

    public PlannedVehicle() {
    }

    public PlannedVehicle(DispatchProblem.Car car) {
        this.index = car.index();
        this.car = car;
        this.pinnedCount = car.committed().size();
    }

    public EquipmentId id() {
        return car.vehicle().id();
    }

    public EquipmentKind kind() {
        return car.vehicle().kind();
    }

    /** The point the vehicle starts from, as an index into the problem's points. */
    public int start() {
        return car.start();
    }

    /** Seconds from the epoch when it is free to start its first job. */
    public int availableAt() {
        return car.availableAt();
    }

    public Integer getIndex() {
        return index;
    }

    public void setIndex(Integer index) {
        this.index = index;
    }

    public DispatchProblem.Car getCar() {
        return car;
    }

    public void setCar(DispatchProblem.Car car) {
        this.car = car;
    }

    public int getPinnedCount() {
        return pinnedCount;
    }

    public void setPinnedCount(int pinnedCount) {
        this.pinnedCount = pinnedCount;
    }

    public List<PlannedJob> getJobs() {
        return jobs;
    }

    public void setJobs(List<PlannedJob> jobs) {
        this.jobs = jobs;
    }

    @Override
    public String toString() {
        return car.vehicle().id().value();
    }
}
