package org.portops.crane.split;

import org.portops.model.vessel.VesselCallId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Quays, cranes and vessels for split tests: hour slots, 30-cycle cranes gantrying 45 m/min. */
public final class SplitScenarios {
    public static final Instant START = Instant.parse("2026-11-24T06:00:00Z");
    public static final int HOUR = 3600;

    private SplitScenarios() {
    }

    /** {@code count} standard cranes QC01.. at {@code first}, {@code first + spacing}, … metres. */
    public static List<SplitCrane> cranes(int count, double first, double spacing) {
        List<SplitCrane> cranes = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            cranes.add(SplitCrane.standard(String.format("QC%02d", k + 1), first + k * spacing));
        }
        return cranes;
    }

    /** A vessel with the same cycles at every one of its positions. */
    public static SplitVessel vessel(String call, String name, double from, double to, int positions, int berthing,
                                     int departure, int cyclesPerBay) {
        List<BayWork> bays = new ArrayList<>();
        for (int p = 1; p <= positions; p++) {
            bays.add(new BayWork(p, cyclesPerBay));
        }
        return new SplitVessel(new VesselCallId(call), name, from, to, positions, berthing, departure, bays);
    }

    public static SplitProblem problem(List<SplitCrane> cranes, List<SplitVessel> vessels, int horizonHours) {
        return SplitProblem.of(START, 1400, HOUR, horizonHours, 6, cranes, vessels);
    }
}
