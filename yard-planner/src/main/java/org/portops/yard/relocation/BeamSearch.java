package org.portops.yard.relocation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Anytime beam search with min-max rollouts (a pilot method in the sense of Voß et al.): at each relocation every
 * destination is tried, each child is scored by its relocations so far plus a min-max rollout to the end (a complete
 * plan, so an upper bound), and the best {@code width} distinct bays go on. Children that cannot beat the best plan
 * by the lower bound are dropped. Widths 1, 2, 4, ... run until the time is up, the plan meets the root lower bound,
 * or a pass keeps every child (then nothing was cut but by the bound, and the plan is optimal).
 * <p>
 * Chosen over Timefold's local search because a BRP plan is a sequence whose every move changes the bay the next
 * one sees: a change early on invalidates the rest, which is what constructive tree search handles and move-based
 * local search handles badly. The rollout makes the choice look at the whole remaining retrieval, not one move.
 */
public final class BeamSearch {

    /** The best plan, the last width that completed, and whether a pass proved the plan optimal. */
    public record Result(RelocationPlan plan, int width, boolean provedOptimal) {
    }

    private record Node(Bay bay, Trail trail, int score, int bound) {
    }

    private final Clock clock;

    public BeamSearch(Clock clock) {
        this.clock = clock;
    }

    public Result solve(BlocksInstance instance, Instant deadline) {
        return solve(instance, deadline, Long.MAX_VALUE);
    }

    /**
     * As {@link #solve(BlocksInstance, Instant)}, also stopping once the passes have made more than {@code rollouts}
     * rollouts in all (checked at each level of a pass): a budget of work rather than time, so the plan is the same
     * on a quiet and on a loaded machine as long as the deadline is not reached first.
     */
    public Result solve(BlocksInstance instance, Instant deadline, long rollouts) {
        List<RelocationOp> start = new ArrayList<>();
        Bay root = Bay.of(instance);
        root.retrieveReady(start);
        Incumbent best = new Incumbent(MinMaxHeuristic.solve(instance).ops(), rollouts);
        int rootBound = LowerBound.of(root);
        int completedWidth = 0;
        for (int width = 1; best.relocations > rootBound; width *= 2) {
            Pass pass = pass(root, Trail.append(null, start), width, best, deadline);
            if (pass == Pass.TIMED_OUT) {
                break;
            }
            completedWidth = width;
            if (pass == Pass.EXHAUSTIVE) {
                return new Result(new RelocationPlan(best.ops), completedWidth, true);
            }
        }
        return new Result(new RelocationPlan(best.ops), completedWidth, best.relocations == rootBound);
    }

    private enum Pass { CUT, EXHAUSTIVE, TIMED_OUT }

    private Pass pass(Bay root, Trail rootTrail, int width, Incumbent best, Instant deadline) {
        List<Node> beam = List.of(new Node(root, rootTrail, best.minMax, 0));
        boolean cut = false;
        while (!beam.isEmpty()) {
            if (clock.instant().isAfter(deadline) || best.rollouts > best.rolloutBudget) {
                return Pass.TIMED_OUT;
            }
            Map<Long, Node> children = new HashMap<>();
            best.collided = false;
            for (Node node : beam) {
                expand(node, best, children);
            }
            // two different bays under one hash: one was dropped unseen, so this pass proves nothing
            cut |= best.collided;
            List<Node> ranked = children.values().stream()
                    .sorted(Comparator.comparingInt(Node::score).thenComparingInt(Node::bound)).toList();
            cut |= ranked.size() > width;
            beam = ranked.subList(0, Math.min(width, ranked.size()));
        }
        return cut ? Pass.CUT : Pass.EXHAUSTIVE;
    }

    private static void expand(Node node, Incumbent best, Map<Long, Node> children) {
        int from = node.bay.targetStack();
        // min-max's own choice continues the node's rollout, so that child's rollout is the node's: not run again
        int followsRollout = MinMaxHeuristic.destination(node.bay, from);
        for (int to : Destinations.of(node.bay, from)) {
            Bay child = node.bay.copy();
            List<RelocationOp> moves = new ArrayList<>();
            child.relocate(from, to, moves);
            child.retrieveReady(moves);
            Trail trail = Trail.append(node.trail, moves);
            if (child.done()) {
                best.offer(child.relocations, trail, List.of());
                continue;
            }
            int bound = child.relocations + LowerBound.of(child);
            if (bound >= best.relocations) {
                continue;
            }
            int rollout = node.score;
            if (to != followsRollout) {
                rollout = MinMaxHeuristic.complete(child.copy(), null);
                best.rollouts++;
            }
            if (rollout < best.relocations) {
                List<RelocationOp> rest = new ArrayList<>();
                MinMaxHeuristic.complete(child.copy(), rest);
                best.offer(rollout, trail, rest);
            }
            Node candidate = new Node(child, trail, rollout, bound);
            children.merge(child.hash(), candidate, (kept, other) -> {
                best.collided |= !kept.bay.key().equals(other.bay.key());
                return other.bay.relocations < kept.bay.relocations ? other : kept;
            });
        }
    }

    private static final class Incumbent {
        final long rolloutBudget;
        final int minMax;
        int relocations;
        List<RelocationOp> ops;
        long rollouts;
        boolean collided;

        Incumbent(List<RelocationOp> ops, long rolloutBudget) {
            this.ops = ops;
            this.rolloutBudget = rolloutBudget;
            this.relocations = (int) ops.stream().filter(op -> op instanceof RelocationOp.Relocate).count();
            this.minMax = relocations;
        }

        void offer(int total, Trail trail, List<RelocationOp> rest) {
            if (total < relocations) {
                List<RelocationOp> plan = Trail.ops(trail);
                plan.addAll(rest);
                relocations = total;
                ops = plan;
            }
        }
    }
}
