package org.portops.crane.dispatch.solver;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream;
import org.portops.crane.dispatch.DispatchJustification;

/**
 * The dispatch constraints. Hard: a vehicle only takes jobs its kind can carry. Soft, all on one level so they
 * trade off against each other in seconds of crane time: crane waiting dominates (a waiting quay crane idles the
 * vessel), then a fixed price for moving published work to another vehicle (drivers have been told; a re-plan must
 * gain more than that to reassign), then empty driving and late yard shifts.
 */
public final class DispatchConstraintProvider implements ConstraintProvider {
    public static final String VEHICLE_CAN_CARRY = "Vehicle can carry the job";
    public static final String CRANE_WAITING = "Crane waiting";
    public static final String PLAN_STABILITY = "Plan stability";
    public static final String EMPTY_DRIVING = "Empty driving";
    public static final String YARD_SHIFT_LATE = "Yard shift late";

    /** Soft points per second a quay crane waits for its vehicle. */
    public static final long CRANE_WAIT_WEIGHT = 10;
    /** Soft points for a job planned on another vehicle than published: as much as 30 s of crane waiting. */
    public static final long REASSIGNMENT_COST = 300;
    /** Soft points per second of empty driving. */
    public static final long EMPTY_DRIVE_WEIGHT = 1;
    /** Soft points per second a yard shift finishes late. */
    public static final long YARD_SHIFT_LATE_WEIGHT = 1;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                vehicleCanCarry(factory),
                craneWaiting(factory),
                planStability(factory),
                emptyDriving(factory),
                yardShiftLate(factory)
        };
    }

    Constraint vehicleCanCarry(ConstraintFactory factory) {
        return planned(factory)
                .filter(job -> !job.job().carriers().contains(job.getVehicle().kind()))
                .penalizeLong(HardSoftLongScore.ONE_HARD)
                .justifyWith((job, score) -> new DispatchJustification.CannotCarry(job.id(), job.getVehicle().id(),
                        job.getVehicle().kind(), job.job().carriers()))
                .asConstraint(VEHICLE_CAN_CARRY);
    }

    Constraint craneWaiting(ConstraintFactory factory) {
        return planned(factory)
                .filter(job -> job.servesCrane() && job.getLateness() > 0)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, job -> CRANE_WAIT_WEIGHT * job.getLateness())
                .justifyWith((job, score) -> new DispatchJustification.CraneWaits(job.id(), job.getVehicle().id(),
                        job.job().craneMove(), job.getLateness()))
                .asConstraint(CRANE_WAITING);
    }

    Constraint planStability(ConstraintFactory factory) {
        return planned(factory)
                .filter(job -> job.getSpec().previousVehicle() != null
                        && !job.getSpec().previousVehicle().equals(job.getVehicle().id()))
                .penalizeLong(HardSoftLongScore.ONE_SOFT, job -> REASSIGNMENT_COST)
                .justifyWith((job, score) -> new DispatchJustification.Reassigned(job.id(),
                        job.getSpec().previousVehicle(), job.getVehicle().id()))
                .asConstraint(PLAN_STABILITY);
    }

    Constraint emptyDriving(ConstraintFactory factory) {
        return planned(factory)
                .filter(job -> job.getEmptyDrive() > 0)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, job -> EMPTY_DRIVE_WEIGHT * job.getEmptyDrive())
                .justifyWith((job, score) -> new DispatchJustification.EmptyDrive(job.id(), job.getVehicle().id(),
                        job.emptyFromLabel(), job.job().pickup().label(), job.getEmptyDrive()))
                .asConstraint(EMPTY_DRIVING);
    }

    Constraint yardShiftLate(ConstraintFactory factory) {
        return planned(factory)
                .filter(job -> !job.servesCrane() && job.getLateness() > 0)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, job -> YARD_SHIFT_LATE_WEIGHT * job.getLateness())
                .justifyWith((job, score) -> new DispatchJustification.YardShiftLate(job.id(), job.getVehicle().id(),
                        job.getLateness()))
                .asConstraint(YARD_SHIFT_LATE);
    }

    private static UniConstraintStream<PlannedJob> planned(ConstraintFactory factory) {
        return factory.forEach(PlannedJob.class).filter(PlannedJob::isPlanned);
    }
}
