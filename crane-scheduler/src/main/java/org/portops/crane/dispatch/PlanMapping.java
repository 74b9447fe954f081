package org.portops.crane.dispatch;

import org.portops.crane.dispatch.solver.Trip;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.MoveKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Solved routes (job indexes per vehicle) → the published plan's records and figures. */
final class PlanMapping {

    /** A discharge drop and a load pickup at most this far apart on the lanes make a dual cycle. */
    static final double DUAL_CYCLE_METRES = 100;

    private PlanMapping() {
    }

    static DispatchPlan plan(DispatchProblem problem, List<List<Integer>> routes, List<List<Trip>> trips, String score,
                             boolean feasible, Duration solveTime) {
        List<VehicleRoute> vehicleRoutes = new ArrayList<>();
        for (DispatchProblem.Car car : problem.cars()) {
            List<PlannedTrip> planned = new ArrayList<>();
            List<Integer> route = routes.get(car.index());
            for (int position = 0; position < route.size(); position++) {
                planned.add(trip(problem, problem.jobs().get(route.get(position)), trips.get(car.index()).get(position),
                        position < car.committed().size()));
            }
            vehicleRoutes.add(new VehicleRoute(car.vehicle().id(), car.vehicle().kind(), planned));
        }
        return new DispatchPlan(problem.epoch(), vehicleRoutes,
                problem.deferred().stream().map(TransportJob::id).toList(), score, feasible,
                figures(problem, routes, vehicleRoutes), solveTime);
    }

    private static PlannedTrip trip(DispatchProblem problem, DispatchProblem.Job job, Trip trip, boolean pinned) {
        return new PlannedTrip(job.job(), pinned, problem.at(trip.atPickup() - trip.emptyDrive()),
                Duration.ofSeconds(trip.emptyDrive()), problem.at(trip.atPickup()), problem.at(trip.pickedUp()),
                problem.at(trip.atDrop()), problem.at(trip.end()), Duration.ofSeconds(trip.lateness()));
    }

    private static DispatchFigures figures(DispatchProblem problem, List<List<Integer>> routes,
                                           List<VehicleRoute> vehicleRoutes) {
        Duration craneWaiting = Duration.ZERO;
        Duration emptyDriving = Duration.ZERO;
        int lateMoves = 0;
        int reassigned = 0;
        for (VehicleRoute route : vehicleRoutes) {
            for (PlannedTrip trip : route.trips()) {
                emptyDriving = emptyDriving.plus(trip.emptyDrive());
                if (trip.job().servesCrane() && trip.lateness().isPositive()) {
                    craneWaiting = craneWaiting.plus(trip.lateness());
                    lateMoves++;
                }
                EquipmentId previous = problem.job(trip.id()).orElseThrow().previousVehicle();
                if (previous != null && !previous.equals(route.vehicle())) {
                    reassigned++;
                }
            }
        }
        return new DispatchFigures(craneWaiting, lateMoves, emptyDriving, dualCycles(problem, routes), reassigned,
                pools(vehicleRoutes));
    }

    /** Discharges followed on the same vehicle by a load picked up near where the discharge box was dropped. */
    static int dualCycles(DispatchProblem problem, List<List<Integer>> routes) {
        int count = 0;
        for (List<Integer> route : routes) {
            for (int i = 1; i < route.size(); i++) {
                DispatchProblem.Job first = problem.jobs().get(route.get(i - 1));
                DispatchProblem.Job next = problem.jobs().get(route.get(i));
                if (first.job().kind() == MoveKind.DISCHARGE && next.job().kind() == MoveKind.LOAD
                        && problem.metres(first.drop(), next.pickup()) <= DUAL_CYCLE_METRES) {
                    count++;
                }
            }
        }
        return count;
    }

    private static List<CranePool> pools(List<VehicleRoute> routes) {
        Map<EquipmentId, List<PlannedTrip>> tripsByCrane = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        Map<PlannedTrip, EquipmentId> vehicleOf = new HashMap<>();
        for (VehicleRoute route : routes) {
            for (PlannedTrip trip : route.trips()) {
                if (trip.job().servesCrane()) {
                    tripsByCrane.computeIfAbsent(trip.job().craneMove().crane(), c -> new ArrayList<>()).add(trip);
                    vehicleOf.put(trip, route.vehicle());
                }
            }
        }
        List<CranePool> pools = new ArrayList<>();
        tripsByCrane.forEach((crane, trips) -> {
            Set<EquipmentId> vehicles = new HashSet<>();
            long busySeconds = 0;
            var first = trips.getFirst().departs();
            var last = trips.getFirst().free();
            for (PlannedTrip trip : trips) {
                vehicles.add(vehicleOf.get(trip));
                busySeconds += Duration.between(trip.departs(), trip.free()).toSeconds();
                first = trip.departs().isBefore(first) ? trip.departs() : first;
                last = trip.free().isAfter(last) ? trip.free() : last;
            }
            long span = Math.max(1, Duration.between(first, last).toSeconds());
            pools.add(new CranePool(crane, trips.size(), vehicles.size(), (double) busySeconds / span));
        });
        return pools;
    }
}
