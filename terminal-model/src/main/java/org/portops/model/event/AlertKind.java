package org.portops.model.event;

/** What an {@link Alert} is about, with how urgent it is. */
public enum AlertKind {
    /** A machine went silent or reported OFFLINE / CONNECTIONBROKEN. */
    EQUIPMENT_OFFLINE(Severity.WARNING),
    /** A message on one machine's topic claimed to be from another machine. */
    SPOOFING(Severity.CRITICAL),
    /** A message repeated a sequence number already seen: a replay or a duplicate. */
    REPLAY(Severity.CRITICAL),
    /** A reading reported an impossible motion or position. */
    IMPLAUSIBLE_TELEMETRY(Severity.WARNING),
    /** The reefer monitoring system raised an alarm on a container. */
    REEFER_ALARM(Severity.WARNING),
    /** A machine's health signals deviate from its baseline. */
    PREDICTIVE_MAINTENANCE(Severity.WARNING),
    /** Readings were dropped from telemetry history: its bounded queue is full (PostgreSQL down or too slow). */
    HISTORY_SHED(Severity.WARNING);

    /** How urgent an alert is. */
    public enum Severity {
        INFO,
        WARNING,
        CRITICAL
    }

    private final Severity severity;

    AlertKind(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
