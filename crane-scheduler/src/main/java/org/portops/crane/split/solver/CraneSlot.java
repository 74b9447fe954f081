package org.portops.crane.split.solver;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * One crane in one slot of the horizon: which vessel it works then, or none. Slot -1 holds, pinned, the vessel the
 * crane stands at before the horizon (none when it is parked between vessels), so the first slot's gantry move has a
 * predecessor like any other. Slots that started before a re-plan are pinned to the split in force.
 */
@PlanningEntity
public class CraneSlot {
    private RailCrane crane;
    private int slot;
    private int start;
    private int end;
    private boolean pinned;
    private boolean replanned;
    private BerthedVessel previousPlan;
    private BerthedVessel waitingFor;

    @PlanningVariable(allowsUnassigned = true)
    private BerthedVessel vessel;

    public CraneSlot() {
    }

    public CraneSlot(RailCrane crane, int slot, int start, int end, boolean pinned, BerthedVessel vessel) {
        this.crane = crane;
        this.slot = slot;
        this.start = start;
        this.end = end;
        this.pinned = pinned;
        this.vessel = vessel;
    }

    /** Marks the slot as re-planned against {@code inForce} (null: the crane was idle then). */
    public CraneSlot replanning(BerthedVessel inForce) {
        return replanning(inForce, null);
    }

    /**
     * Marks the slot as re-planned against {@code inForce}; {@code waitingFor}: the vessel the crane, idle in this slot
     * by the split in force, goes to next without working another first (null when none).
     */
    public CraneSlot replanning(BerthedVessel inForce, BerthedVessel waitingFor) {
        this.replanned = true;
        this.previousPlan = inForce;
        this.waitingFor = inForce == null ? waitingFor : null;
        return this;
    }

    public RailCrane getCrane() {
        return crane;
    }

    public int getSlot() {
        return slot;
    }

    public int getStart() {
        return start;
    }

    public int getEnd() {
        return end;
    }

    @PlanningPin
    public boolean isPinned() {
        return pinned;
    }

    public boolean isReplanned() {
        return replanned;
    }

    public BerthedVessel getPreviousPlan() {
        return previousPlan;
    }

    /** The vessel the crane, idle here by the split in force, was waiting to go to; null when none. */
    public BerthedVessel getWaitingFor() {
        return waitingFor;
    }

    /**
     * Whether this slot changes the split in force: a crane taken from the vessel it was to work, or given another
     * vessel than the one it was waiting for. A crane idle by the split in force that starts early on the vessel it was
     * waiting for, or that the split in force had no more work for, changes nothing anybody planned around: its gang
     * was coming for that vessel anyway, or was free. (Counting those too made a re-plan leave cranes idle beside a
     * vessel alongside: 500 per slot outweighs the minutes an extra crane saves, so freed cranes stayed idle.)
     */
    public boolean changesPlanInForce() {
        return replanned && !pinned && vessel != previousPlan && !(previousPlan == null && vessel != null
                && (waitingFor == null || vessel.equals(waitingFor)));
    }

    public BerthedVessel getVessel() {
        return vessel;
    }

    public void setVessel(BerthedVessel vessel) {
        this.vessel = vessel;
    }

    /** In the horizon (not the crane's start position) and working a vessel. */
    public boolean isWorking() {
        return slot >= 0 && vessel != null;
    }

    public int craneIndex() {
        return crane.index();
    }

    @Override
    public String toString() {
        return crane.name() + "@" + slot + "=" + vessel;
    }
}
