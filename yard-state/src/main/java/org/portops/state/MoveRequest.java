package org.portops.state;

import org.portops.model.container.Container;
import org.portops.model.container.ContainerNumber;
import org.portops.model.work.GateLocation;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstructionId;

import java.util.Objects;

/**
 * A request to move one container. {@code from} is null for a container arriving from outside the terminal
 * (a gate lane or a vessel as origin is also accepted for an arrival); {@code to} null or a gate lane means the
 * container leaves the terminal. A container that is not yet in the terminal must bring its master data.
 *
 * @param instruction the work instruction this move carries out, or null
 * @param masterData  the container's master data, required when it arrives, else ignored
 */
public record MoveRequest(ContainerNumber container, MoveKind kind, Location from, Location to,
                          WorkInstructionId instruction, Container masterData) {

    public MoveRequest {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(kind, "move kind");
        if (from == null && to == null) {
            throw new IllegalArgumentException("move of " + container + " needs a from or a to location");
        }
        if (masterData != null && !masterData.number().equals(container)) {
            throw new IllegalArgumentException("master data of " + masterData.number() + " given for " + container);
        }
    }

    /** A move of a container already in the terminal. */
    public static MoveRequest of(ContainerNumber container, MoveKind kind, Location from, Location to) {
        return new MoveRequest(container, kind, from, to, null, null);
    }

    /** A container arriving in the terminal ({@code from}: a gate lane, a vessel slot, or null). */
    public static MoveRequest arrival(Container container, MoveKind kind, Location from, Location to) {
        return new MoveRequest(container.number(), kind, from, to, null, container);
    }

    /** The same move, carrying out a work instruction. */
    public MoveRequest forInstruction(WorkInstructionId id) {
        return new MoveRequest(container, kind, from, to, id, masterData);
    }

    /** Whether the container leaves the terminal with this move. */
    public boolean isDeparture() {
        return to == null || to instanceof GateLocation;
    }
}
