package org.portops.sim.engine;

/**
 * Why a simulated machine refuses an order. The name is the reason code of its {@code instructionRejected} event
 * (it becomes the work instruction's exception code in PortOps); {@link Refusal#text} says the particulars.
 */
public enum OrderRejection {
    /** The simulator runs in autonomous mode and takes no orders. */
    AUTONOMOUS_MODE,
    /** Not a move the simulated machines execute: only vessel to yard, yard to vessel and yard to yard. */
    UNSUPPORTED_MOVE,
    /** The move kind does not fit its ends (a DISCHARGE must go from a vessel to the yard, ...). */
    KIND_MISMATCH,
    /** This machine cannot reach the order's locations: wrong kind, or a yard slot outside its stretch of bays. */
    UNREACHABLE,
    /** The machine has an active fault. */
    MACHINE_FAULTED,
    /** The machine already has as many orders as it queues. */
    QUEUE_FULL,
    /** No container with that number is in the terminal as far as the machine can see. */
    UNKNOWN_CONTAINER,
    /** The container is somewhere else than the order's {@code from}. */
    NOT_AT_FROM,
    /** Another move of the container is under way. */
    CONTAINER_BUSY,
    /** Another container stands on top of it. */
    CONTAINER_BURIED,
    /** A yard stack at either end has another move under way. */
    STACK_BUSY,
    /** The order's {@code to} cannot take the container now (taken, nothing under it, no plug, ...). */
    DESTINATION_BLOCKED,
    /** The vessel of a vessel end is not alongside. */
    VESSEL_NOT_BERTHED,
    /** Another machine of the same kind already has this instruction's order. */
    ROLE_TAKEN,
    /** The order names another container or other ends than the orders of the same instruction before it. */
    ORDER_MISMATCH,
    /**
     * The instruction needs machines that got no order for it in time: a discharge or load needs a quay crane, a
     * tractor and a yard crane.
     */
    INCOMPLETE_ASSIGNMENT;

    /** A refusal of this kind, with its particulars. */
    Refusal because(String text) {
        return new Refusal(this, text);
    }

    /** A refused order's reason and what exactly was wrong. */
    public record Refusal(OrderRejection reason, String text) {
    }
}
