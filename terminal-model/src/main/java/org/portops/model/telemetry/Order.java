package org.portops.model.telemetry;

import java.time.Instant;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstructionId;

/**
 * A work instruction sent down to the machine {@code machineId} on its {@code order} topic: move
 * {@code container} from {@code from} to {@code to}. {@code sequence} and {@code timestamp} are the sender's
 * (PortOps's counter for that machine).
 */
public record Order(EquipmentId machineId, long sequence, Instant timestamp, WorkInstructionId instruction,
                    ContainerNumber container, MoveKind kind, Location from, Location to) implements TelemetryMessage {

    public Order {
        Header.check(machineId, sequence, timestamp);
        Header.required(instruction, "instruction");
        Header.required(container, "container");
        Header.required(kind, "kind");
        Header.required(from, "from");
        Header.required(to, "to");
    }

    @Override
    public TelemetryTopic topic() {
        return TelemetryTopic.ORDER;
    }
}
