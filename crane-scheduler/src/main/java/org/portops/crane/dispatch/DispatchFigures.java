package org.portops.crane.dispatch;

import java.time.Duration;
import java.util.List;

/**
 * A plan's figures: crane waiting in total and the number of moves a crane waits for, empty driving, dual cycles
 * (a vehicle drops a discharge box and picks up a load box in the same yard area, so it does not return to the
 * quay empty), jobs reassigned against the published plan, and the vehicles each crane gets.
 */
public record DispatchFigures(Duration craneWaiting, int lateMoves, Duration emptyDriving, int dualCycles,
                              int reassigned, List<CranePool> pools) {
    public DispatchFigures {
        pools = List.copyOf(pools);
    }
}
