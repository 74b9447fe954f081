package org.portops.ingest.event;

/** What an accepted event did, as stored in {@code telemetry_event.outcome}. */
public enum EventOutcome {
    /** A spreader lock waiting for its unlock. */
    LOCK_PENDING,
    /** A spreader lock whose unlock came: the pair became a move (or a refusal). */
    PAIRED,
    /** An unlock whose move is in the move log and the live yard. */
    MOVED,
    /** An unlock that set the container down where it was picked: nothing to move. */
    NO_MOVE,
    /** An unlock whose move the live yard refused; the reason is recorded. */
    MOVE_REFUSED,
    /** An unlock with no pending lock of the same machine on the same container. */
    UNPAIRED,
    /** An instruction event that moved its work instruction on. */
    INSTRUCTION_UPDATED,
    /** An instruction event refused: unknown instruction, another machine's, or an illegal transition. */
    INSTRUCTION_REFUSED,
    /** Kept for the record only (faults, reefer alarms). */
    RECORDED
}
