package org.portops.yard.relocation;

import java.util.ArrayList;
import java.util.List;

/**
 * The min-max rule of Caserta, Schwarze and Voß (2012): put the relocated container c on the stack whose smallest
 * priority is the smallest one still above c (it will not block there, and roomier stacks stay free); if every stack
 * holds something due before c, put it where that happens latest. Empty stacks count as priority N + 1.
 */
public final class MinMaxHeuristic {

    private MinMaxHeuristic() {
    }

    public static RelocationPlan solve(BlocksInstance instance) {
        List<RelocationOp> ops = new ArrayList<>();
        Bay bay = Bay.of(instance);
        bay.retrieveReady(ops);
        complete(bay, ops);
        return new RelocationPlan(ops);
    }

    /** Runs the rule to the end from {@code bay} (changed in place); returns the bay's total relocations. */
    static int complete(Bay bay, List<RelocationOp> sink) {
        while (!bay.done()) {
            int from = bay.targetStack();
            bay.relocate(from, destination(bay, from), sink);
            bay.retrieveReady(sink);
        }
        return bay.relocations;
    }

    static int destination(Bay bay, int from) {
        int container = bay.top(from);
        int fit = -1;
        int latest = -1;
        for (int s = 0; s < bay.stacks(); s++) {
            if (!bay.canReceive(s, from)) {
                continue;
            }
            if (bay.min[s] > container && (fit < 0 || bay.min[s] < bay.min[fit])) {
                fit = s;
            }
            if (latest < 0 || bay.min[s] > bay.min[latest]) {
                latest = s;
            }
        }
        if (fit >= 0) {
            return fit;
        }
        if (latest < 0) {
            throw new IllegalStateException("no stack can take container " + container + ": every other stack is at "
                    + "the height limit " + bay.maxHeight);
        }
        return latest;
    }
}
