package org.portops.state.alert;

import com.hazelcast.map.EntryProcessor;
import java.time.Instant;
import java.util.Map;
import org.portops.model.event.AlertKind;

/**
 * Puts an alert on the board, or counts {@code occurrences} more of one already there: its text becomes the latest,
 * {@code lastSeen} moves forward (never back: occurrences may arrive out of order), an acknowledgement stays (the
 * operator acknowledged the condition, which is still the same one).
 *
 * @return the alert as the board now holds it
 */
public record RaiseAlert(AlertKind kind, String subject, String aspect, String text, Instant at, long occurrences)
        implements EntryProcessor<String, ActiveAlert, ActiveAlert> {

    @Override
    public ActiveAlert process(Map.Entry<String, ActiveAlert> entry) {
        ActiveAlert current = entry.getValue();
        ActiveAlert next = current == null
                ? new ActiveAlert(kind, subject, aspect, text, at, at, occurrences, null, null)
                : new ActiveAlert(kind, subject, aspect, at.isBefore(current.lastSeen()) ? current.text() : text,
                        at.isBefore(current.firstSeen()) ? at : current.firstSeen(),
                        at.isAfter(current.lastSeen()) ? at : current.lastSeen(), current.occurrences() + occurrences,
                        current.acknowledgedBy(), current.acknowledgedAt());
        entry.setValue(next);
        return next;
    }
}
