package org.portops.crane.dispatch;

import org.junit.jupiter.api.Test;
import org.portops.crane.dispatch.solver.DispatchConstraintProvider;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.layout.TerminalLayoutLoader;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portops.crane.dispatch.Jobs.T0;
import static org.portops.crane.dispatch.Jobs.bay;
import static org.portops.crane.dispatch.Jobs.discharge;
import static org.portops.crane.dispatch.Jobs.load;
import static org.portops.crane.dispatch.Jobs.tractor;
import static org.portops.crane.dispatch.Jobs.underCrane;

class TransportDispatcherTest {
    private static final DispatchSettings SETTINGS = DispatchSettings.DEFAULTS
            .withTimeLimit(Duration.ofMillis(800), Duration.ofMillis(300));

    private final TransportDispatcher dispatcher = new TransportDispatcher(TerminalLayoutLoader.sample(), SETTINGS,
            Clock.fixed(T0, ZoneOffset.UTC));
    private final HandoverPoint.UnderCrane qc03 = underCrane("QC03", 400);

    private int tractorSeconds(HandoverPoint from, HandoverPoint to) {
        return LaneNetwork.seconds(EquipmentKind.TERMINAL_TRACTOR, dispatcher.lanes().metres(from, to));
    }

    @Test
    void withEnoughVehiclesNoCraneWaits() {
        DispatchRequest request = Scenarios.vesselCall(3, new Scenarios.Shape(2, 10, 120, 12, false));

        DispatchPlan plan = dispatcher.plan(request);

        assertThat(plan.feasible()).isTrue();
        assertThat(plan.figures().craneWaiting()).isZero();
        assertThat(plan.figures().lateMoves()).isZero();
        assertThat(plan.routes().stream().mapToInt(route -> route.trips().size()).sum()).isEqualTo(20);
        assertThat(plan.figures().pools()).extracting(CranePool::crane)
                .containsExactly(new EquipmentId("QC01"), new EquipmentId("QC02"));
        assertThat(plan.figures().pools()).allSatisfy(pool -> {
            assertThat(pool.moves()).isEqualTo(10);
            assertThat(pool.distinctVehicles()).isBetween(2, 10);
            assertThat(pool.vehiclesPerHour()).isPositive();
        });
    }

    @Test
    void dualCyclesAppearWhenDischargesAndLoadsShareACraneAndAYardArea() {
        List<TransportJob> jobs = new ArrayList<>();
        for (int move = 1; move <= 10; move++) {
            int due = 240 + 120 * (move - 1);
            jobs.add(move % 2 == 1 ? discharge("D" + move, qc03, move, bay("A02", 2 * move), due)
                    : load("L" + move, bay("A02", 2 * move), qc03, move, due));
        }
        DispatchRequest request = new DispatchRequest(T0, jobs,
                List.of(tractor("TT001", qc03), tractor("TT002", bay("A02", 1))), PublishedPlan.NONE);

        DispatchPlan plan = dispatcher.plan(request);

        assertThat(plan.figures().craneWaiting()).isZero();
        assertThat(plan.figures().dualCycles()).isPositive();
    }

    @Test
    void dualCyclesNeedTheLoadNearTheDischargeDrop() {
        // the loads wait at the far end of the terminal: dropping a discharge and driving on for a load is no dual cycle
        List<TransportJob> jobs = new ArrayList<>();
        for (int move = 1; move <= 6; move++) {
            int due = 240 + 180 * (move - 1);
            jobs.add(move % 2 == 1 ? discharge("D" + move, qc03, move, bay("A02", 2 * move), due)
                    : load("L" + move, bay("E05", 2 * move), qc03, move, due));
        }
        DispatchRequest request = new DispatchRequest(T0, jobs, List.of(tractor("TT001", qc03)), PublishedPlan.NONE);

        assertThat(dispatcher.plan(request).figures().dualCycles()).isZero();
    }

    @Test
    void pinnedJobsNeverMoveEvenWhenTheCraneWaitsForThem() {
        TransportJob first = discharge("D1", qc03, 1, bay("A02", 5), 60);
        TransportJob second = discharge("D2", qc03, 2, bay("A02", 9), 180);
        TransportJob free = discharge("D3", qc03, 3, bay("A02", 12), 300);
        Vehicle stalled = new Vehicle(new EquipmentId("TT001"), EquipmentKind.TERMINAL_TRACTOR, bay("E05", 40),
                T0.plusSeconds(900), List.of(second.id(), first.id()));
        DispatchRequest request = new DispatchRequest(T0, List.of(first, second, free),
                List.of(stalled, tractor("TT002", qc03), tractor("TT003", qc03)), PublishedPlan.NONE);

        DispatchPlan plan = dispatcher.plan(request);

        VehicleRoute route = plan.routes().getFirst();
        assertThat(route.jobIds().subList(0, 2)).containsExactly(second.id(), first.id());
        assertThat(route.trips().subList(0, 2)).allMatch(PlannedTrip::pinned);
        assertThat(plan.figures().craneWaiting()).isPositive();
        assertThat(plan.vehicleOf(free.id())).isNotEqualTo(plan.vehicleOf(first.id()));
        List<DispatchDecision> decisions = dispatcher.decisions(request, plan);
        assertThat(decisions.stream().filter(d -> d.job().equals(first.id())).findFirst().orElseThrow())
                .satisfies(d -> {
                    assertThat(d.pinned()).isTrue();
                    assertThat(d.alternatives()).isEmpty();
                });
    }

    @Test
    void aStalledVehiclesPlannedJobsGoToOthers() {
        DispatchRequest request = Scenarios.vesselCall(5, new Scenarios.Shape(2, 12, 120, 10, false));
        DispatchPlan before = dispatcher.plan(request);
        VehicleRoute busiest = before.routes().stream()
                .max((a, b) -> Integer.compare(a.trips().size(), b.trips().size())).orElseThrow();
        List<Vehicle> vehicles = request.vehicles().stream().map(v -> !v.id().equals(busiest.vehicle()) ? v
                : new Vehicle(v.id(), v.kind(), v.position(), T0.plus(Duration.ofHours(2)), List.of())).toList();

        DispatchPlan after = dispatcher.plan(new DispatchRequest(T0, request.jobs(), vehicles, before.toPublished()));

        assertThat(busiest.trips()).isNotEmpty();
        assertThat(after.routes().stream().filter(r -> r.vehicle().equals(busiest.vehicle())).findFirst()
                .orElseThrow().trips()).isEmpty();
        assertThat(after.feasible()).isTrue();
        assertThat(after.figures().reassigned()).isGreaterThanOrEqualTo(busiest.trips().size());
        for (TransportJobId job : busiest.jobIds()) {
            assertThat(after.vehicleOf(job)).isPresent().get().isNotEqualTo(busiest.vehicle());
        }
    }

    @Test
    void keepsAPublishedAssignmentThatIsOnlySlightlyWorse() {
        TransportJob job = discharge("D1", qc03, 1, bay("A02", 5), 600);
        PublishedPlan published = new PublishedPlan(Map.of(new EquipmentId("TT002"), List.of(job.id())));
        DispatchRequest request = new DispatchRequest(T0, List.of(job),
                List.of(tractor("TT001", qc03), tractor("TT002", underCrane("QC04", 450))), published);

        DispatchPlan plan = dispatcher.plan(request);

        // TT001 stands under the crane, TT002 drives 50 m: 15 s of empty driving is not worth a reassignment
        assertThat(tractorSeconds(underCrane("QC04", 450), qc03)).isLessThan(
                (int) (DispatchConstraintProvider.REASSIGNMENT_COST / DispatchConstraintProvider.EMPTY_DRIVE_WEIGHT));
        assertThat(plan.vehicleOf(job.id())).contains(new EquipmentId("TT002"));
        assertThat(plan.figures().reassigned()).isZero();
    }

    @Test
    void reassignsAPublishedJobWhenTheCraneWouldWaitLongEnough() {
        TransportJob job = discharge("D1", qc03, 1, bay("A02", 5), 10);
        PublishedPlan published = new PublishedPlan(Map.of(new EquipmentId("TT002"), List.of(job.id())));
        HandoverPoint.UnderCrane far = underCrane("QC07", 1000);
        DispatchRequest request = new DispatchRequest(T0, List.of(job),
                List.of(tractor("TT001", qc03), tractor("TT002", far)), published);

        DispatchPlan plan = dispatcher.plan(request);

        int late = tractorSeconds(far, qc03) - 10;
        assertThat(late * DispatchConstraintProvider.CRANE_WAIT_WEIGHT)
                .isGreaterThan(DispatchConstraintProvider.REASSIGNMENT_COST);
        assertThat(plan.vehicleOf(job.id())).contains(new EquipmentId("TT001"));
        assertThat(plan.figures().reassigned()).isEqualTo(1);
    }

    @Test
    void plansOnlyTheHorizonAndDefersTheRest() {
        DispatchRequest request = Scenarios.vesselCall(7, new Scenarios.Shape(2, 40, 120, 8, false));

        DispatchPlan plan = dispatcher.plan(request);

        List<TransportJobId> planned = plan.routes().stream().flatMap(r -> r.jobIds().stream()).toList();
        assertThat(planned).allMatch(id -> request.jobs().stream().filter(j -> j.id().equals(id)).findFirst()
                .orElseThrow().due().isBefore(T0.plus(SETTINGS.horizon())));
        assertThat(plan.deferred()).allMatch(id -> !request.jobs().stream().filter(j -> j.id().equals(id)).findFirst()
                .orElseThrow().due().isBefore(T0.plus(SETTINGS.horizon())));
        assertThat(planned.size() + plan.deferred().size()).isEqualTo(80);
        assertThat(plan.deferred()).isNotEmpty();
    }

    @Test
    void explainsALateArrivalInOperatorLanguage() {
        TransportJob job = discharge("D17", qc03, 17, bay("A02", 5), 30);
        HandoverPoint.BlockBay yard = bay("A02", 20);
        DispatchRequest request = new DispatchRequest(T0, List.of(job), List.of(tractor("TT007", yard)),
                PublishedPlan.NONE);

        DispatchPlan plan = dispatcher.plan(request);
        DispatchDecision decision = dispatcher.decisions(request, plan).getFirst();

        int late = tractorSeconds(yard, qc03) - 30;
        assertThat(late).isPositive();
        assertThat(decision.vehicle()).isEqualTo(new EquipmentId("TT007"));
        assertThat(decision.reasons()).extracting(DispatchDecision.Reason::text).contains(
                "TT007 arrives " + late + " s late for QC03 move 17",
                "TT007 drives empty " + tractorSeconds(yard, qc03) + " s from A02/20 to QC03@400m for job D17");
        assertThat(decision.reasons()).filteredOn(r -> r.constraint().equals(DispatchConstraintProvider.CRANE_WAITING))
                .singleElement().extracting(DispatchDecision.Reason::score)
                .isEqualTo("0hard/" + (-late * DispatchConstraintProvider.CRANE_WAIT_WEIGHT) + "soft");
    }

    @Test
    void namesTheThreeBestOtherVehiclesWithTheirScoreDifference() {
        TransportJob job = discharge("D1", qc03, 1, bay("A02", 5), 600);
        List<HandoverPoint.UnderCrane> spots = List.of(qc03, underCrane("QC04", 450), underCrane("QC04", 500),
                underCrane("QC05", 600), underCrane("QC07", 1000));
        List<Vehicle> vehicles = new ArrayList<>();
        for (int i = 0; i < spots.size(); i++) {
            vehicles.add(tractor("TT00" + (i + 1), spots.get(i)));
        }
        DispatchRequest request = new DispatchRequest(T0, List.of(job), vehicles, PublishedPlan.NONE);

        DispatchPlan plan = dispatcher.plan(request);
        DispatchDecision decision = dispatcher.decisions(request, plan).stream()
                .filter(d -> d.job().equals(job.id())).findFirst().orElseThrow();

        assertThat(decision.vehicle()).isEqualTo(new EquipmentId("TT001"));
        assertThat(decision.alternatives()).extracting(a -> a.vehicle().value())
                .containsExactly("TT002", "TT003", "TT004");
        assertThat(decision.alternatives()).extracting(DispatchDecision.Alternative::softDifference).containsExactly(
                (long) -tractorSeconds(spots.get(1), qc03), (long) -tractorSeconds(spots.get(2), qc03),
                (long) -tractorSeconds(spots.get(3), qc03));
        assertThat(decision.alternatives()).allMatch(a -> a.hardDifference() == 0 && a.position() == 0);
    }

    @Test
    void reportsAJobNoVehicleCanCarryAsInfeasibleAndSaysWhy() {
        TransportJob agvOnly = Scenarios.withCarriers(discharge("D1", qc03, 1, bay("A02", 5), 300),
                Set.of(EquipmentKind.AGV));
        DispatchRequest request = new DispatchRequest(T0, List.of(agvOnly), List.of(tractor("TT001", qc03)),
                PublishedPlan.NONE);

        DispatchPlan plan = dispatcher.plan(request);

        assertThat(plan.feasible()).isFalse();
        assertThat(plan.score()).startsWith("-1hard/");
        assertThat(dispatcher.decisions(request, plan).getFirst().reasons()).extracting(DispatchDecision.Reason::text)
                .contains("TT001 (TERMINAL_TRACTOR) cannot carry job D1, which needs one of [AGV]");
    }

    @Test
    void refusesToDispatchWithoutVehicles() {
        DispatchRequest request = new DispatchRequest(T0, List.of(discharge("D1", qc03, 1, bay("A02", 5), 300)),
                List.of(), PublishedPlan.NONE);

        assertThatThrownBy(() -> dispatcher.plan(request))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no vehicle to dispatch 1 jobs to");
    }
}
