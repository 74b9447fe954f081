package org.portops.model.telemetry;

/**
 * A telemetry topic or payload that breaks the contract of {@code docs/telemetry.md}. {@link #field()} names the
 * offending JSON field (dotted path, e.g. {@code position.x}) or {@code topic} / {@code payload}; {@link #problem()}
 * says what is wrong with it. Ingest stores both with the quarantined message.
 */
public final class TelemetryFormatException extends IllegalArgumentException {

    private final String field;
    private final String problem;

    public TelemetryFormatException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public TelemetryFormatException(String field, String problem, Throwable cause) {
        super(field + ": " + problem, cause);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
