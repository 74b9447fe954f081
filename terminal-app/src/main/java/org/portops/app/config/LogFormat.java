package org.portops.app.config;

import java.util.Locale;

/** How log lines are written to stderr. */
public enum LogFormat {
    /** One human-readable line per event, UTC ISO-8601 timestamp first. */
    PLAIN,
    /** One JSON object per line, for log shippers. */
    JSON;

    static LogFormat parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "plain" -> PLAIN;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("must be plain or json, was '" + text + "'");
        };
    }

    /** The name used in configuration, {@code plain} or {@code json}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
