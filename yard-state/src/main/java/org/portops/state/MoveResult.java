package org.portops.state;

import org.portops.model.event.ContainerMoved;

/** What became of a move: accepted (it is in the log and the live yard) or refused (nothing changed). */
public sealed interface MoveResult {

    /** The move is durable in the move log under {@code sequence()} and applied to the live yard. */
    record Accepted(ContainerMoved event) implements MoveResult {
        public long sequence() {
            return event.sequence();
        }
    }

    /** The move would have broken a yard invariant; nothing changed. */
    record Refused(MoveRequest request, MoveRefusal refusal) implements MoveResult {
        public String reason() {
            return refusal.reason();
        }
    }
}
