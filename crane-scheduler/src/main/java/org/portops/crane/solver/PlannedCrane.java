package org.portops.crane.solver;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPinToIndex;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;

import java.util.ArrayList;
import java.util.List;

/**
 * A quay crane as the solver sees it: the planning variable is its ordered task list, whose first
 * {@code pinnedCount} tasks (started before a re-plan) the solver never moves.
 */
@PlanningEntity
public class PlannedCrane {
    @PlanningId
    private Integer number;
    private int readyTime;
    private int initialBay;
    private int lowestBay;
    private int highestBay;
    private int travelTimePerBay;
    private int clearance;
    private int outOfServiceFrom = Integer.MAX_VALUE;
    @PlanningPinToIndex
    private int pinnedCount;

    @PlanningListVariable
    private List<PlannedTask> tasks = new ArrayList<>();

    public PlannedCrane() {
    }

    public PlannedCrane(int number, int readyTime, int initialBay, BayRange reach, QuayRules rules) {
        this.number = number;
        this.readyTime = readyTime;
        this.initialBay = initialBay;
        this.lowestBay = reach.lowest();
        this.highestBay = reach.highest();
        this.travelTimePerBay = rules.travelTimePerBay();
        this.clearance = rules.clearance();
    }

    /** The bays this crane can stand at while its neighbours keep their safety margin on the rail. */
    public record BayRange(int lowest, int highest) {
    }

    /** Travel time per bay and the clearance (safety margin + 1) cranes keep between them. */
    public record QuayRules(int travelTimePerBay, int clearance) {
    }

    /** Whether a task starting at {@code start} comes after the crane went out of service. */
    public boolean outOfServiceAt(int start) {
        return start >= outOfServiceFrom;
    }

    public int getOutOfServiceFrom() {
        return outOfServiceFrom;
    }

    public void setOutOfServiceFrom(int outOfServiceFrom) {
        this.outOfServiceFrom = outOfServiceFrom;
    }

    public int getPinnedCount() {
        return pinnedCount;
    }

    public void setPinnedCount(int pinnedCount) {
        this.pinnedCount = pinnedCount;
    }

    public boolean reaches(int bay) {
        return bay >= lowestBay && bay <= highestBay;
    }

    /** How many bays {@code bay} lies outside this crane's reach, 0 inside. */
    public int baysOutOfReach(int bay) {
        return Math.max(0, lowestBay - bay) + Math.max(0, bay - highestBay);
    }

    public Integer getNumber() {
        return number;
    }

    public void setNumber(Integer number) {
        this.number = number;
    }

    public int getReadyTime() {
        return readyTime;
    }

    public void setReadyTime(int readyTime) {
        this.readyTime = readyTime;
    }

    public int getInitialBay() {
        return initialBay;
    }

    public void setInitialBay(int initialBay) {
        this.initialBay = initialBay;
    }

    public int getLowestBay() {
        return lowestBay;
    }

    public void setLowestBay(int lowestBay) {
        this.lowestBay = lowestBay;
    }

    public int getHighestBay() {
        return highestBay;
    }

    public void setHighestBay(int highestBay) {
        this.highestBay = highestBay;
    }

    public int getTravelTimePerBay() {
        return travelTimePerBay;
    }

    public void setTravelTimePerBay(int travelTimePerBay) {
        this.travelTimePerBay = travelTimePerBay;
    }

    public int getClearance() {
        return clearance;
    }

    public void setClearance(int clearance) {
        this.clearance = clearance;
    }

    public List<PlannedTask> getTasks() {
        return tasks;
    }

    public void setTasks(List<PlannedTask> tasks) {
        this.tasks = tasks;
    }

    @Override
    public String toString() {
        return "crane " + number;
    }
}
