package org.portops.yard.relocation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Depth-first branch and bound on the restricted BRP: a branch ends when its relocations plus {@link LowerBound#of}
 * reach the best plan known, children go in order of that sum, empty stacks count once, and a bay met before with no
 * more relocations is not searched again (stack order aside). Finishing the search proves the best plan optimal;
 * at the deadline it stops and says it did not.
 */
public final class ExactSearch {

    /** The best plan found, whether the search finished (the plan is then optimal), and the nodes it visited. */
    public record Result(RelocationPlan plan, boolean provedOptimal, long nodes) {
    }

    private static final int TABLE_LIMIT = 400_000;
    private static final int CLOCK_EVERY = 1024;

    private final Clock clock;

    public ExactSearch(Clock clock) {
        this.clock = clock;
    }

    /** Starts from {@code incumbent} (any valid plan; a good one prunes more). */
    public Result solve(BlocksInstance instance, RelocationPlan incumbent, Instant deadline) {
        Run run = new Run(deadline, incumbent);
        Bay root = Bay.of(instance);
        List<RelocationOp> path = new ArrayList<>();
        root.retrieveReady(path);
        run.search(root, path);
        return new Result(new RelocationPlan(run.bestOps), !run.timedOut, run.nodes);
    }

    private final class Run {
        final Instant deadline;
        final Map<String, Integer> seen = new HashMap<>();
        List<RelocationOp> bestOps;
        int best;
        long nodes;
        boolean timedOut;

        Run(Instant deadline, RelocationPlan incumbent) {
            this.deadline = deadline;
            this.bestOps = incumbent.ops();
            this.best = incumbent.relocations();
        }

        void search(Bay bay, List<RelocationOp> path) {
            if (timedOut || ++nodes % CLOCK_EVERY == 0 && clock.instant().isAfter(deadline)) {
                timedOut = true;
                return;
            }
            if (bay.done()) {
                if (bay.relocations < best) {
                    best = bay.relocations;
                    bestOps = List.copyOf(path);
                }
                return;
            }
            if (bay.relocations + LowerBound.of(bay) >= best || visitedCheaper(bay)) {
                return;
            }
            for (Child child : children(bay)) {
                int mark = path.size();
                path.addAll(child.moves);
                search(child.bay, path);
                path.subList(mark, path.size()).clear();
            }
        }

        private boolean visitedCheaper(Bay bay) {
            String key = bay.key();
            Integer before = seen.get(key);
            if (before != null && before <= bay.relocations) {
                return true;
            }
            if (before != null || seen.size() < TABLE_LIMIT) {
                seen.put(key, bay.relocations);
            }
            return false;
        }
    }

    private record Child(Bay bay, List<RelocationOp> moves, int estimate) {
    }

    /** The children in order of relocations plus lower bound, each with the moves that made it. */
    private static List<Child> children(Bay bay) {
        int from = bay.targetStack();
        List<Child> children = new ArrayList<>();
        for (int to : Destinations.of(bay, from)) {
            Bay child = bay.copy();
            List<RelocationOp> moves = new ArrayList<>();
            child.relocate(from, to, moves);
            child.retrieveReady(moves);
            children.add(new Child(child, moves, child.relocations + LowerBound.of(child)));
        }
        children.sort(Comparator.comparingInt(Child::estimate));
        return children;
    }
}
