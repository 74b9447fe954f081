package org.portops.yard.relocation;

/** Why a plan is not a solution: the 1-based move it fails at (0 for the plan as a whole) and the broken rule. */
public record PlanViolation(int move, Rule rule, String message) {

    public enum Rule {
        NO_SUCH_STACK, SAME_STACK, EMPTY_STACK, WRONG_RETRIEVAL_ORDER, NOT_ABOVE_TARGET, HEIGHT_LIMIT, NOT_ALL_RETRIEVED
    }
}
