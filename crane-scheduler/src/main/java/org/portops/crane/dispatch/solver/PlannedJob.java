package org.portops.crane.dispatch.solver;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PiggybackShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.ShadowVariable;
import org.portops.crane.dispatch.DispatchProblem;
import org.portops.crane.dispatch.TransportJob;
import org.portops.crane.dispatch.TransportJobId;

/**
 * A transport job as the solver sees it: an element of a vehicle's job list. Its times are shadow variables that
 * {@link TripListener} computes along the vehicle's list whenever it changes.
 */
@PlanningEntity
public class PlannedJob {
    @PlanningId
    private Integer index;
    private DispatchProblem.Job spec;

    @InverseRelationShadowVariable(sourceVariableName = "jobs")
    private PlannedVehicle vehicle;
    @PreviousElementShadowVariable(sourceVariableName = "jobs")
    private PlannedJob previous;
    @ShadowVariable(variableListenerClass = TripListener.class, sourceEntityClass = PlannedVehicle.class,
            sourceVariableName = "jobs")
    private Integer end;
    @PiggybackShadowVariable(shadowVariableName = "end")
    private Integer emptyDrive;
    @PiggybackShadowVariable(shadowVariableName = "end")
    private Integer lateness;

    public PlannedJob() {
    }

    public PlannedJob(DispatchProblem.Job spec) {
        this.index = spec.index();
        this.spec = spec;
    }

    /** Sets the times {@link Trip} computed; all null when the job is not on any vehicle. */
    void times(Integer emptyDrive, Integer lateness, Integer end) {
        this.emptyDrive = emptyDrive;
        this.lateness = lateness;
        this.end = end;
    }

    public TransportJob job() {
        return spec.job();
    }

    public TransportJobId id() {
        return spec.job().id();
    }

    public boolean servesCrane() {
        return spec.job().servesCrane();
    }

    public boolean isPlanned() {
        return vehicle != null && end != null;
    }

    public Integer getIndex() {
        return index;
    }

    public void setIndex(Integer index) {
        this.index = index;
    }

    public DispatchProblem.Job getSpec() {
        return spec;
    }

    public void setSpec(DispatchProblem.Job spec) {
        this.spec = spec;
    }

    public PlannedVehicle getVehicle() {
        return vehicle;
    }

    public void setVehicle(PlannedVehicle vehicle) {
        this.vehicle = vehicle;
    }

    /** Seconds from the epoch when the vehicle is free again after this job. */
    public Integer getEnd() {
        return end;
    }

    public void setEnd(Integer end) {
        this.end = end;
    }

    public PlannedJob getPrevious() {
        return previous;
    }

    public void setPrevious(PlannedJob previous) {
        this.previous = previous;
    }

    /** Where the vehicle drives empty from to this job's pickup: the previous job's drop, or where it stands. */
    public String emptyFromLabel() {
        return previous != null ? previous.job().drop().label() : vehicle.getCar().vehicle().position().label();
    }

    /** Seconds of empty driving to this job's pickup. */
    public Integer getEmptyDrive() {
        return emptyDrive;
    }

    public void setEmptyDrive(Integer emptyDrive) {
        this.emptyDrive = emptyDrive;
    }

    /** Seconds after its due time the job meets the crane (or, for a yard shift, is done); 0 when on time. */
    public Integer getLateness() {
        return lateness;
    }

    public void setLateness(Integer lateness) {
        this.lateness = lateness;
    }

    @Override
    public String toString() {
        return spec.job().id().value();
    }
}
