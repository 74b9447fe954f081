package org.portops.yard.live;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.portops.model.container.ContainerNumber;
import org.portops.model.event.Addresses;
import org.portops.yard.slot.Departure;

/**
 * The gate's pick-up appointments as the yard planner needs them: a container booked for pick-up leaves in its
 * appointment's window. Read from whoever answers {@link Addresses#GATE_APPOINTMENTS_OPEN} (the vessel API's
 * gate), so this module imports no other service.
 */
@FunctionalInterface
public interface PickupAppointments {

    /** The windows of the pick-ups still booked, by container. */
    Future<Map<ContainerNumber, Departure>> open();

    /** One appointment fact or answer entry. */
    record Pickup(ContainerNumber container, Optional<Departure> window) {
    }

    /** Asks the gate over the event bus; without a gate in this deployment there are none. */
    static PickupAppointments over(EventBus bus) {
        DeliveryOptions options = new DeliveryOptions().setSendTimeout(5_000);
        return () -> bus.<JsonObject>request(Addresses.GATE_APPOINTMENTS_OPEN, new JsonObject(), options)
                .map(reply -> {
                    Map<ContainerNumber, Departure> open = new HashMap<>();
                    JsonArray appointments = reply.body().getJsonArray("appointments");
                    for (int i = 0; i < appointments.size(); i++) {
                        pickup(appointments.getJsonObject(i)).ifPresent(p -> p.window()
                                .ifPresent(window -> open.put(p.container(), window)));
                    }
                    return open;
                });
    }

    /**
     * A pick-up appointment of {@link Addresses#GATE_APPOINTMENT_CHANGED}: its window while booked, none once
     * cancelled or used; empty for a drop-off (its container is announced when it comes in).
     */
    static Optional<Pickup> pickup(JsonObject appointment) {
        if (!"PICK_UP".equals(appointment.getString("kind"))) {
            return Optional.empty();
        }
        ContainerNumber container = new ContainerNumber(appointment.getString("container"));
        Optional<Departure> window = "BOOKED".equals(appointment.getString("status"))
                ? Optional.of(new Departure(Instant.parse(appointment.getString("windowStart")),
                        Instant.parse(appointment.getString("windowEnd"))))
                : Optional.empty();
        return Optional.of(new Pickup(container, window));
    }
}
