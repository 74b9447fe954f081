package org.portops.crane.dispatch.mapping;

import org.portops.crane.dispatch.TransportJobId;
import org.portops.model.equipment.EquipmentId;

/**
 * A job that changed vehicle in a published plan, for the decision journal: from {@code from} (null: it had none)
 * to {@code to}; {@code dispatched} when it went out to the vehicle as its next job.
 */
public record JobMove(TransportJobId job, EquipmentId from, EquipmentId to, boolean dispatched) {

    public JobMove {
        if (job == null || to == null) {
            throw new IllegalArgumentException("a job move names its job and the vehicle it goes to");
        }
    }

    /** Moved off another vehicle, rather than assigned for the first time. */
    public boolean isReassignment() {
        return from != null;
    }

    public String describe() {
        return "job " + job + (from == null ? " to " + to : " moves from " + from + " to " + to)
                + (dispatched ? ", dispatched" : "");
    }
}
