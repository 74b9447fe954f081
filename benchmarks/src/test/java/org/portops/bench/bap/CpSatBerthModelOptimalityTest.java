package org.portops.bench.bap;

import com.google.ortools.sat.CpSolverStatus;
import org.junit.jupiter.api.Test;
import org.portops.crane.berth.Berth;
import org.portops.crane.berth.BerthInstance;
import org.portops.crane.berth.BerthPlan;
import org.portops.crane.berth.BerthPlanChecker;
import org.portops.crane.berth.BerthSequences;
import org.portops.crane.berth.CallingVessel;
import org.portops.crane.berth.FirstComeFirstServed;
import org.portops.crane.berth.RandomBerthInstances;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-partitioning model's proved optimum against enumeration on seeded random instances: the column reductions
 * (left-justified times, the known plan's bound, the relaxation's per-column bounds) must never lose the optimum.
 */
class CpSatBerthModelOptimalityTest {
    private static final int VESSELS = 6;
    private static final int BERTHS = 2;

    @Test
    void provedOptimumEqualsEnumerationOnLooseWindows() {
        for (long seed = 1; seed <= 10; seed++) {
            assertProvesTheEnumeratedOptimum(RandomBerthInstances.of(seed, VESSELS, BERTHS), seed);
        }
    }

    @Test
    void provedOptimumEqualsEnumerationWhereWindowsAndDeparturesBind() {
        int infeasible = 0;
        for (long seed = 1; seed <= 25; seed++) {
            BerthInstance instance = tightInstance(seed);
            infeasible += assertProvesTheEnumeratedOptimum(instance, seed) ? 0 : 1;
        }
        // the generator must exercise both answers, or the test proves less than it claims
        assertThat(infeasible).as("instances with no plan among 25").isBetween(1, 20);
    }

    /** Returns whether the instance has a plan. */
    private static boolean assertProvesTheEnumeratedOptimum(BerthInstance instance, long seed) {
        long optimum = enumeratedOptimum(instance);
        BerthPlan fcfs = FirstComeFirstServed.plan(instance);

        CpSatBerthModel.Outcome outcome = CpSatBerthModel.solve(instance, Duration.ofSeconds(20), 2, fcfs);

        if (optimum == Long.MAX_VALUE) {
            assertThat(outcome.status()).as("seed %d: no plan exists", seed).isEqualTo(CpSolverStatus.INFEASIBLE);
            return false;
        }
        assertThat(outcome.status()).as("seed %d", seed).isEqualTo(CpSolverStatus.OPTIMAL);
        BerthPlan plan = outcome.plan().orElseThrow();
        assertThat(plan.objective()).as("seed %d: enumerated optimum", seed).isEqualTo(optimum);
        assertThat(BerthPlanChecker.check(instance, plan)).as("seed %d", seed).isEmpty();
        return true;
    }

    /**
     * Windows that bind: vessels arrive over [0, 30) with handling 3..15 and must leave within 10..39 of arriving;
     * berths open at 0..9 and close at 35..69; each vessel barred from a berth with probability 1/4.
     */
    private static BerthInstance tightInstance(long seed) {
        Random random = new Random(seed);
        List<Berth> berths = new ArrayList<>();
        for (int b = 1; b <= BERTHS; b++) {
            berths.add(new Berth(b, random.nextInt(10), 35 + random.nextInt(35)));
        }
        List<CallingVessel> vessels = new ArrayList<>();
        for (int i = 1; i <= VESSELS; i++) {
            Map<Integer, Integer> handling = new HashMap<>();
            for (int b = 1; b <= BERTHS; b++) {
                if (random.nextInt(4) > 0) {
                    handling.put(b, 3 + random.nextInt(13));
                }
            }
            if (handling.isEmpty()) {
                handling.put(1 + random.nextInt(BERTHS), 3 + random.nextInt(13));
            }
            int arrival = random.nextInt(30);
            vessels.add(new CallingVessel(i, arrival, arrival + 10 + random.nextInt(30), handling));
        }
        return new BerthInstance("tight-" + seed, vessels, berths);
    }

    /**
     * Every order of the vessels times every assignment to berths, each berth's vessels in that order and berthing
     * as early as the order allows ({@link BerthSequences}, which loses no optimum for a given order); plans the
     * checker refuses are skipped. {@link Long#MAX_VALUE} if no plan is valid.
     */
    private static long enumeratedOptimum(BerthInstance instance) {
        long[] best = {Long.MAX_VALUE};
        permute(instance, new int[VESSELS], new boolean[VESSELS + 1], 0, best);
        return best[0];
    }

    private static void permute(BerthInstance instance, int[] order, boolean[] used, int depth, long[] best) {
        if (depth == order.length) {
            for (int code = 0; code < (int) Math.pow(BERTHS, VESSELS); code++) {
                List<List<Integer>> sequences = new ArrayList<>();
                for (int b = 0; b < BERTHS; b++) {
                    sequences.add(new ArrayList<>());
                }
                int rest = code;
                for (int vessel : order) {
                    sequences.get(rest % BERTHS).add(vessel);
                    rest /= BERTHS;
                }
                BerthPlan plan = BerthSequences.decode(instance, sequences);
                if (plan.objective() < best[0] && BerthPlanChecker.check(instance, plan).isEmpty()) {
                    best[0] = plan.objective();
                }
            }
            return;
        }
        for (int vessel = 1; vessel <= order.length; vessel++) {
            if (!used[vessel]) {
                used[vessel] = true;
                order[depth] = vessel;
                permute(instance, order, used, depth + 1, best);
                used[vessel] = false;
            }
        }
    }
}
