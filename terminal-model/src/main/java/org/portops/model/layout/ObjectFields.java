package org.portops.model.layout;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the fields of one JSON/YAML object, recording every problem with its full path instead of stopping at
 * the first. A reader returns null for a field it could not read; the caller then skips building the record.
 */
final class ObjectFields {

    private final JsonNode node;
    private final String path;
    private final List<String> problems;

    private ObjectFields(JsonNode node, String path, List<String> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** The object at {@code path}, with unknown fields reported; null (and a problem) when it is not an object. */
    static ObjectFields of(JsonNode node, String path, List<String> problems, String... knownFields) {
        if (node == null || !node.isObject()) {
            problems.add(label(path) + ": must be an object, was " + describe(node));
            return null;
        }
        Set<String> known = Set.of(knownFields);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(join(path, name) + ": unknown field (known: "
                        + Arrays.stream(knownFields).collect(Collectors.joining(", ")) + ")");
            }
        }
        return new ObjectFields(node, path, problems);
    }

    String path() {
        return path;
    }

    String pathOf(String field) {
        return join(path, field);
    }

    void problem(String field, String message) {
        problems.add(pathOf(field) + ": " + message);
    }

    /** Whether the field is present with a value. */
    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** Whether the field is present as a list. */
    boolean isArray(String field) {
        JsonNode value = node.get(field);
        return value != null && value.isArray();
    }

    String text(String field) {
        JsonNode value = required(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problem(field, "must be text, was " + describe(value));
            return null;
        }
        return value.textValue();
    }

    /** A text field turned into a value by {@code parser}; the parser's refusal becomes the problem. */
    <T> T parsed(String field, Function<String, T> parser) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            problem(field, e.getMessage());
            return null;
        }
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        problem(field, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")) + ", was \"" + text + "\"");
        return null;
    }

    Integer integer(String field, int min, int max) {
        JsonNode value = required(field);
        return value == null ? null : integerValue(value, pathOf(field), min, max, problems);
    }

    Double number(String field, double min, double max) {
        JsonNode value = required(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            problem(field, "must be a number, was " + describe(value));
            return null;
        }
        double number = value.doubleValue();
        if (number < min || number > max) {
            problem(field, "must be " + min + ".." + max + ", was " + value.asText());
            return null;
        }
        return number;
    }

    Boolean bool(String field) {
        JsonNode value = required(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            problem(field, "must be true or false, was " + describe(value));
            return null;
        }
        return value.booleanValue();
    }

    ObjectFields object(String field, String... knownFields) {
        JsonNode value = required(field);
        return value == null ? null : of(value, pathOf(field), problems, knownFields);
    }

    /** The elements of an array field, each with its indexed path; null when missing or not an array. */
    List<Element> array(String field) {
        JsonNode value = required(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            problem(field, "must be a list, was " + describe(value));
            return null;
        }
        List<Element> elements = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            elements.add(new Element(value.get(i), pathOf(field) + "[" + i + "]", i));
        }
        return elements;
    }

    List<String> problems() {
        return problems;
    }

    /** An array element with its path, e.g. {@code blocks[3]}. */
    record Element(JsonNode node, String path, int index) {
    }

    static Integer integerValue(JsonNode value, String path, int min, int max, List<String> problems) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problems.add(path + ": must be an integer, was " + describe(value));
            return null;
        }
        int number = value.intValue();
        if (number < min || number > max) {
            problems.add(path + ": must be " + min + ".." + max + ", was " + number);
            return null;
        }
        return number;
    }

    private JsonNode required(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            problem(field, "required field is missing");
            return null;
        }
        return value;
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String label(String path) {
        return path.isEmpty() ? "(document)" : path;
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.toString();
    }
}
