package org.portops.crane.dispatch;

import org.portops.model.equipment.EquipmentId;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to dispatch at {@code now}: the open transport jobs of the vessel calls being worked (any number; the
 * dispatcher plans those inside its horizon), the vehicles, and the plan published last time.
 */
public record DispatchRequest(Instant now, List<TransportJob> jobs, List<Vehicle> vehicles, PublishedPlan published) {

    public DispatchRequest {
        if (now == null) {
            throw new IllegalArgumentException("the time of a dispatch request must be given");
        }
        jobs = List.copyOf(jobs);
        vehicles = List.copyOf(vehicles);
        published = published == null ? PublishedPlan.NONE : published;
        Set<TransportJobId> jobIds = new HashSet<>();
        for (TransportJob job : jobs) {
            if (!jobIds.add(job.id())) {
                throw new IllegalArgumentException("dispatch request lists job " + job.id() + " twice");
            }
        }
        Map<TransportJobId, Vehicle> committedTo = new HashMap<>();
        Set<EquipmentId> vehicleIds = new HashSet<>();
        for (Vehicle vehicle : vehicles) {
            if (!vehicleIds.add(vehicle.id())) {
                throw new IllegalArgumentException("dispatch request lists vehicle " + vehicle.id() + " twice");
            }
            for (TransportJobId job : vehicle.committed()) {
                if (!jobIds.contains(job)) {
                    throw new IllegalArgumentException("vehicle " + vehicle.id() + " is committed to job " + job
                            + ", which is not among the request's jobs");
                }
                Vehicle other = committedTo.putIfAbsent(job, vehicle);
                if (other != null) {
                    throw new IllegalArgumentException("job " + job + " is committed to both " + other.id() + " and "
                            + vehicle.id());
                }
            }
        }
    }
}
