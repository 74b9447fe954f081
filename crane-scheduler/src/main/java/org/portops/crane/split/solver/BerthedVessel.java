package org.portops.crane.split.solver;

import org.portops.crane.split.CompletionEstimate;
import org.portops.crane.split.SplitVessel;

/**
 * A vessel as a problem fact and planning value: its place along the quay (0 first), its crane limit, and what its
 * completion estimate needs: Z(c) per crane count, its total cycles, the horizon end and the fallback rate.
 */
public record BerthedVessel(int index, SplitVessel vessel, int limit, long[] busiestZones, long totalCycles,
                            int horizonEnd, double fallbackCyclesPerSecond) {

    public static BerthedVessel of(int index, SplitVessel vessel, int maxPerVessel, int horizonEnd, double fallback) {
        int limit = vessel.craneLimit(maxPerVessel);
        return new BerthedVessel(index, vessel, limit, CompletionEstimate.busiestZones(vessel.profile(), limit),
                vessel.totalCycles(), horizonEnd, fallback);
    }

    public String name() {
        return vessel.name();
    }

    public int completion(java.util.List<CompletionEstimate.Turn> turns) {
        return CompletionEstimate.completion(vessel.berthing(), totalCycles, busiestZones, turns, horizonEnd,
                fallbackCyclesPerSecond);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BerthedVessel that && that.index == index && that.vessel.equals(vessel);
    }

    @Override
    public int hashCode() {
        return index;
    }

    @Override
    public String toString() {
        return vessel.name();
    }
}
