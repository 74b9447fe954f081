package org.portops.yard.slot;

import java.time.Duration;
import org.portops.model.Validation;

/**
 * The yard's own limits, which the terminal layout does not hold.
 *
 * @param maxKilogramsPerPosition gross weight one 20' ground position may carry (a 40' counts half on each)
 * @param craneSafeWorkingLoad    the heaviest container a yard crane may lift, in kg
 * @param targetFill              share of a block's 20' slots above which it counts as too full (0..1)
 * @param workloadWindow          how far back a block's crane moves count as its current workload
 */
public record StackRules(int maxKilogramsPerPosition, int craneSafeWorkingLoad, double targetFill,
                         Duration workloadWindow) {

    /** 5 tiers of 24 t, a 40 t RTG spreader, 80 % target fill, one hour of workload. */
    public static final StackRules DEFAULT = new StackRules(120_000, 40_000, 0.80, Duration.ofHours(1));

    public StackRules {
        Validation.inRange(maxKilogramsPerPosition, 1, 1_000_000, "kg per ground position");
        Validation.inRange(craneSafeWorkingLoad, 1, 100_000, "crane safe working load in kg");
        if (!(targetFill > 0 && targetFill <= 1)) {
            throw new IllegalArgumentException("target fill must be in (0, 1], was " + targetFill);
        }
        Validation.notNull(workloadWindow, "workload window");
        if (workloadWindow.isNegative() || workloadWindow.isZero()) {
            throw new IllegalArgumentException("workload window must be positive, was " + workloadWindow);
        }
    }

    /** What a container adds to each ground position it stands on. */
    public static int kilogramsPerPosition(YardBox box) {
        return box.kilograms() / box.length().yardBays();
    }
}
