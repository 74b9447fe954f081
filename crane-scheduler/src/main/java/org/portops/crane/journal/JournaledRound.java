package org.portops.crane.journal;

import org.portops.crane.journal.JournaledPlan.Alternative;
import org.portops.crane.journal.JournaledPlan.Justification;
import org.portops.crane.journal.JournaledPlan.Trigger;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.WorkInstruction;

import java.time.Instant;
import java.util.List;

/**
 * One published transport round as the decision journal records it: what triggered it (a crane plan, a stalled
 * vehicle), the dispatch plan's score and figures, and a {@link Decision} for every work instruction it changed.
 *
 * @param craneWaitingSeconds crane waiting the plan expects over its horizon
 * @param emptyDrivingSeconds empty driving the plan expects over its horizon
 * @param reassigned          jobs moved off another vehicle
 */
public record JournaledRound(Instant publishedAt, Trigger trigger, String score, long craneWaitingSeconds,
                             long emptyDrivingSeconds, int dualCycles, int reassigned, List<Decision> decisions) {

    public JournaledRound {
        if (publishedAt == null || trigger == null || score == null) {
            throw new IllegalArgumentException("journaled transport round needs a time, a trigger and a score");
        }
        decisions = List.copyOf(decisions);
    }

    /**
     * What a round decided for one work instruction: its new version, the vessel call it serves (null for a yard
     * shift), the vehicle it now names and the one it had (null when none), the constraint matches that shaped it and
     * the best other vehicles with the score difference to the plan (negative is worse).
     */
    public record Decision(WorkInstruction instruction, VesselCallId call, EquipmentId vehicle,
                           EquipmentId previousVehicle, List<Justification> justifications,
                           List<Alternative> alternatives) {
        public Decision {
            if (instruction == null) {
                throw new IllegalArgumentException("dispatch decision needs a work instruction");
            }
            justifications = List.copyOf(justifications);
            alternatives = List.copyOf(alternatives);
        }
    }
}
