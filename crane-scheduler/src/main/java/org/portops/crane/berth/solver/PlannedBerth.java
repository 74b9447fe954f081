package org.portops.crane.berth.solver;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;

import java.util.ArrayList;
import java.util.List;

/** A berth as the solver sees it: the planning variable is the order in which vessels lie alongside it. */
@PlanningEntity
public class PlannedBerth {
    @PlanningId
    private Integer number;
    private int opens;
    private int closes;

    @PlanningListVariable
    private List<PlannedVessel> vessels = new ArrayList<>();

    public PlannedBerth() {
    }

    public PlannedBerth(int number, int opens, int closes) {
        this.number = number;
        this.opens = opens;
        this.closes = closes;
    }

    public Integer getNumber() {
        return number;
    }

    public void setNumber(Integer number) {
        this.number = number;
    }

    public int getOpens() {
        return opens;
    }

    public void setOpens(int opens) {
        this.opens = opens;
    }

    public int getCloses() {
        return closes;
    }

    public void setCloses(int closes) {
        this.closes = closes;
    }

    public List<PlannedVessel> getVessels() {
        return vessels;
    }

    public void setVessels(List<PlannedVessel> vessels) {
        this.vessels = vessels;
    }

    @Override
    public String toString() {
        return "berth " + number;
    }
}
