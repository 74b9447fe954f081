package org.portops.crane.dispatch;

import org.portops.model.equipment.EquipmentId;

/**
 * How many vehicles the plan gives a quay crane, an output of the solve rather than a setting: the distinct
 * vehicles that serve its moves in the horizon, and the vehicles per hour it keeps busy (vehicle time spent on its
 * moves, driving empty to them included, per hour of the span its moves cover).
 */
public record CranePool(EquipmentId crane, int moves, int distinctVehicles, double vehiclesPerHour) {
}
