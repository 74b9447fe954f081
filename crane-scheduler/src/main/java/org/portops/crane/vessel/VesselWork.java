package org.portops.crane.vessel;

import org.portops.model.vessel.VesselCall;

import java.util.List;

/**
 * The work of one vessel call: its bay plan says where containers are and go on board, the discharge list where
 * the discharged ones go ashore, the load list where the loaded ones are ashore. A restow is discharged to where the
 * discharge list says and loaded back into its slot.
 */
public record VesselWork(VesselCall call, List<DischargeOrder> dischargeList, List<LoadOrder> loadList) {
    public VesselWork {
        if (call == null) {
            throw new IllegalArgumentException("vessel work needs its vessel call");
        }
        dischargeList = List.copyOf(dischargeList);
        loadList = List.copyOf(loadList);
    }
}
