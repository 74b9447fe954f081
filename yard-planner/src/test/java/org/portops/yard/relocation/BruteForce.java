package org.portops.yard.relocation;

import java.util.ArrayList;
import java.util.List;

/**
 * The restricted BRP optimum by plain enumeration, sharing nothing with the solvers: for k = 0, 1, ... is there any
 * sequence of moves with at most k relocations that empties the bay? Every destination, no bounds, no symmetry cuts.
 */
final class BruteForce {

    private BruteForce() {
    }

    static int optimum(BlocksInstance instance) {
        for (int k = 0; ; k++) {
            List<List<Integer>> bay = new ArrayList<>();
            instance.stacks().forEach(s -> bay.add(new ArrayList<>(s)));
            if (solvable(bay, 1, instance.containers(), k, instance.maxHeight())) {
                return k;
            }
        }
    }

    private static boolean solvable(List<List<Integer>> bay, int next, int n, int budget, int maxHeight) {
        if (next > n) {
            return true;
        }
        int at = -1;
        for (int s = 0; s < bay.size(); s++) {
            if (bay.get(s).contains(next)) {
                at = s;
            }
        }
        List<Integer> source = bay.get(at);
        if (source.getLast() == next) {
            source.removeLast();
            boolean ok = solvable(bay, next + 1, n, budget, maxHeight);
            source.add(next);
            return ok;
        }
        if (budget == 0) {
            return false;
        }
        for (int t = 0; t < bay.size(); t++) {
            List<Integer> target = bay.get(t);
            if (t == at || target.size() >= maxHeight) {
                continue;
            }
            target.add(source.removeLast());
            boolean ok = solvable(bay, next, n, budget - 1, maxHeight);
            source.add(target.removeLast());
            if (ok) {
                return true;
            }
        }
        return false;
    }
}
