package org.portops.app.config;

import java.util.Objects;

/**
 * One wrong setting: which one, what is wrong with it, and where its value came from.
 *
 * @param setting the setting that is wrong
 * @param message what is wrong, with the offending value where it is not a secret
 * @param source where the value came from ({@code --http-port}, {@code PORTOPS_HTTP_PORT},
 *               {@code file portops.properties}); null when it is not known
 */
public record ConfigProblem(Setting setting, String message, String source) {

    public ConfigProblem {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(message, "message");
    }

    static ConfigProblem of(Setting setting, String message) {
        return new ConfigProblem(setting, message, null);
    }

    ConfigProblem from(String valueSource) {
        return new ConfigProblem(setting, message, valueSource);
    }

    /** The problem as one line, e.g. {@code http.port (from --http-port): must be 0..65535, was 70000}. */
    public String describe() {
        return setting.key() + (source == null ? "" : " (from " + source + ")") + ": " + message;
    }
}
