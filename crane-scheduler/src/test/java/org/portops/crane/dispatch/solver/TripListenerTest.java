package org.portops.crane.dispatch.solver;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import org.junit.jupiter.api.Test;
import org.portops.crane.dispatch.DispatchProblem;
import org.portops.crane.dispatch.DispatchRequest;
import org.portops.crane.dispatch.LaneNetwork;
import org.portops.crane.dispatch.PublishedPlan;
import org.portops.crane.dispatch.Scenarios;
import org.portops.crane.dispatch.Vehicle;
import org.portops.model.layout.TerminalLayoutLoader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TripListenerTest {
    private final LaneNetwork lanes = new LaneNetwork(TerminalLayoutLoader.sample());

    @Test
    void shadowTimesStayConsistentWithTheVehicleListsUnderFullAssert() {
        for (long seed : new long[] {21L, 22L}) {
            DispatchRequest request = Scenarios.vesselCall(seed, new Scenarios.Shape(3, 10, 100, 6, true));
            // the first vehicle has its first compatible job committed, the second a published route to start from
            Vehicle first = request.vehicles().getFirst();
            var committed = request.jobs().stream().filter(j -> j.carriers().contains(first.kind())).findFirst()
                    .orElseThrow().id();
            List<Vehicle> vehicles = new ArrayList<>(request.vehicles());
            vehicles.set(0, new Vehicle(first.id(), first.kind(), first.position(), first.availableFrom(),
                    List.of(committed)));
            PublishedPlan published = new PublishedPlan(Map.of(vehicles.get(1).id(),
                    request.jobs().subList(3, 6).stream().map(j -> j.id()).toList()));
            DispatchProblem problem = DispatchProblem.of(
                    new DispatchRequest(request.now(), request.jobs(), vehicles, published), Duration.ofMinutes(30), lanes);
            List<List<Integer>> start = DispatchSolving.startRoutes(problem);
            Solver<DispatchSolution> solver = SolverFactory.<DispatchSolution>create(DispatchSolving.solverConfig(
                    new DispatchSolving.Limits(Duration.ofMillis(600), Duration.ofMillis(600), seed))
                    .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)).buildSolver();

            DispatchSolution best = solver.solve(DispatchSolving.solution(problem, start));

            assertThat(best.getVehicles().getFirst().getJobs().getFirst().getSpec().job().id())
                    .as("seed %d", seed).isEqualTo(committed);
            List<List<Integer>> routes = best.getVehicles().stream()
                    .map(v -> v.getJobs().stream().map(PlannedJob::getIndex).toList()).toList();
            List<List<Trip>> trips = DispatchSolving.trips(problem, routes);
            for (PlannedVehicle vehicle : best.getVehicles()) {
                for (int i = 0; i < vehicle.getJobs().size(); i++) {
                    PlannedJob job = vehicle.getJobs().get(i);
                    Trip trip = trips.get(vehicle.getIndex()).get(i);
                    assertThat(List.of(job.getEnd(), job.getEmptyDrive(), job.getLateness())).as("seed %d job %s", seed, job)
                            .containsExactly(trip.end(), trip.emptyDrive(), trip.lateness());
                }
            }
        }
    }
}
