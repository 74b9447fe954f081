package org.portops.model.telemetry;

import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.Position;
import org.portops.model.work.Location;
import org.portops.model.work.WorkInstructionId;

/**
 * A discrete event a machine reports on {@code events} (QoS 1), inside an {@link EventMessage}. Spreader events
 * say which container was picked or set down, where the machine stood and the logical location (the yard slot,
 * stowage slot, gate lane or machine the container came from or went to): the ingest turns a lock/unlock pair
 * into a container move.
 */
public sealed interface EquipmentEvent {

    /** The {@code type} discriminator on the wire. */
    String type();

    /** Twistlocks locked onto {@code container}, which stood at {@code location}. */
    record SpreaderLocked(ContainerNumber container, Position position, Location location) implements EquipmentEvent {
        public SpreaderLocked {
            Header.required(container, "container");
            Header.required(position, "position");
            Header.required(location, "location");
        }

        @Override
        public String type() {
            return "spreaderLocked";
        }
    }

    /** Twistlocks released: {@code container} now stands at {@code location}. */
    record SpreaderUnlocked(ContainerNumber container, Position position, Location location)
            implements EquipmentEvent {
        public SpreaderUnlocked {
            Header.required(container, "container");
            Header.required(position, "position");
            Header.required(location, "location");
        }

        @Override
        public String type() {
            return "spreaderUnlocked";
        }
    }

    /** A fault became active; {@code code} stays in the readings' fault codes until cleared. */
    record FaultRaised(String code, String text) implements EquipmentEvent {
        public FaultRaised {
            Header.required(code, "code");
            Header.required(text, "text");
        }

        @Override
        public String type() {
            return "faultRaised";
        }
    }

    record FaultCleared(String code) implements EquipmentEvent {
        public FaultCleared {
            Header.required(code, "code");
        }

        @Override
        public String type() {
            return "faultCleared";
        }
    }

    /** The machine took an {@link Order} on. */
    record InstructionAccepted(WorkInstructionId instruction) implements EquipmentEvent {
        public InstructionAccepted {
            Header.required(instruction, "instruction");
        }

        @Override
        public String type() {
            return "instructionAccepted";
        }
    }

    /** The machine refused an {@link Order}, with a reason code as {@code ExceptionReason} uses. */
    record InstructionRejected(WorkInstructionId instruction, String reason) implements EquipmentEvent {
        public InstructionRejected {
            Header.required(instruction, "instruction");
            Header.required(reason, "reason");
        }

        @Override
        public String type() {
            return "instructionRejected";
        }
    }

    /** A step of an order is done, e.g. {@code PICKED}, {@code ARRIVED}. */
    record InstructionProgress(WorkInstructionId instruction, String step) implements EquipmentEvent {
        public InstructionProgress {
            Header.required(instruction, "instruction");
            Header.required(step, "step");
        }

        @Override
        public String type() {
            return "instructionProgress";
        }
    }

    record InstructionCompleted(WorkInstructionId instruction) implements EquipmentEvent {
        public InstructionCompleted {
            Header.required(instruction, "instruction");
        }

        @Override
        public String type() {
            return "instructionCompleted";
        }
    }

    /** The reefer monitoring system raised an alarm on a plugged (or unplugged) reefer. */
    record ReeferAlarmRaised(ContainerNumber container, ReeferAlarm alarm, String text) implements EquipmentEvent {
        public ReeferAlarmRaised {
            Header.required(container, "container");
            Header.required(alarm, "alarm");
            Header.required(text, "text");
        }

        @Override
        public String type() {
            return "reeferAlarmRaised";
        }
    }
}
