package org.portops.state.lease;

/** A plan write was refused because its lease token no longer holds the planner's lease; nothing was written. */
public final class LeaseLostException extends IllegalStateException {

    private final transient LeaseRefusal refusal;

    public LeaseLostException(PlannerName planner, long token, LeaseRefusal refusal) {
        super("plan write of planner " + planner + " with lease token " + token + " refused: " + refusal.reason());
        this.refusal = refusal;
    }

    public LeaseRefusal refusal() {
        return refusal;
    }
}
