package org.portops.app.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration is invalid; {@link #problems()} names every wrong setting, not only the first. */
public final class ConfigException extends RuntimeException {

    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::describe).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
