package org.portops.state.hold;

import java.time.Instant;
import java.util.Objects;
import org.portops.model.container.ContainerNumber;

/** An active hold on a container: no gate lets it out and no planner dispatches a move of it while it lasts. */
public record ContainerHold(ContainerNumber container, HoldKind kind, String reason, String placedBy,
                            Instant placedAt) {

    public ContainerHold {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(placedBy, "placedBy");
        Objects.requireNonNull(placedAt, "placedAt");
        // a hold the vessel API took with an empty reason still holds: refusing to read it would free the box
        Objects.requireNonNull(reason, "reason");
    }

    /** How a planner names the hold where it keeps a move back: {@code held: <reason>}. */
    public String describe() {
        return "held: " + reason + " (" + kind.name().toLowerCase() + " hold by " + placedBy + ")";
    }
}
