package org.portops.vessel.api;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/** Turns request fields into model values; a value the model refuses becomes a 400 naming the field. */
public final class Fields {

    private Fields() {
    }

    /** The model value {@code parse} builds, or a 400 for {@code field} with the model's reason. */
    public static <T> T parse(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.badField(field, field + ": " + e.getMessage());
        }
    }

    /** An optional ISO-8601 instant of a JSON body; null when absent. */
    public static Instant instant(JsonObject body, String name, String field) {
        String text = body.getString(name);
        if (text == null) {
            return null;
        }
        try {
            // ISO_INSTANT takes any offset, not only Z
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badField(field, field + ": not an ISO-8601 date-time: " + text);
        }
    }
}
