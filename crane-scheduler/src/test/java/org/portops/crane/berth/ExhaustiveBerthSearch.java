package org.portops.crane.berth;

import java.util.ArrayList;
import java.util.List;

/**
 * The optimum of a small instance by enumeration, independent of any solver: every order of the vessels times every
 * assignment of vessels to berths, each berth's vessels in that order, timed by {@link BerthSequences} (which loses
 * no optimum for a given order); plans that break a hard rule are skipped.
 */
final class ExhaustiveBerthSearch {
    private final BerthInstance instance;
    private final int n;
    private final int m;
    private long best = Long.MAX_VALUE;

    private ExhaustiveBerthSearch(BerthInstance instance) {
        this.instance = instance;
        this.n = instance.vessels().size();
        this.m = instance.berths().size();
    }

    /** The least total service time of a valid plan, or {@link Long#MAX_VALUE} if there is none. */
    static long optimum(BerthInstance instance) {
        ExhaustiveBerthSearch search = new ExhaustiveBerthSearch(instance);
        search.permute(new int[search.n], new boolean[search.n + 1], 0);
        return search.best;
    }

    private void permute(int[] order, boolean[] used, int depth) {
        if (depth == n) {
            assignAll(order);
            return;
        }
        for (int vessel = 1; vessel <= n; vessel++) {
            if (!used[vessel]) {
                used[vessel] = true;
                order[depth] = vessel;
                permute(order, used, depth + 1);
                used[vessel] = false;
            }
        }
    }

    private void assignAll(int[] order) {
        int combinations = (int) Math.pow(m, n);
        for (int code = 0; code < combinations; code++) {
            List<List<Integer>> sequences = new ArrayList<>();
            for (int b = 0; b < m; b++) {
                sequences.add(new ArrayList<>());
            }
            int rest = code;
            for (int vessel : order) {
                sequences.get(rest % m).add(vessel);
                rest /= m;
            }
            BerthPlan plan = BerthSequences.decode(instance, sequences);
            if (plan.objective() < best && BerthPlanChecker.check(instance, plan).isEmpty()) {
                best = plan.objective();
            }
        }
    }
}
