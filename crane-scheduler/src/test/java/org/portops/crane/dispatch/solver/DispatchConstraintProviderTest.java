package org.portops.crane.dispatch.solver;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.junit.jupiter.api.Test;
import org.portops.crane.dispatch.DispatchProblem;
import org.portops.crane.dispatch.Jobs;
import org.portops.crane.dispatch.TransportJob;
import org.portops.crane.dispatch.TransportJobId;
import org.portops.crane.dispatch.Vehicle;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.work.MoveKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.crane.dispatch.Jobs.bay;
import static org.portops.crane.dispatch.Jobs.underCrane;

/** Every constraint on hand-set job lists and shadow times (the listener has its own tests through the solver). */
class DispatchConstraintProviderTest {
    private final ConstraintVerifier<DispatchConstraintProvider, DispatchSolution> verifier = ConstraintVerifier.build(
            new DispatchConstraintProvider(), DispatchSolution.class, PlannedVehicle.class, PlannedJob.class);

    private final PlannedVehicle tractor = vehicle(0, "TT001", EquipmentKind.TERMINAL_TRACTOR);
    private final PlannedVehicle straddle = vehicle(1, "SC001", EquipmentKind.STRADDLE_CARRIER);
    private int nextIndex;

    private static PlannedVehicle vehicle(int index, String id, EquipmentKind kind) {
        return new PlannedVehicle(new DispatchProblem.Car(index,
                Vehicle.idle(new EquipmentId(id), kind, bay("A01", 1), Jobs.T0), 0, 0, List.of(), List.of()));
    }

    private static TransportJob discharge(String id, Set<EquipmentKind> carriers) {
        TransportJob job = Jobs.discharge(id, underCrane("QC03", 400), 17, bay("A02", 5), 300);
        return new TransportJob(job.id(), job.container(), job.kind(), job.pickup(), job.drop(), job.craneMove(),
                job.due(), job.yardHandling(), carriers);
    }

    /** A job appended to {@code vehicle}'s list with the given shadow values. */
    private PlannedJob planned(PlannedVehicle vehicle, TransportJob transport, String previousVehicle, int emptyDrive,
                               int lateness) {
        PlannedJob job = new PlannedJob(new DispatchProblem.Job(nextIndex++, transport, 0, 1, 300, 60,
                previousVehicle == null ? null : new EquipmentId(previousVehicle)));
        List<PlannedJob> jobs = new ArrayList<>(vehicle.getJobs());
        job.setVehicle(vehicle);
        job.setPrevious(jobs.isEmpty() ? null : jobs.getLast());
        job.setEmptyDrive(emptyDrive);
        job.setLateness(lateness);
        job.setEnd(600);
        jobs.add(job);
        vehicle.setJobs(jobs);
        return job;
    }

    private PlannedJob discharge(PlannedVehicle vehicle, int emptyDrive, int lateness) {
        return planned(vehicle, Jobs.discharge("D" + nextIndex, underCrane("QC03", 400), 17, bay("A02", 5), 300),
                null, emptyDrive, lateness);
    }

    private PlannedJob yardShift(PlannedVehicle vehicle, int lateness) {
        return planned(vehicle, Jobs.yardShift("Y" + nextIndex, bay("A02", 5), bay("B02", 9), 300), null, 0, lateness);
    }

    @Test
    void vehicleCanCarryPenalisesEachJobOnAVehicleOfAnotherKind() {
        PlannedJob first = planned(tractor, discharge("D1", Set.of(EquipmentKind.STRADDLE_CARRIER)), null, 0, 0);
        PlannedJob second = planned(tractor, discharge("D2", Set.of(EquipmentKind.AGV)), null, 0, 0);

        verifier.verifyThat(DispatchConstraintProvider::vehicleCanCarry).given(tractor, first, second).penalizesBy(2);
    }

    @Test
    void vehicleCanCarryAcceptsAJobOnOneOfItsKinds() {
        PlannedJob job = planned(straddle, discharge("D1",
                Set.of(EquipmentKind.TERMINAL_TRACTOR, EquipmentKind.STRADDLE_CARRIER)), null, 0, 0);

        verifier.verifyThat(DispatchConstraintProvider::vehicleCanCarry).given(straddle, job).penalizesBy(0);
    }

    @Test
    void vehicleCanCarryTellsApartKindsOfAMixedFleet() {
        Set<EquipmentKind> tractorsOnly = Set.of(EquipmentKind.TERMINAL_TRACTOR);
        PlannedJob onTractor = planned(tractor, discharge("D1", tractorsOnly), null, 0, 0);
        PlannedJob onStraddle = planned(straddle, discharge("D2", tractorsOnly), null, 0, 0);

        verifier.verifyThat(DispatchConstraintProvider::vehicleCanCarry)
                .given(tractor, straddle, onTractor, onStraddle).penalizesBy(1);
    }

    @Test
    void craneWaitingPenalisesTenPointsPerSecondLate() {
        PlannedJob late = discharge(tractor, 30, 40);

        verifier.verifyThat(DispatchConstraintProvider::craneWaiting).given(tractor, late).penalizesBy(400);
    }

    @Test
    void craneWaitingAcceptsAVehicleOnTheDot() {
        PlannedJob onTime = discharge(tractor, 30, 0);

        verifier.verifyThat(DispatchConstraintProvider::craneWaiting).given(tractor, onTime).penalizesBy(0);
    }

    @Test
    void craneWaitingCountsOneSecondLateButNotALateYardShift() {
        PlannedJob justLate = discharge(tractor, 30, 1);
        PlannedJob lateShift = yardShift(tractor, 500);

        verifier.verifyThat(DispatchConstraintProvider::craneWaiting).given(tractor, justLate, lateShift)
                .penalizesBy(10);
    }

    @Test
    void planStabilityPenalisesAJobMovedOffItsPublishedVehicle() {
        PlannedJob moved = planned(straddle, Jobs.discharge("D1", underCrane("QC03", 400), 17, bay("A02", 5), 300),
                "TT001", 0, 0);

        verifier.verifyThat(DispatchConstraintProvider::planStability).given(straddle, moved)
                .penalizesBy((int) DispatchConstraintProvider.REASSIGNMENT_COST);
    }

    @Test
    void planStabilityAcceptsAJobOnItsPublishedVehicle() {
        PlannedJob kept = planned(tractor, Jobs.discharge("D1", underCrane("QC03", 400), 17, bay("A02", 5), 300),
                "TT001", 0, 0);

        verifier.verifyThat(DispatchConstraintProvider::planStability).given(tractor, kept).penalizesBy(0);
    }

    @Test
    void planStabilityIgnoresANewJob() {
        PlannedJob fresh = discharge(straddle, 0, 0);

        verifier.verifyThat(DispatchConstraintProvider::planStability).given(straddle, fresh).penalizesBy(0);
    }

    @Test
    void emptyDrivingPenalisesEverySecondDrivenEmpty() {
        PlannedJob first = discharge(tractor, 45, 0);
        PlannedJob second = discharge(tractor, 12, 0);

        verifier.verifyThat(DispatchConstraintProvider::emptyDriving).given(tractor, first, second).penalizesBy(57);
    }

    @Test
    void emptyDrivingAcceptsAPickupWhereTheVehicleStands() {
        PlannedJob here = discharge(tractor, 0, 0);

        verifier.verifyThat(DispatchConstraintProvider::emptyDriving).given(tractor, here).penalizesBy(0);
    }

    @Test
    void emptyDrivingCountsASingleSecond() {
        PlannedJob near = discharge(tractor, 1, 0);

        verifier.verifyThat(DispatchConstraintProvider::emptyDriving).given(tractor, near).penalizesBy(1);
    }

    @Test
    void yardShiftLatePenalisesEverySecondPastItsDueTime() {
        PlannedJob late = yardShift(tractor, 90);

        verifier.verifyThat(DispatchConstraintProvider::yardShiftLate).given(tractor, late).penalizesBy(90);
    }

    @Test
    void yardShiftLateAcceptsAShiftDoneOnTime() {
        PlannedJob onTime = yardShift(tractor, 0);

        verifier.verifyThat(DispatchConstraintProvider::yardShiftLate).given(tractor, onTime).penalizesBy(0);
    }

    @Test
    void yardShiftLateLeavesLateCraneMovesToCraneWaiting() {
        PlannedJob craneLate = discharge(tractor, 0, 40);
        PlannedJob justLate = yardShift(tractor, 1);

        verifier.verifyThat(DispatchConstraintProvider::yardShiftLate).given(tractor, craneLate, justLate)
                .penalizesBy(1);
    }

    @Test
    void unplannedJobsAreNotScored() {
        PlannedJob unplanned = new PlannedJob(new DispatchProblem.Job(99,
                discharge("D9", Set.of(EquipmentKind.AGV)), 0, 1, 300, 60, new EquipmentId("TT001")));

        verifier.verifyThat().given(tractor, unplanned).scores(HardSoftLongScore.ZERO);
    }

    @Test
    void aLoadIsAlsoACraneMove() {
        PlannedJob load = planned(tractor, Jobs.load("L1", bay("A02", 5), underCrane("QC03", 400), 18, 300),
                null, 0, 25);

        verifier.verifyThat(DispatchConstraintProvider::craneWaiting).given(tractor, load).penalizesBy(250);
        assertThat(load.job().kind()).isEqualTo(MoveKind.LOAD);
        assertThat(load.id()).isEqualTo(new TransportJobId("L1"));
    }
}
