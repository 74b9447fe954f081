package org.portops.crane.dispatch;

import org.junit.jupiter.api.Test;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.layout.TerminalLayoutLoader;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portops.crane.dispatch.Jobs.T0;
import static org.portops.crane.dispatch.Jobs.bay;
import static org.portops.crane.dispatch.Jobs.discharge;
import static org.portops.crane.dispatch.Jobs.underCrane;

class DispatchProblemTest {
    private final LaneNetwork lanes = new LaneNetwork(TerminalLayoutLoader.sample());
    private final HandoverPoint.UnderCrane qc03 = underCrane("QC03", 400);
    private final TransportJob early = discharge("D1", qc03, 1, bay("A02", 5), 300);
    private final TransportJob late = discharge("D2", qc03, 2, bay("A02", 9), 3_600);
    private final TransportJob edge = discharge("D3", qc03, 3, bay("A02", 12), 1_800);

    @Test
    void plansJobsDueBeforeTheHorizonEndsAndCommittedOnesAndDefersTheRest() {
        Vehicle busy = new Vehicle(new EquipmentId("TT001"), EquipmentKind.TERMINAL_TRACTOR, qc03, T0,
                List.of(late.id()));
        DispatchProblem problem = DispatchProblem.of(new DispatchRequest(T0, List.of(early, late, edge),
                List.of(busy), PublishedPlan.NONE), Duration.ofMinutes(30), lanes);

        assertThat(problem.jobs()).extracting(job -> job.job().id().value()).containsExactly("D1", "D2");
        assertThat(problem.deferred()).extracting(job -> job.id().value()).containsExactly("D3");
        assertThat(problem.job(early.id()).orElseThrow().due()).isEqualTo(300);
    }

    @Test
    void aVehicleOnCommittedWorkKeepsItsPastDepartureAndAnIdleOneIsFreeNow() {
        Vehicle underWay = new Vehicle(new EquipmentId("TT001"), EquipmentKind.TERMINAL_TRACTOR, bay("A02", 30),
                T0.minusSeconds(60), List.of(early.id()));
        Vehicle idle = Vehicle.idle(new EquipmentId("TT002"), EquipmentKind.TERMINAL_TRACTOR, qc03,
                T0.minusSeconds(600));
        DispatchProblem problem = DispatchProblem.of(new DispatchRequest(T0, List.of(early), List.of(underWay, idle),
                PublishedPlan.NONE), Duration.ofMinutes(30), lanes);

        assertThat(problem.cars()).extracting(DispatchProblem.Car::availableAt).containsExactly(-60, 0);
    }

    @Test
    void startsFromThePublishedRouteAfterTheCommittedJobsAndRemembersThePublishedVehicle() {
        Vehicle first = new Vehicle(new EquipmentId("TT001"), EquipmentKind.TERMINAL_TRACTOR, qc03, T0,
                List.of(early.id()));
        Vehicle second = Vehicle.idle(new EquipmentId("TT002"), EquipmentKind.TERMINAL_TRACTOR, qc03, T0);
        PublishedPlan published = new PublishedPlan(Map.of(
                new EquipmentId("TT001"), List.of(early.id(), edge.id()),
                new EquipmentId("TT009"), List.of(late.id())));
        DispatchProblem problem = DispatchProblem.of(new DispatchRequest(T0, List.of(early, late, edge),
                List.of(first, second), published), Duration.ofHours(2), lanes);

        DispatchProblem.Car car = problem.cars().getFirst();
        assertThat(car.committed()).containsExactly(problem.job(early.id()).orElseThrow().index());
        assertThat(car.warmStart()).containsExactly(problem.job(edge.id()).orElseThrow().index());
        assertThat(problem.job(edge.id()).orElseThrow().previousVehicle()).isEqualTo(new EquipmentId("TT001"));
        // TT009 is not in the request any more: moving its job costs nothing
        assertThat(problem.job(late.id()).orElseThrow().previousVehicle()).isNull();
    }

    @Test
    void refusesSettingsWithTheTimeLimitsSwapped() {
        assertThatThrownBy(() -> new DispatchSettings(Duration.ofMinutes(30), Duration.ofMillis(100),
                Duration.ofMillis(500), 0)).hasMessageContaining("must not exceed the time limit");
    }
}
