package org.portops.model.event;

import java.time.Instant;
import org.portops.model.Validation;
import org.portops.model.container.ContainerNumber;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;

/** A container moved: {@code from} is null when it arrived in the terminal, {@code to} null when it left. */
public record ContainerMoved(long sequence, Instant at, ContainerNumber container, MoveKind kind, Location from,
                             Location to) implements YardEvent {

    public ContainerMoved {
        YardEvent.check(sequence, at);
        Validation.notNull(container, "container");
        Validation.notNull(kind, "move kind");
        if (from == null && to == null) {
            throw new IllegalArgumentException("move of " + container + " needs a from or a to location");
        }
    }

    public boolean isArrival() {
        return from == null;
    }

    public boolean isDeparture() {
        return to == null;
    }
}
