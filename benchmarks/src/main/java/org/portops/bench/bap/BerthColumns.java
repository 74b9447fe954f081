package org.portops.bench.bap;

import org.portops.crane.berth.Berth;
import org.portops.crane.berth.BerthAssignment;
import org.portops.crane.berth.BerthInstance;
import org.portops.crane.berth.CallingVessel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The columns of the generalised set-partitioning model (Buhrkal et al. 2011): one per vessel, berth and berthing
 * time, restricted to berthing times that some optimal plan may use. Two reductions, each keeping at least one
 * optimal plan (proofs in docs/berth-planning.md):
 * <ul>
 *   <li>left-justified times: a vessel berths at its earliest time at that berth, or when another vessel leaves it,
 *   so only times reachable from earliest times by adding handling times at that berth are kept;</li>
 *   <li>objective bound: with a known plan of total service time U, a column whose own service time plus the least
 *   possible service time of every other vessel exceeds U can be in no optimal plan.</li>
 * </ul>
 */
final class BerthColumns {

    /** Vessel {@code vessel} alongside {@code berth} from {@code start}; {@code cost} is its service time there. */
    record Column(int vessel, int berth, int start, int handling, int cost) {
        int end() {
            return start + handling;
        }

        BerthAssignment assignment() {
            return new BerthAssignment(vessel, berth, start);
        }
    }

    private BerthColumns() {
    }

    /**
     * Every column an optimal plan may use; {@code upperBound} is the total service time of a plan known to be valid
     * (empty: none known, no objective reduction).
     */
    static List<Column> of(BerthInstance instance, OptionalLong upperBound) {
        long[] least = leastServiceTimes(instance);
        long leastTotal = 0;
        for (int i = 1; i <= instance.vessels().size(); i++) {
            leastTotal += least[i] == Long.MAX_VALUE ? 0 : least[i];
        }
        List<Column> columns = new ArrayList<>();
        for (Berth berth : instance.berths()) {
            boolean[] reachable = leftJustifiedTimes(instance, berth);
            for (CallingVessel vessel : instance.vessels()) {
                Integer handling = vessel.handlingTimeByBerth().get(berth.number());
                if (handling == null) {
                    continue;
                }
                int earliest = Math.max(vessel.arrival(), berth.opens());
                int latest = instance.deadline(vessel.number(), berth.number()) - handling;
                // the most this vessel may cost if every other vessel costs its least and the total stays within U
                long costCap = upperBound.isPresent()
                        ? upperBound.getAsLong() - (leastTotal - least[vessel.number()]) : Long.MAX_VALUE;
                for (int t = earliest; t <= latest; t++) {
                    int cost = t + handling - vessel.arrival();
                    if (cost > costCap) {
                        break;
                    }
                    if (reachable[t]) {
                        columns.add(new Column(vessel.number(), berth.number(), t, handling, cost));
                    }
                }
            }
        }
        return columns;
    }

    /**
     * Times at {@code berth} at which a left-justified plan can berth a vessel: the earliest time of any vessel there,
     * and any such time plus the handling time there of a vessel that may berth then and leave in time. (A vessel
     * may appear twice on such a chain; that only keeps more times than needed.)
     */
    private static boolean[] leftJustifiedTimes(BerthInstance instance, Berth berth) {
        int horizon = berth.closes();
        boolean[] reachable = new boolean[horizon + 1];
        List<int[]> windows = new ArrayList<>();
        for (CallingVessel vessel : instance.vessels()) {
            Integer handling = vessel.handlingTimeByBerth().get(berth.number());
            if (handling == null) {
                continue;
            }
            int earliest = Math.max(vessel.arrival(), berth.opens());
            int latest = instance.deadline(vessel.number(), berth.number()) - handling;
            if (earliest <= latest) {
                windows.add(new int[] {earliest, latest, handling});
                reachable[earliest] = true;
            }
        }
        for (int t = 0; t <= horizon; t++) {
            if (!reachable[t]) {
                continue;
            }
            for (int[] window : windows) {
                if (window[0] <= t && t <= window[1] && t + window[2] <= horizon) {
                    reachable[t + window[2]] = true;
                }
            }
        }
        return reachable;
    }

    /** Per vessel, the least service time it can have at any berth (no waiting but for the berth's opening). */
    private static long[] leastServiceTimes(BerthInstance instance) {
        long[] least = new long[instance.vessels().size() + 1];
        for (CallingVessel vessel : instance.vessels()) {
            least[vessel.number()] = Long.MAX_VALUE;
            for (Map.Entry<Integer, Integer> entry : vessel.handlingTimeByBerth().entrySet()) {
                int earliest = Math.max(vessel.arrival(), instance.berth(entry.getKey()).opens());
                if (earliest + entry.getValue() <= instance.deadline(vessel.number(), entry.getKey())) {
                    least[vessel.number()] = Math.min(least[vessel.number()],
                            earliest + entry.getValue() - vessel.arrival());
                }
            }
        }
        return least;
    }
}
