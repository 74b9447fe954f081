package org.portops.state.alert;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import org.portops.model.event.AlertKind;

/**
 * An alert on the board: raised and not yet cleared. One per kind, subject and aspect; repeats of the same alert
 * count up and move {@code lastSeen} instead of adding entries.
 *
 * @param subject        what it concerns: a machine id, a container number
 * @param aspect         what of the subject, when one subject can have several alerts of a kind (the signal of a
 *                       predictive-maintenance alert); empty otherwise
 * @param text           the latest occurrence's text, in operator language
 * @param occurrences    how often it was raised since it became active (at least 1)
 * @param acknowledgedBy the operator who acknowledged it, or null while nobody has
 * @param acknowledgedAt when, or null
 */
public record ActiveAlert(AlertKind kind, String subject, String aspect, String text, Instant firstSeen,
                          Instant lastSeen, long occurrences, String acknowledgedBy, Instant acknowledgedAt) {

    public ActiveAlert {
        Objects.requireNonNull(kind, "alert kind");
        Objects.requireNonNull(subject, "alert subject");
        Objects.requireNonNull(aspect, "alert aspect (empty when none)");
        Objects.requireNonNull(text, "alert text");
        Objects.requireNonNull(firstSeen, "first seen");
        Objects.requireNonNull(lastSeen, "last seen");
        if (occurrences < 1) {
            throw new IllegalArgumentException("an active alert occurred at least once, was " + occurrences);
        }
        if ((acknowledgedBy == null) != (acknowledgedAt == null)) {
            throw new IllegalArgumentException("an acknowledgement needs both who and when, was " + acknowledgedBy
                    + " at " + acknowledgedAt);
        }
    }

    /**
     * The board's key of an alert: {@code KIND/subject}, or {@code KIND/subject/aspect} when it has an aspect
     * ({@code EQUIPMENT_OFFLINE/QC01}, {@code PREDICTIVE_MAINTENANCE/RTG07/VIBRATION}).
     */
    public static String key(AlertKind kind, String subject, String aspect) {
        return aspect == null || aspect.isEmpty() ? kind.name() + "/" + subject : kind.name() + "/" + subject + "/" + aspect;
    }

    public String key() {
        return key(kind, subject, aspect);
    }

    public boolean acknowledged() {
        return acknowledgedBy != null;
    }

    /** For the HTTP API: the fields, times as ISO-8601, plus {@code key} and {@code severity}. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("key", key())
                .put("kind", kind.name())
                .put("severity", kind.severity().name())
                .put("subject", subject)
                .put("aspect", aspect)
                .put("text", text)
                .put("firstSeen", firstSeen.toString())
                .put("lastSeen", lastSeen.toString())
                .put("occurrences", occurrences)
                .put("acknowledgedBy", acknowledgedBy)
                .put("acknowledgedAt", acknowledgedAt == null ? null : acknowledgedAt.toString());
    }
}
