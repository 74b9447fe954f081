package org.portops.crane.berth.quay.solver;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.CountableValueRange;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeFactory;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * A vessel call as the solver sees it: where on the quay it lies (from metre), when it berths (minutes from the
 * problem's epoch) and how many cranes work it; its departure follows from its stay with those cranes. A vessel
 * already alongside is pinned. Each vessel carries its own value ranges: positions where it lies within the quay,
 * berthing times from its earliest over its horizon, 1 to its most cranes.
 */
@PlanningEntity
public class QuayVessel {
    @PlanningId
    private String call;
    private String name;
    private int length;
    private double beam;
    private double draft;
    private int eta;
    private int requested;
    /** The berthing time last published, or null: then there is nothing to keep stable. */
    private Integer published;
    /** Stay in minutes by crane count (index 0 unused). */
    private int[] stayByCranes;
    private int earliest;
    private int latest;
    private int timeStep;
    private int lastPosition;
    private int positionStep;
    @PlanningPin
    private boolean alongside;

    @PlanningVariable(valueRangeProviderRefs = "positions")
    private Integer position;
    @PlanningVariable(valueRangeProviderRefs = "berthingTimes")
    private Integer start;
    @PlanningVariable(valueRangeProviderRefs = "craneCounts")
    private Integer cranes;

    public QuayVessel() {
    }

    public QuayVessel(Dimensions dimensions, Times times, int[] stayByCranes, Grid grid, boolean alongside) {
        this.call = dimensions.call();
        this.name = dimensions.name();
        this.length = dimensions.length();
        this.beam = dimensions.beam();
        this.draft = dimensions.draft();
        this.eta = times.eta();
        this.requested = times.requested();
        this.published = times.published();
        this.earliest = times.earliest();
        this.latest = times.latest();
        this.stayByCranes = stayByCranes.clone();
        this.timeStep = grid.timeStep();
        this.lastPosition = grid.lastPosition();
        this.positionStep = grid.positionStep();
        this.alongside = alongside;
    }

    /** The vessel: call id, name, length in whole metres, beam and draft in metres. */
    public record Dimensions(String call, String name, int length, double beam, double draft) {
    }

    /** In minutes from the epoch: ETA, requested berthing, last published berthing (or null), earliest and latest berthing. */
    public record Times(int eta, int requested, Integer published, int earliest, int latest) {
    }

    /** The search grid: minutes between berthing times, the last from-metre within the quay, metres between positions. */
    public record Grid(int timeStep, int lastPosition, int positionStep) {
    }

    @ValueRangeProvider(id = "positions")
    public CountableValueRange<Integer> positions() {
        if (alongside) {
            return ValueRangeFactory.createIntValueRange(position, position + 1);
        }
        return grid(0, lastPosition, positionStep);
    }

    @ValueRangeProvider(id = "berthingTimes")
    public CountableValueRange<Integer> berthingTimes() {
        if (alongside) {
            return ValueRangeFactory.createIntValueRange(start, start + 1);
        }
        return grid(earliest, latest, timeStep);
    }

    /** from, from + step, ... up to last; Timefold wants the range's end a whole number of steps from its start. */
    private static CountableValueRange<Integer> grid(int from, int last, int step) {
        return ValueRangeFactory.createIntValueRange(from, from + ((last - from) / step + 1) * step, step);
    }

    @ValueRangeProvider(id = "craneCounts")
    public CountableValueRange<Integer> craneCounts() {
        return ValueRangeFactory.createIntValueRange(1, stayByCranes.length);
    }

    public int getEnd() {
        return start + stayByCranes[cranes];
    }

    public int getTo() {
        return position + length;
    }

    public int timeInPort() {
        return getEnd() - eta;
    }

    public int waiting() {
        return start - eta;
    }

    public int stay() {
        return stayByCranes[cranes];
    }

    public boolean alongsideTogether(QuayVessel other) {
        return start < other.getEnd() && other.start < getEnd();
    }

    /** Metres between the two vessels along the quay; negative where they overlap. */
    public int gapTo(QuayVessel other) {
        return Math.max(position, other.position) - Math.min(getTo(), other.getTo());
    }

    public int minutesTogether(QuayVessel other) {
        return Math.min(getEnd(), other.getEnd()) - Math.max(start, other.start);
    }

    public boolean workingAt(int minute) {
        return start <= minute && minute < getEnd();
    }

    public String getCall() {
        return call;
    }

    public String getName() {
        return name;
    }

    public int getLength() {
        return length;
    }

    public double getBeam() {
        return beam;
    }

    public double getDraft() {
        return draft;
    }

    public int getEta() {
        return eta;
    }

    public int getRequested() {
        return requested;
    }

    public Integer getPublished() {
        return published;
    }

    public boolean isAlongside() {
        return alongside;
    }

    public Integer getPosition() {
        return position;
    }

    public void setPosition(Integer position) {
        this.position = position;
    }

    public Integer getStart() {
        return start;
    }

    public void setStart(Integer start) {
        this.start = start;
    }

    public Integer getCranes() {
        return cranes;
    }

    public void setCranes(Integer cranes) {
        this.cranes = cranes;
    }

    @Override
    public String toString() {
        return call;
    }
}
