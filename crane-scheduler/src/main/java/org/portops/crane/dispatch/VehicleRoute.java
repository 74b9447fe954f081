package org.portops.crane.dispatch;

import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;

import java.util.List;

/** A vehicle's planned work in the horizon, in order; its pinned trips come first. */
public record VehicleRoute(EquipmentId vehicle, EquipmentKind kind, List<PlannedTrip> trips) {
    public VehicleRoute {
        trips = List.copyOf(trips);
    }

    public List<TransportJobId> jobIds() {
        return trips.stream().map(PlannedTrip::id).toList();
    }
}
