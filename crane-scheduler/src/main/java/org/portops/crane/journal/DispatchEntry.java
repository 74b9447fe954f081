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
 * One transport dispatch decision as read back from the journal: the round it belongs to (id, trigger, score), the
 * instruction as published, the vehicle it names and the one it had before (null when none), why, and the best other
 * vehicles' score differences.
 */
public record DispatchEntry(long round, Instant decidedAt, Trigger trigger, String roundScore, VesselCallId call,
                            WorkInstruction instruction, EquipmentId vehicle, EquipmentId previousVehicle,
                            List<Justification> justifications, List<Alternative> alternatives) {
    public DispatchEntry {
        justifications = List.copyOf(justifications);
        alternatives = List.copyOf(alternatives);
    }
}
