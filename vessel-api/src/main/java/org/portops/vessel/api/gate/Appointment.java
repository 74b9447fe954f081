package org.portops.vessel.api.gate;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.LineOperator;
import org.portops.state.json.ModelJson;

/**
 * A truck's booked visit: to drop off an export (with the line's pre-advice, the container's master data) or to
 * pick up an import, in one window.
 *
 * @param preAdvice the container's master data for a drop-off, null for a pick-up
 */
public record Appointment(UUID id, Kind kind, ContainerNumber container, LineOperator line, String truck,
                          Instant windowStart, Instant windowEnd, Container preAdvice, Status status) {

    public enum Kind {
        DROP_OFF,
        PICK_UP;

        /** The gate direction this appointment is for. */
        public GateDirection direction() {
            return this == DROP_OFF ? GateDirection.IN : GateDirection.OUT;
        }
    }

    public enum Status {
        BOOKED,
        USED,
        CANCELLED
    }

    public Appointment {
        if (kind == Kind.DROP_OFF && (preAdvice == null || !preAdvice.number().equals(container))) {
            throw new IllegalArgumentException("a drop-off of " + container + " needs its pre-advice");
        }
    }

    /** What the planners hear of it ({@code Addresses.GATE_APPOINTMENT_CHANGED}): no truck, no pre-advice. */
    public JsonObject toFact() {
        return new JsonObject()
                .put("appointment", id.toString())
                .put("kind", kind.name())
                .put("container", container.value())
                .put("windowStart", windowStart.toString())
                .put("windowEnd", windowEnd.toString())
                .put("status", status.name());
    }

    /** The same appointment in another status. */
    public Appointment withStatus(Status newStatus) {
        return new Appointment(id, kind, container, line, truck, windowStart, windowEnd, preAdvice, newStatus);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("id", id.toString())
                .put("kind", kind.name())
                .put("container", container.value())
                .put("line", line.code())
                .put("truck", truck)
                .put("windowStart", windowStart.toString())
                .put("windowEnd", windowEnd.toString())
                .put("status", status.name());
        if (preAdvice != null) {
            json.put("preAdvice", ModelJson.container(preAdvice));
        }
        return json;
    }
}
