package org.portops.sim.twin.guard;

/** The kinds of automated decision an operator sets an autonomy level and limits for. */
public enum DecisionKind {
    CRANE_REASSIGNMENT,
    VEHICLE_DISPATCH,
    SLOT_CHOICE,
    HOUSEKEEPING_MOVE
}
