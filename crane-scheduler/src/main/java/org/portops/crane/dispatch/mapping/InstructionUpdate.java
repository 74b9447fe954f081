package org.portops.crane.dispatch.mapping;

import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;

/**
 * One change a dispatch plan makes to a work instruction, with the version it was computed from, so
 * {@link InstructionPublisher} can refuse it when the instruction has moved on since.
 */
public sealed interface InstructionUpdate {

    WorkInstruction next();

    default WorkInstructionId id() {
        return next().id();
    }

    /** The change in operator language. */
    String describe();

    /** A crane move live state does not have yet, stored with its vehicle (PLANNED, or DISPATCHED as its next job). */
    record Create(WorkInstruction next) implements InstructionUpdate {
        public String describe() {
            return "create " + next.id() + " " + next.state() + " on " + next.assigned();
        }
    }

    /** A PLANNED move given (or moved to) a vehicle, possibly dispatched to it as its next job. */
    record Change(WorkInstruction expected, WorkInstruction next) implements InstructionUpdate {
        public Change {
            if (!expected.id().equals(next.id())) {
                throw new IllegalArgumentException("an instruction update must keep its id, was " + expected.id()
                        + " -> " + next.id());
            }
        }

        public String describe() {
            return next.id() + " " + expected.state() + " on " + expected.assigned() + " -> " + next.state() + " on "
                    + next.assigned();
        }
    }
}
