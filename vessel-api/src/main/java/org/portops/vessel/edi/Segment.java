package org.portops.vessel.edi;

import java.util.ArrayList;
import java.util.List;

/**
 * One EDIFACT segment as read: its tag, its position in the interchange (UNB = 1) and its elements, each a list of
 * components (a simple element has one). Release characters are already resolved.
 */
public record Segment(String tag, int position, List<List<String>> elements) {

    public Segment {
        List<List<String>> copies = new ArrayList<>(elements.size());
        for (List<String> element : elements) {
            copies.add(List.copyOf(element));
        }
        elements = List.copyOf(copies);
    }

    /** Component {@code component} of element {@code element} (both 1-based), "" when absent. */
    public String value(int element, int component) {
        if (element < 1 || element > elements.size()) {
            return "";
        }
        List<String> components = elements.get(element - 1);
        return component < 1 || component > components.size() ? "" : components.get(component - 1);
    }

    /** The first component of element {@code element}, "" when absent. */
    public String value(int element) {
        return value(element, 1);
    }

    /** The first component of the first element: the qualifier of most segments ({@code LOC+147}). */
    public String qualifier() {
        return value(1);
    }

    /** The same segment with one component replaced (a repair). */
    public Segment withValue(int element, int component, String value) {
        List<List<String>> changed = new ArrayList<>(elements.stream()
                .map(e -> (List<String>) new ArrayList<>(e)).toList());
        while (changed.size() < element) {
            changed.add(new ArrayList<>(List.of("")));
        }
        List<String> components = changed.get(element - 1);
        while (components.size() < component) {
            components.add("");
        }
        components.set(component - 1, value);
        return new Segment(tag, position, changed);
    }

    /** The segment in EDIFACT text with the default separators, for messages and reports. */
    public String text() {
        StringBuilder out = new StringBuilder(tag);
        for (List<String> element : elements) {
            out.append('+').append(String.join(":", element));
        }
        return out.append('\'').toString();
    }
}
