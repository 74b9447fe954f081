package org.portops.model.event;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something an operator or the security team should look at, published at {@link Addresses#ALERT_RAISED}; the same
 * fields, with the reason as the text, announce at {@link Addresses#ALERT_CLEARED} that its condition is over.
 *
 * @param subject what it concerns: a machine id ({@code QC01}), a container number
 * @param aspect  what of the subject, when one subject can have several alerts of a kind (the signal of a
 *                predictive-maintenance alert); empty otherwise
 * @param text    the alert in operator language, with the evidence
 */
public record Alert(Instant at, AlertKind kind, String subject, String aspect, String text) {

    public Alert {
        Objects.requireNonNull(at, "alert time");
        Objects.requireNonNull(kind, "alert kind");
        Objects.requireNonNull(subject, "alert subject");
        Objects.requireNonNull(aspect, "alert aspect (empty when none)");
        Objects.requireNonNull(text, "alert text");
    }

    /** An alert without an aspect. */
    public Alert(Instant at, AlertKind kind, String subject, String text) {
        this(at, kind, subject, "", text);
    }

    /**
     * The event-bus body's fields: {@code at} (ISO-8601), {@code kind}, {@code severity}, {@code subject},
     * {@code aspect}, {@code text}.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("at", at.toString());
        fields.put("kind", kind.name());
        fields.put("severity", kind.severity().name());
        fields.put("subject", subject);
        fields.put("aspect", aspect);
        fields.put("text", text);
        return fields;
    }

    /** The alert an event-bus body's fields describe (the inverse of {@link #toMap()}; no aspect = empty). */
    public static Alert fromMap(Map<String, ?> fields) {
        Object aspect = fields.get("aspect");
        return new Alert(Instant.parse((String) fields.get("at")), AlertKind.valueOf((String) fields.get("kind")),
                (String) fields.get("subject"), aspect == null ? "" : (String) aspect, (String) fields.get("text"));
    }
}
