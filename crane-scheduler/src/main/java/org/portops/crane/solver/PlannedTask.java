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
    @PiggybackShadowVariable(shadowVariableName = "start")
    private Integer travelTime;
    @PiggybackShadowVariable(shadowVariableName = "start")
    private Integer waitingTime;

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

    /**
     * Sets the times the decoder computed. Travel and waiting are kept as shadow values, not derived on demand,
     * because they depend on the previous task's end: a task whose own start stays put must still be re-scored
     * when its predecessor in the crane's list moves.
     */
    void schedule(Integer start, Integer end, Integer travelTime, Integer waitingTime) {
        this.start = start;
        this.end = end;
        this.travelTime = travelTime;
        this.waitingTime = waitingTime;
    }

    /** The bay the crane comes from: the previous task's, or its initial bay for its first task. */
    public int fromBay() {
        return previous != null ? previous.bay : crane.getInitialBay();
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

    /** The task's work at nominal productivity; its time on a crane is {@link #getEnd()} - {@link #getStart()}. */
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

    /** Time the crane spends moving from its previous stop (the initial bay for its first task) to this bay. */
    public Integer getTravelTime() {
        return travelTime;
    }

    public void setTravelTime(Integer travelTime) {
        this.travelTime = travelTime;
    }

    /** Time the crane stands idle before the task, waiting for room or for a predecessor (its windows not counted). */
    public Integer getWaitingTime() {
        return waitingTime;
    }

    public void setWaitingTime(Integer waitingTime) {
        this.waitingTime = waitingTime;
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
