package org.portops.crane.split;

import org.portops.model.equipment.EquipmentId;

import java.util.Comparator;
import java.util.List;

/** One crane's work across the quay: its assignments in time order and the gantry moves between vessels. */
public record CraneTimeline(EquipmentId crane, List<Assignment> assignments, List<GantryMove> moves) {
    public CraneTimeline {
        assignments = assignments.stream().sorted(Comparator.comparingInt(Assignment::from)).toList();
        moves = List.copyOf(moves);
    }
}
