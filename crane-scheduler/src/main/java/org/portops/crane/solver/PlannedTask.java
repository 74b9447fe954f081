package org.portops.crane.solver;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PiggybackShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.ShadowVariable;

/**
 * A task as the solver sees it: an element of a crane's task list. Its start and end are shadow variables that
 * {@link ScheduleListener} computes for the whole vessel whenever any crane's list changes.
 */
@PlanningEntity
public class PlannedTask {
    @PlanningId
    private Integer number;
    private int bay;
    private int processingTime;

    @InverseRelationShadowVariable(sourceVariableName = "tasks")
    private PlannedCrane crane;
    @PreviousElementShadowVariable(sourceVariableName = "tasks")
    private PlannedTask previous;
    @ShadowVariable(variableListenerClass = ScheduleListener.class, sourceEntityClass = PlannedCrane.class,
            sourceVariableName = "tasks")
    private Integer start;
    @PiggybackShadowVariable(shadowVariableName = "start")
    private Integer end;

    public PlannedTask() {
    }

    public PlannedTask(int number, int bay, int processingTime) {
        this.number = number;
        this.bay = bay;
        this.processingTime = processingTime;
    }

    public boolean isScheduled() {
        return crane != null && start != null;
    }

    /** Time the crane spends moving from its previous stop (the initial bay for its first task) to this bay. */
    public int travelTime() {
        int from = previous != null ? previous.bay : crane.getInitialBay();
        return crane.getTravelTimePerBay() * Math.abs(bay - from);
    }

    /** Time the crane stands still before this task after arriving at its bay: waiting for room or predecessors. */
    public int waitingTime() {
        int free = previous != null ? previous.end : crane.getReadyTime();
        return start - free - travelTime();
    }

    public Integer getNumber() {
        return number;
    }

    public void setNumber(Integer number) {
        this.number = number;
    }

    public int getBay() {
        return bay;
    }

    public void setBay(int bay) {
        this.bay = bay;
    }

    public int getProcessingTime() {
        return processingTime;
    }

    public void setProcessingTime(int processingTime) {
        this.processingTime = processingTime;
    }

    public PlannedCrane getCrane() {
        return crane;
    }

    public void setCrane(PlannedCrane crane) {
        this.crane = crane;
    }

    public PlannedTask getPrevious() {
        return previous;
    }

    public void setPrevious(PlannedTask previous) {
        this.previous = previous;
    }

    public Integer getStart() {
        return start;
    }

    public void setStart(Integer start) {
        this.start = start;
    }

    public Integer getEnd() {
        return end;
    }

    public void setEnd(Integer end) {
        this.end = end;
    }

    @Override
    public String toString() {
        return "task " + number;
    }
}
