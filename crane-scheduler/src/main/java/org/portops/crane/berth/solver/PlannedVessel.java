package org.portops.crane.berth.solver;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PiggybackShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.ShadowVariable;

import java.util.Arrays;

/**
 * A vessel as the solver sees it: an element of a berth's list. Its berthing and departure times are shadow
 * variables that {@link BerthingTimeListener} keeps in step with the berth's order.
 */
@PlanningEntity
public class PlannedVessel {
    @PlanningId
    private Integer number;
    private int arrival;
    private int latestDeparture;
    /** Handling time by berth number (index 0 unused); 0 where the vessel is not allowed. */
    private int[] handlingTimes;
    private int longestHandlingTime;

    @InverseRelationShadowVariable(sourceVariableName = "vessels")
    private PlannedBerth berth;
    @PreviousElementShadowVariable(sourceVariableName = "vessels")
    private PlannedVessel previous;
    @ShadowVariable(variableListenerClass = BerthingTimeListener.class, sourceEntityClass = PlannedBerth.class,
            sourceVariableName = "vessels")
    private Integer start;
    @PiggybackShadowVariable(shadowVariableName = "start")
    private Integer end;

    public PlannedVessel() {
    }

    /** {@code handlingTimes}: by berth number (index 0 unused), 0 where the vessel is not allowed. */
    public PlannedVessel(int number, int arrival, int latestDeparture, int[] handlingTimes) {
        this.number = number;
        this.arrival = arrival;
        this.latestDeparture = latestDeparture;
        this.handlingTimes = handlingTimes.clone();
        this.longestHandlingTime = Arrays.stream(handlingTimes).max().orElse(0);
    }

    public boolean allowedAt(PlannedBerth berth) {
        return berth.getNumber() < handlingTimes.length && handlingTimes[berth.getNumber()] > 0;
    }

    /** How long the vessel stays at {@code berth}: its handling time there, its longest where it is not allowed. */
    public int stayAt(PlannedBerth berth) {
        return allowedAt(berth) ? handlingTimes[berth.getNumber()] : longestHandlingTime;
    }

    public boolean isPlaced() {
        return berth != null && end != null;
    }

    public int waitingTime() {
        return start - arrival;
    }

    public int serviceTime() {
        return end - arrival;
    }

    void setTimes(Integer start, Integer end) {
        this.start = start;
        this.end = end;
    }

    public Integer getNumber() {
        return number;
    }

    public void setNumber(Integer number) {
        this.number = number;
    }

    public int getArrival() {
        return arrival;
    }

    public void setArrival(int arrival) {
        this.arrival = arrival;
    }

    public int getLatestDeparture() {
        return latestDeparture;
    }

    public void setLatestDeparture(int latestDeparture) {
        this.latestDeparture = latestDeparture;
    }

    public int[] getHandlingTimes() {
        return handlingTimes;
    }

    public void setHandlingTimes(int[] handlingTimes) {
        this.handlingTimes = handlingTimes;
        this.longestHandlingTime = Arrays.stream(handlingTimes).max().orElse(0);
    }

    public PlannedBerth getBerth() {
        return berth;
    }

    public void setBerth(PlannedBerth berth) {
        this.berth = berth;
    }

    public PlannedVessel getPrevious() {
        return previous;
    }

    public void setPrevious(PlannedVessel previous) {
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
        return "vessel " + number;
    }
}
