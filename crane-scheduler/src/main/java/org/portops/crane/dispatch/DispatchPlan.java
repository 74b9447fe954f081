package org.portops.crane.dispatch;

import org.portops.model.equipment.EquipmentId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A published dispatch plan: each vehicle's route through the horizon, the jobs left for later re-plans, the
 * score and whether every hard rule holds, the plan's figures, and how long planning took.
 */
public record DispatchPlan(Instant planStart, List<VehicleRoute> routes, List<TransportJobId> deferred, String score,
                           boolean feasible, DispatchFigures figures, Duration solveTime) {
    public DispatchPlan {
        routes = List.copyOf(routes);
        deferred = List.copyOf(deferred);
    }

    public Optional<EquipmentId> vehicleOf(TransportJobId job) {
        return routes.stream().filter(route -> route.jobIds().contains(job)).map(VehicleRoute::vehicle).findFirst();
    }

    public Optional<PlannedTrip> trip(TransportJobId job) {
        return routes.stream().flatMap(route -> route.trips().stream()).filter(t -> t.id().equals(job)).findFirst();
    }

    /** The plan as the next request's published plan. */
    public PublishedPlan toPublished() {
        return new PublishedPlan(routes.stream().filter(route -> !route.trips().isEmpty())
                .collect(Collectors.toMap(VehicleRoute::vehicle, VehicleRoute::jobIds)));
    }
}
