package org.portops.yard.relocation;

import org.portops.yard.relocation.PlanViolation.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * Replays a plan on the instance with its own bookkeeping (it shares no code with the solvers) under the restricted
 * rules: containers leave in priority order 1..N, only a container above the next one to leave may be relocated,
 * and no stack grows beyond H + 2. Replay stops at the first broken move, since later moves would be judged on a
 * bay that cannot exist.
 */
public final class PlanChecker {

    private PlanChecker() {
    }

    public static List<PlanViolation> check(BlocksInstance instance, RelocationPlan plan) {
        List<List<Integer>> bay = new ArrayList<>();
        instance.stacks().forEach(stack -> bay.add(new ArrayList<>(stack)));
        int next = 1;
        for (int i = 0; i < plan.ops().size(); i++) {
            int move = i + 1;
            PlanViolation violation = switch (plan.ops().get(i)) {
                case RelocationOp.Retrieve r -> retrieve(bay, r.stack(), next, move);
                case RelocationOp.Relocate r -> relocate(bay, r.from(), r.to(), next, instance.maxHeight(), move);
            };
            if (violation != null) {
                return List.of(violation);
            }
            if (plan.ops().get(i) instanceof RelocationOp.Retrieve) {
                next++;
            }
        }
        int left = bay.stream().mapToInt(List::size).sum();
        return left == 0 ? List.of() : List.of(new PlanViolation(0, Rule.NOT_ALL_RETRIEVED,
                left + " containers still in the bay after the last move, next due is " + next));
    }

    private static PlanViolation retrieve(List<List<Integer>> bay, int stack, int next, int move) {
        PlanViolation missing = stackProblem(bay, stack, "retrieve from", move);
        if (missing != null) {
            return missing;
        }
        List<Integer> s = bay.get(stack - 1);
        int top = s.getLast();
        if (top != next) {
            return new PlanViolation(move, Rule.WRONG_RETRIEVAL_ORDER,
                    "retrieves " + top + " from stack " + stack + " but " + next + " is due");
        }
        s.removeLast();
        return null;
    }

    private static PlanViolation relocate(List<List<Integer>> bay, int from, int to, int next, int maxHeight, int move) {
        if (to < 1 || to > bay.size()) {
            return new PlanViolation(move, Rule.NO_SUCH_STACK, "relocates to stack " + to + ", bay has 1.." + bay.size());
        }
        PlanViolation missing = stackProblem(bay, from, "relocate from", move);
        if (missing != null) {
            return missing;
        }
        if (from == to) {
            return new PlanViolation(move, Rule.SAME_STACK, "relocates from stack " + from + " onto itself");
        }
        List<Integer> source = bay.get(from - 1);
        int moved = source.getLast();
        int targetAt = source.indexOf(next);
        if (targetAt < 0 || targetAt == source.size() - 1) {
            return new PlanViolation(move, Rule.NOT_ABOVE_TARGET, "relocates " + moved + " from stack " + from
                    + ", which is not above " + next + ", the next container due");
        }
        List<Integer> target = bay.get(to - 1);
        if (target.size() >= maxHeight) {
            return new PlanViolation(move, Rule.HEIGHT_LIMIT, "relocates " + moved + " onto stack " + to
                    + ", already at the height limit " + maxHeight);
        }
        target.add(source.removeLast());
        return null;
    }

    private static PlanViolation stackProblem(List<List<Integer>> bay, int stack, String what, int move) {
        if (stack < 1 || stack > bay.size()) {
            return new PlanViolation(move, Rule.NO_SUCH_STACK, what + " stack " + stack + ", bay has 1.." + bay.size());
        }
        if (bay.get(stack - 1).isEmpty()) {
            return new PlanViolation(move, Rule.EMPTY_STACK, what + " stack " + stack + ", which is empty");
        }
        return null;
    }
}
