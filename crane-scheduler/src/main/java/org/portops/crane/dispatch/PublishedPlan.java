package org.portops.crane.dispatch;

import org.portops.model.equipment.EquipmentId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The job lists last published to the vehicles. The next plan starts from them, and moving a job to another
 * vehicle costs a stability penalty, so a re-plan only reassigns work for a real gain.
 */
public record PublishedPlan(Map<EquipmentId, List<TransportJobId>> routes) {

    public static final PublishedPlan NONE = new PublishedPlan(Map.of());

    public PublishedPlan {
        Map<EquipmentId, List<TransportJobId>> copy = new HashMap<>();
        Map<TransportJobId, EquipmentId> owners = new HashMap<>();
        routes.forEach((vehicle, jobs) -> {
            for (TransportJobId job : jobs) {
                EquipmentId other = owners.putIfAbsent(job, vehicle);
                if (other != null) {
                    throw new IllegalArgumentException("published plan gives job " + job + " to both " + other
                            + " and " + vehicle);
                }
            }
            copy.put(vehicle, List.copyOf(jobs));
        });
        routes = Map.copyOf(copy);
    }

    public Optional<EquipmentId> vehicleOf(TransportJobId job) {
        return routes.entrySet().stream().filter(e -> e.getValue().contains(job)).map(Map.Entry::getKey).findFirst();
    }

    public List<TransportJobId> route(EquipmentId vehicle) {
        return routes.getOrDefault(vehicle, List.of());
    }
}
