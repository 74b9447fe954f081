package org.portops.ingest.alert;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.portops.ingest.IngestMetrics;
import org.portops.model.event.Addresses;
import org.portops.model.event.Alert;
import org.portops.model.event.AlertKind;
import org.portops.state.store.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises alerts on the event bus ({@link Addresses#ALERT_RAISED}), at most one per kind and subject per interval
 * so an attack sending thousands of forged messages raises one alert a minute, not thousands. Security alerts
 * (spoofing, replay) also go to the audit log. Not thread-safe: used on the ingest's Vert.x context.
 */
public final class Alerts {

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

    private record Key(AlertKind kind, String subject, String aspect) {
    }

    private final EventBus bus;
    private final AuditLog audit;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final Duration interval;
    private final Map<Key, Instant> lastRaised = new HashMap<>();

    public Alerts(EventBus bus, AuditLog audit, IngestMetrics metrics, Clock clock, Duration interval) {
        this.bus = bus;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
        this.interval = interval;
    }

    /** Raises the alert unless one of the same kind and subject was raised within the interval. */
    public void raise(AlertKind kind, String subject, String text) {
        raise(kind, subject, "", text);
    }

    /**
     * Raises the alert unless one of the same kind, subject and aspect (e.g. the signal of a predictive-maintenance
     * alert) was raised within the interval: a machine's vibration alert does not silence its temperature alert.
     */
    public void raise(AlertKind kind, String subject, String aspect, String text) {
        Instant now = clock.instant();
        Key key = new Key(kind, subject, aspect);
        Instant last = lastRaised.get(key);
        if (last != null && now.isBefore(last.plus(interval))) {
            return;
        }
        lastRaised.put(key, now);
        Alert alert = new Alert(now, kind, subject, text);
        bus.publish(Addresses.ALERT_RAISED, new JsonObject(alert.toMap()));
        metrics.alert(kind);
        if (security(kind)) {
            audit.append(now, "telemetry-ingest", "telemetry." + kind.name().toLowerCase(Locale.ROOT),
                            subject, new JsonObject().put("text", text))
                    .onFailure(e -> LOG.warn("security alert on {} not in the audit log: {}", subject, e.toString()));
        }
    }

    private static boolean security(AlertKind kind) {
        return switch (kind) {
            case SPOOFING, REPLAY -> true;
            case EQUIPMENT_OFFLINE, IMPLAUSIBLE_TELEMETRY, REEFER_ALARM, PREDICTIVE_MAINTENANCE -> false;
        };
    }
}
