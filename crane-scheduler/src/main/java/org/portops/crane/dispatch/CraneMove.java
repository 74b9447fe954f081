package org.portops.crane.dispatch;

import org.portops.model.equipment.EquipmentId;

/** The crane a transport job serves and the job's place in that crane's work sequence (1 = next). */
public record CraneMove(EquipmentId crane, int sequence) {
    public CraneMove {
        if (crane == null) {
            throw new IllegalArgumentException("crane of a crane move must be given");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence of a move of " + crane + " must be >= 0, was " + sequence);
        }
    }

    @Override
    public String toString() {
        return crane + " move " + sequence;
    }
}
