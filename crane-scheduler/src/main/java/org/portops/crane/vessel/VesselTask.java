package org.portops.crane.vessel;

import java.util.List;

/** A QCSP task of a vessel call: crane cycles of one phase at one crane position, in the order they are done. */
public record VesselTask(int task, int position, WorkPhase phase, List<CraneCycle> cycles) {
    public VesselTask {
        cycles = List.copyOf(cycles);
    }

    /** The moves in order, a twin's two moves side by side. */
    public List<CraneMove> moves() {
        return cycles.stream().flatMap(cycle -> cycle.moves().stream()).toList();
    }
}
