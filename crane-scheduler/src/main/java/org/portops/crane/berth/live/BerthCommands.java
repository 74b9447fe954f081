package org.portops.crane.berth.live;

import io.vertx.core.json.JsonObject;
import org.portops.crane.berth.quay.BerthCall;
import org.portops.crane.berth.quay.BerthSettings;
import org.portops.model.vessel.VesselCallId;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads a {@code berth.call.change} command: {@code kind} ETA_UPDATED ({@code call}, {@code eta}), DELAYED
 * ({@code call}, {@code delayMinutes}), CANCELLED ({@code call}) or NEW_CALL ({@code call}, {@code vessel},
 * {@code lengthMeters}, {@code beamMeters}, {@code draftMeters}, {@code eta}, optional {@code requestedBerthing},
 * {@code moves}). A bad command fails with an {@link IllegalArgumentException} naming the field.
 */
public final class BerthCommands {

    private BerthCommands() {
    }

    public static BerthChange read(JsonObject body, BerthSettings settings, int quayCranes, Instant now) {
        String kind = text(body, "kind");
        VesselCallId call;
        try {
            call = new VesselCallId(text(body, "call"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("call: " + e.getMessage(), e);
        }
        return switch (kind) {
            case "ETA_UPDATED" -> new BerthChange.EtaUpdated(call, instant(body, "eta"), now);
            case "DELAYED" -> new BerthChange.Delayed(call, Duration.ofMinutes(whole(body, "delayMinutes")), now);
            case "CANCELLED" -> new BerthChange.Cancelled(call, now);
            case "NEW_CALL" -> {
                int length = (int) Math.ceil(number(body, "lengthMeters"));
                Instant eta = instant(body, "eta");
                Instant requested = body.getValue("requestedBerthing") == null ? eta : instant(body, "requestedBerthing");
                try {
                    yield new BerthChange.CallChanged(new BerthCall(call, text(body, "vessel"), length,
                            number(body, "beamMeters"), number(body, "draftMeters"), eta, requested,
                            (int) whole(body, "moves"), Math.max(1, Math.min(settings.maxCranes(length), quayCranes)),
                            null), now);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("NEW_CALL: " + e.getMessage(), e);
                }
            }
            default -> throw new IllegalArgumentException("kind: no change kind '" + kind
                    + "'; one of ETA_UPDATED, DELAYED, CANCELLED, NEW_CALL");
        };
    }

    private static String text(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException(field + ": missing, or not a text");
        }
        return text;
    }

    private static Instant instant(JsonObject body, String field) {
        String text = text(body, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a UTC time such as 2026-11-24T06:00:00Z",
                    e);
        }
    }

    private static double number(JsonObject body, String field) {
        if (!(body.getValue(field) instanceof Number number)) {
            throw new IllegalArgumentException(field + ": missing, or not a number");
        }
        return number.doubleValue();
    }

    private static long whole(JsonObject body, String field) {
        double value = number(body, field);
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException(field + ": must be a whole number, was " + value);
        }
        return (long) value;
    }
}
