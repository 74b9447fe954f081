package org.portops.crane.journal;

import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.Location;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.WorkInstruction;

import java.time.Instant;
import java.util.List;

/**
 * One published plan of a vessel call as the decision journal records it: what triggered it, its score, what moved
 * between machines, and a {@link Decision} for every work instruction it created or changed.
 */
public record JournaledPlan(VesselCallId call, long version, Instant publishedAt, Trigger trigger, String score,
                            int makespan, List<TaskMove> diff, List<Decision> decisions) {

    public JournaledPlan {
        if (call == null || publishedAt == null || trigger == null || score == null) {
            throw new IllegalArgumentException("journaled plan needs a vessel call, a time, a trigger and a score");
        }
        if (version < 1) {
            throw new IllegalArgumentException("plan " + call + ": version must be 1 or more, was " + version);
        }
        diff = List.copyOf(diff);
        decisions = List.copyOf(decisions);
        for (Decision decision : decisions) {
            if (!onVessel(decision.instruction().from(), call) && !onVessel(decision.instruction().to(), call)) {
                throw new IllegalArgumentException("plan " + call + " v" + version + ": instruction "
                        + decision.instruction().id() + " moves neither from nor to the vessel of the call");
            }
        }
    }

    private static boolean onVessel(Location location, VesselCallId call) {
        return location instanceof VesselLocation vessel && vessel.call().equals(call);
    }

    /** The event a plan answers: a kind ({@code MOVE_DONE}, {@code CRANE_FAULT}, ...) and what happened. */
    public record Trigger(String kind, String description) {
        public Trigger {
            if (kind == null || kind.isBlank() || description == null) {
                throw new IllegalArgumentException("trigger needs a kind and a description, was " + kind + ": "
                        + description);
            }
        }
    }

    /**
     * A task (a group of moves in one bay) that changed machine: {@code from} is null for work new to the plan,
     * {@code to} is null for work taken out of it.
     */
    public record TaskMove(String task, EquipmentId from, EquipmentId to, int moves) {
        public TaskMove {
            if (task == null || from == null && to == null) {
                throw new IllegalArgumentException("task move needs a task and a machine it leaves or joins");
            }
        }
    }

    /**
     * What a plan decided for one work instruction: its new version (machine, sequence, state), the machine it had
     * in the previous plan (null when new), the constraint matches that shaped it and the best alternatives.
     */
    public record Decision(WorkInstruction instruction, EquipmentId previousMachine, List<Justification> justifications,
                           List<Alternative> alternatives) {
        public Decision {
            if (instruction == null) {
                throw new IllegalArgumentException("decision needs a work instruction");
            }
            justifications = List.copyOf(justifications);
            alternatives = List.copyOf(alternatives);
        }

        /** The crane the instruction is assigned to, null when it has none. */
        public EquipmentId machine() {
            return instruction.assigned().isEmpty() ? null : instruction.assigned().getFirst();
        }
    }

    /** One constraint match that concerns the decision: constraint, its score, the reason in operator language. */
    public record Justification(String constraint, String score, String text) {
    }

    /** The plan's score had the instruction's task gone to {@code machine} instead (at its best place there). */
    public record Alternative(EquipmentId machine, String score) {
    }
}
