package org.portops.map.cab;

import org.portops.model.work.WorkInstruction;

/** What became of a driver's confirmation or exception from the cab. */
public sealed interface CabOutcome {

    /** The instruction moved on; {@code instruction} is its new version. */
    record Applied(WorkInstruction instruction) implements CabOutcome {
    }

    /**
     * The same command came again (a retry after a dropped network) and had already been applied: nothing changed
     * a second time; {@code instruction} is the version it produced, or the one held now.
     */
    record Replayed(WorkInstruction instruction) implements CabOutcome {
    }

    /** Refused, changing nothing; {@code current} is the instruction as held, null when there is none. */
    record Refused(Refusal refusal, String reason, WorkInstruction current) implements CabOutcome {
    }

    /** Why a cab command was refused. */
    enum Refusal {
        /** No such work instruction. */
        UNKNOWN_INSTRUCTION,
        /** The instruction is not assigned to the driver's machine. */
        NOT_ASSIGNED,
        /** The instruction is no longer in the state the driver saw (someone else moved it on). */
        STALE,
        /** The idempotency key was used before for another command. */
        KEY_REUSED,
        /** The instruction's state does not allow the command (nothing to confirm on a suspended move). */
        NOT_ALLOWED
    }
}
