package org.portops.crane.live;

import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.WorkInstructionId;

import java.time.Instant;

/** What the live scheduler re-plans on: facts from live state and the operator's overrides. */
public sealed interface LiveEvent {

    Instant at();

    /** A kind for the journal, e.g. {@code MOVE_DONE}. */
    String kind();

    /** The event in operator language. */
    String describe();

    /** A machine picked a move up. */
    record MoveStarted(WorkInstructionId instruction, Instant at) implements LiveEvent {
        public String kind() {
            return "MOVE_STARTED";
        }

        public String describe() {
            return "move " + instruction + " started";
        }
    }

    /** A move is done: its container is where it should be. */
    record MoveDone(WorkInstructionId instruction, Instant at) implements LiveEvent {
        public String kind() {
            return "MOVE_DONE";
        }

        public String describe() {
            return "move " + instruction + " done";
        }
    }

    /** A crane raised a fault or went offline: it leaves the call and parks clear of the vessel. */
    record CraneOut(EquipmentId crane, String reason, Instant at) implements LiveEvent {
        public String kind() {
            return "CRANE_OUT";
        }

        public String describe() {
            return "crane " + crane + " out of service: " + reason;
        }
    }

    /** A crane is back in service at a vessel bay. */
    record CraneBack(EquipmentId crane, int bay, Instant at) implements LiveEvent {
        public String kind() {
            return "CRANE_BACK";
        }

        public String describe() {
            return "crane " + crane + " back in service at bay " + bay;
        }
    }

    /**
     * A vehicle stalled (faulted, went offline, reports faults). The quay-crane plan does not depend on single
     * vehicles: {@link CraneSchedulerVerticle#vehicleStalled} runs a transport round that gives its work to others,
     * journaled with this event as its trigger; applied to a crane plan, it re-plans with no change.
     */
    record VehicleStalled(EquipmentId vehicle, String reason, Instant at) implements LiveEvent {
        public String kind() {
            return "VEHICLE_STALLED";
        }

        public String describe() {
            return "vehicle " + vehicle + " stalled: " + reason;
        }
    }

    /** The call's work changed (bay plan amended, cranes added or withdrawn by the crane split). */
    record CallChanged(CallWork work, Instant at) implements LiveEvent {
        public String kind() {
            return "CALL_CHANGED";
        }

        public String describe() {
            return "vessel call " + work.call() + " changed: " + work.tasks().size() + " tasks, " + work.cranes().size()
                    + " cranes";
        }
    }

    /** An operator put a move's task on a crane, next after its started work; it stays pinned there. */
    record OperatorOverride(WorkInstructionId instruction, EquipmentId crane, String operator, Instant at) implements LiveEvent {
        public String kind() {
            return "OVERRIDE";
        }

        public String describe() {
            return operator + " put move " + instruction + " on crane " + crane;
        }
    }
}
