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
 * One decision as read back from the journal: the plan it belongs to (version, trigger, score), the instruction as
 * published, the machine it had before (null when it was new), why, and the best alternatives' scores.
 */
public record JournalEntry(VesselCallId call, long version, Instant decidedAt, Trigger trigger, String planScore,
                           WorkInstruction instruction, EquipmentId previousMachine,
                           List<Justification> justifications, List<Alternative> alternatives) {
    public JournalEntry {
        justifications = List.copyOf(justifications);
        alternatives = List.copyOf(alternatives);
    }
}
