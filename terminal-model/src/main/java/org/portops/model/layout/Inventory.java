package org.portops.model.layout;

import java.util.List;
import org.portops.model.Validation;
import org.portops.model.vessel.VesselCall;

/** The containers in the yard and the vessel calls expected, for instance a generated sample. */
public record Inventory(List<PlacedContainer> containers, List<VesselCall> vesselCalls) {

    public Inventory {
        containers = List.copyOf(Validation.notNull(containers, "containers"));
        vesselCalls = List.copyOf(Validation.notNull(vesselCalls, "vessel calls"));
    }
}
