package org.portops.crane.split;

import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.VesselCallId;

import java.util.List;

/**
 * A crane split: per crane its timeline across the quay, per vessel its cranes and estimated completion, the score,
 * whether it keeps every hard rule, how many cranes it moved from the split in force (0 for a first split), and why.
 */
public record CraneSplit(List<CraneTimeline> cranes, List<VesselOutlook> vessels, SplitPlanGrid grid, String score,
                         boolean feasible, int cranesMoved, SplitExplanation explanation) {
    public CraneSplit {
        cranes = List.copyOf(cranes);
        vessels = List.copyOf(vessels);
    }

    public CraneTimeline crane(EquipmentId id) {
        return cranes.stream().filter(c -> c.crane().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("crane " + id.value() + " is not in the split"));
    }

    public VesselOutlook vessel(VesselCallId id) {
        return vessels.stream().filter(v -> v.vessel().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("vessel call " + id.value() + " is not in the split"));
    }
}
