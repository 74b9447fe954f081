package org.portops.yard.relocation;

/**
 * Lower bounds on the relocations still needed from a bay.
 * <ul>
 *   <li>{@link #blocking}: LB1 (Kim and Hong 2006), the containers that sit above some container due before them;
 *   each must move at least once.</li>
 *   <li>{@link #of}: LB1 plus the Zhu et al. (2012) / Forster and Bortfeldt (2012) look at the stack holding the
 *   next container due: every container above it moves now, and one that is due later than the smallest priority of
 *   every other stack blocks again wherever it goes, so it moves a second time. Relocating earlier ones from the same
 *   stack only lowers those minima, so counting against today's minima never overstates.</li>
 * </ul>
 */
public final class LowerBound {

    private LowerBound() {
    }

    public static int blocking(BlocksInstance instance) {
        return blocking(Bay.of(instance));
    }

    public static int of(BlocksInstance instance) {
        Bay bay = Bay.of(instance);
        bay.retrieveReady(null);
        return of(bay);
    }

    static int blocking(Bay bay) {
        int count = 0;
        for (int s = 0; s < bay.stacks(); s++) {
            int below = bay.empty;
            for (int i = 0; i < bay.height[s]; i++) {
                int c = bay.cells[s][i];
                if (c > below) {
                    count++;
                }
                below = Math.min(below, c);
            }
        }
        return count;
    }

    static int of(Bay bay) {
        if (bay.done()) {
            return 0;
        }
        int target = bay.targetStack();
        int bestElsewhere = 0;
        for (int s = 0; s < bay.stacks(); s++) {
            if (s != target) {
                bestElsewhere = Math.max(bestElsewhere, bay.min[s]);
            }
        }
        int again = 0;
        for (int i = bay.height[target] - 1; bay.cells[target][i] != bay.next; i--) {
            if (bay.cells[target][i] > bestElsewhere) {
                again++;
            }
        }
        return blocking(bay) + again;
    }
}
