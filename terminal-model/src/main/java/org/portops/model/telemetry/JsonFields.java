package org.portops.model.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.portops.model.equipment.Position;

/**
 * Reads the fields of one JSON object, refusing a missing or mistyped field with a {@link TelemetryFormatException}
 * that names it by its dotted path.
 */
final class JsonFields {

    private final JsonNode node;
    private final String path;

    JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
        if (node == null || !node.isObject()) {
            throw new TelemetryFormatException(path.isEmpty() ? "payload" : path, "must be a JSON object");
        }
    }

    private String name(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private JsonNode required(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new TelemetryFormatException(name(field), "is required");
        }
        return value;
    }

    boolean present(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    String text(String field) {
        JsonNode value = required(field);
        if (!value.isTextual()) {
            throw new TelemetryFormatException(name(field), "must be a string, was " + value);
        }
        return value.asText();
    }

    String optionalText(String field) {
        return present(field) ? text(field) : null;
    }

    /** Parses a text field with {@code parser}, reporting the parser's refusal against the field. */
    <T> T parsed(String field, Function<String, T> parser) {
        String text = text(field);
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new TelemetryFormatException(name(field), e.getMessage(), e);
        }
    }

    <T> T optionalParsed(String field, Function<String, T> parser) {
        return present(field) ? parsed(field, parser) : null;
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String text = text(field);
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new TelemetryFormatException(name(field), "must be one of " + List.of(type.getEnumConstants())
                    + ", was '" + text + "'", e);
        }
    }

    double number(String field) {
        JsonNode value = required(field);
        if (!value.isNumber()) {
            throw new TelemetryFormatException(name(field), "must be a number, was " + value);
        }
        return value.asDouble();
    }

    Double optionalNumber(String field) {
        return present(field) ? number(field) : null;
    }

    long integer(String field) {
        JsonNode value = required(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new TelemetryFormatException(name(field), "must be an integer, was " + value);
        }
        return value.asLong();
    }

    int smallInteger(String field) {
        long value = integer(field);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new TelemetryFormatException(name(field), "is out of range, was " + value);
        }
        return (int) value;
    }

    boolean bool(String field) {
        JsonNode value = required(field);
        if (!value.isBoolean()) {
            throw new TelemetryFormatException(name(field), "must be true or false, was " + value);
        }
        return value.asBoolean();
    }

    Instant instant(String field) {
        String text = text(field);
        try {
            return UtcInstants.parse(text);
        } catch (DateTimeParseException e) {
            throw new TelemetryFormatException(name(field), "must be an ISO-8601 UTC instant like "
                    + "2026-11-24T06:00:00.000Z, was '" + text + "'", e);
        }
    }

    JsonFields object(String field) {
        return new JsonFields(required(field), name(field));
    }

    Position position(String field) {
        JsonFields position = object(field);
        try {
            return new Position(position.number("x"), position.number("y"));
        } catch (TelemetryFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new TelemetryFormatException(name(field), e.getMessage(), e);
        }
    }

    <T> List<T> list(String field, Function<String, T> parser) {
        JsonNode value = required(field);
        if (!value.isArray()) {
            throw new TelemetryFormatException(name(field), "must be an array, was " + value);
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemName = name(field) + "[" + i + "]";
            if (!item.isTextual()) {
                throw new TelemetryFormatException(itemName, "must be a string, was " + item);
            }
            try {
                items.add(parser.apply(item.asText()));
            } catch (IllegalArgumentException e) {
                throw new TelemetryFormatException(itemName, e.getMessage(), e);
            }
        }
        return items;
    }
}
