package org.portops.crane.dispatch;

import org.junit.jupiter.api.Test;
import org.portops.crane.dispatch.solver.DispatchSolving;
import org.portops.crane.dispatch.solver.Trip;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.layout.TerminalLayoutLoader;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.crane.dispatch.Jobs.T0;
import static org.portops.crane.dispatch.Jobs.bay;
import static org.portops.crane.dispatch.Jobs.discharge;
import static org.portops.crane.dispatch.Jobs.load;
import static org.portops.crane.dispatch.Jobs.tractor;
import static org.portops.crane.dispatch.Jobs.underCrane;

/** The plan's figures on routes set by hand. */
class PlanMappingTest {
    private final LaneNetwork lanes = new LaneNetwork(TerminalLayoutLoader.sample());
    private final HandoverPoint.UnderCrane qc03 = underCrane("QC03", 400);

    // D1 drops at A02/10 and L2 is picked up 13 m on, at A02/12: a dual cycle. D3 drops at A02/20 but L4 waits in E05.
    private final List<TransportJob> jobs = List.of(
            discharge("D1", qc03, 1, bay("A02", 10), 120),
            load("L2", bay("A02", 12), qc03, 2, 240),
            discharge("D3", qc03, 3, bay("A02", 20), 360),
            load("L4", bay("E05", 2), qc03, 4, 480));

    private DispatchPlan plan(List<List<String>> routes, PublishedPlan published) {
        DispatchRequest request = new DispatchRequest(T0, jobs,
                List.of(tractor("TT001", qc03), tractor("TT002", qc03)), published);
        DispatchProblem problem = DispatchProblem.of(request, Duration.ofMinutes(30), lanes);
        List<List<Integer>> indexes = routes.stream().map(route -> route.stream()
                .map(id -> problem.job(new TransportJobId(id)).orElseThrow().index()).toList()).toList();
        List<List<Trip>> trips = DispatchSolving.trips(problem, indexes);
        return PlanMapping.plan(problem, indexes, trips, "0hard/0soft", true, Duration.ZERO);
    }

    @Test
    void countsADualCycleOnlyWhereTheLoadIsPickedUpNearTheDischargeDrop() {
        DispatchPlan plan = plan(List.of(List.of("D1", "L2", "D3", "L4"), List.of()), PublishedPlan.NONE);

        assertThat(lanes.metres(bay("A02", 10), bay("A02", 12))).isLessThanOrEqualTo(PlanMapping.DUAL_CYCLE_METRES);
        assertThat(lanes.metres(bay("A02", 20), bay("E05", 2))).isGreaterThan(PlanMapping.DUAL_CYCLE_METRES);
        assertThat(plan.figures().dualCycles()).isEqualTo(1);
    }

    @Test
    void oneVehicleWorkingACraneWithoutABreakIsOneVehiclePerHour() {
        DispatchPlan plan = plan(List.of(List.of("D1", "L2", "D3", "L4"), List.of()), PublishedPlan.NONE);

        assertThat(plan.figures().pools()).singleElement().satisfies(pool -> {
            assertThat(pool.crane()).isEqualTo(new EquipmentId("QC03"));
            assertThat(pool.moves()).isEqualTo(4);
            assertThat(pool.distinctVehicles()).isEqualTo(1);
            assertThat(pool.vehiclesPerHour()).isEqualTo(1.0);
        });
    }

    @Test
    void sumsCraneWaitingAndEmptyDrivingOverTheTripsAndCountsReassignments() {
        PublishedPlan published = new PublishedPlan(Map.of(new EquipmentId("TT001"), List.of("D1", "D3").stream()
                .map(TransportJobId::new).toList()));

        DispatchPlan plan = plan(List.of(List.of("D1", "L2"), List.of("D3", "L4")), published);

        List<PlannedTrip> trips = plan.routes().stream().flatMap(r -> r.trips().stream()).toList();
        Duration waiting = trips.stream().map(PlannedTrip::lateness).reduce(Duration.ZERO, Duration::plus);
        Duration empty = trips.stream().map(PlannedTrip::emptyDrive).reduce(Duration.ZERO, Duration::plus);
        assertThat(plan.figures().craneWaiting()).isEqualTo(waiting);
        assertThat(plan.figures().lateMoves()).isEqualTo((int) trips.stream().filter(t -> t.lateness().isPositive()).count());
        assertThat(plan.figures().emptyDriving()).isEqualTo(empty).isPositive();
        assertThat(plan.figures().reassigned()).isEqualTo(1);
        assertThat(plan.figures().pools()).singleElement().extracting(CranePool::distinctVehicles).isEqualTo(2);
    }
}
