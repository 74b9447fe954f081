package org.portops.model.layout;

import java.util.List;

/** A terminal layout file could not be read; {@link #problems()} names each field path and what is wrong. */
public final class LayoutException extends RuntimeException {

    private final transient List<String> problems;

    public LayoutException(String source, List<String> problems) {
        super("terminal layout " + source + " has " + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as {@code path: what is wrong}, e.g. {@code blocks[3].maxTiers: must be 1..9, was 12}. */
    public List<String> problems() {
        return problems;
    }
}
