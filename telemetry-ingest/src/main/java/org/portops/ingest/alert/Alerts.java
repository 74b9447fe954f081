package org.portops.ingest.alert;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.portops.ingest.IngestMetrics;
import org.portops.model.event.Addresses;
import org.portops.model.event.Alert;
import org.portops.model.event.AlertKind;
import org.portops.state.alert.ActiveAlert;
import org.portops.state.alert.AlertBoard;
import org.portops.state.alert.AlertFilter;
import org.portops.state.audit.AuditEvent;
import org.portops.state.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises alerts on the event bus ({@link Addresses#ALERT_RAISED}) and on the live state's board of active alerts,
 * and clears them there ({@link Addresses#ALERT_CLEARED}) when their condition is over. On the bus, at most one per
 * kind, subject and aspect per interval, so an attack sending thousands of forged messages raises one alert a
 * minute, not thousands; the board counts every occurrence, the repeats within the interval added in one write per
 * {@link #reportRepeats} call. Security alerts (spoofing, replay) also go to the audit log. Not thread-safe: used
 * on the ingest's Vert.x context.
 */
public final class Alerts {

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

    private record Key(AlertKind kind, String subject, String aspect) {
        String boardKey() {
            return ActiveAlert.key(kind, subject, aspect);
        }
    }

    /** Occurrences of an alert not yet counted on the board: how many, and the latest's time and text. */
    private record Repeats(long count, Instant last, String text) {
        Repeats plus(Instant at, String latest) {
            return new Repeats(count + 1, at, latest);
        }
    }

    private final EventBus bus;
    private final AuditTrail audit;
    private final AlertBoard board;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final Duration interval;
    private final Map<Key, Instant> lastRaised = new HashMap<>();
    private final Map<Key, Repeats> repeats = new HashMap<>();
    /** The alerts this ingest knows to be on the board, so a clear costs a Hazelcast call only when one is due. */
    private final Set<Key> active = new HashSet<>();

    public Alerts(EventBus bus, AuditTrail audit, AlertBoard board, IngestMetrics metrics, Clock clock,
                  Duration interval) {
        this.bus = bus;
        this.audit = audit;
        this.board = board;
        this.metrics = metrics;
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * Learns which alerts are on the board already (raised before a restart, or by another node), so that their
     * conditions ending clears them too.
     */
    public Future<Integer> loadActive() {
        return board.active(AlertFilter.ALL).map(alerts -> {
            alerts.forEach(a -> active.add(new Key(a.kind(), a.subject(), a.aspect())));
            return alerts.size();
        });
    }

    /** Raises the alert unless one of the same kind and subject was raised within the interval. */
    public void raise(AlertKind kind, String subject, String text) {
        raise(kind, subject, "", text);
    }

    /**
     * Raises the alert unless one of the same kind, subject and aspect (e.g. the signal of a predictive-maintenance
     * alert) was raised within the interval: a machine's vibration alert does not silence its temperature alert.
     * Either way it counts on the board.
     */
    public void raise(AlertKind kind, String subject, String aspect, String text) {
        Instant now = clock.instant();
        Key key = new Key(kind, subject, aspect);
        active.add(key);
        Instant last = lastRaised.get(key);
        if (last != null && now.isBefore(last.plus(interval))) {
            repeats.merge(key, new Repeats(1, now, text), (earlier, one) -> earlier.plus(now, text));
            return;
        }
        lastRaised.put(key, now);
        Repeats earlier = repeats.remove(key);
        board.raise(kind, subject, aspect, text, now, 1 + (earlier == null ? 0 : earlier.count()))
                .onFailure(e -> LOG.warn("alert {} not on the alert board: {}", key.boardKey(), e.toString()));
        Alert alert = new Alert(now, kind, subject, aspect, text);
        bus.publish(Addresses.ALERT_RAISED, new JsonObject(alert.toMap()));
        metrics.alert(kind);
        if (security(kind)) {
            audit.append(new AuditEvent.SecurityEvent("telemetry-ingest", kind.name().toLowerCase(Locale.ROOT),
                            subject, text))
                    .onFailure(e -> LOG.warn("security alert on {} not in the audit log: {}", subject, e.toString()));
        }
    }

    /**
     * The condition of an alert is over ({@code why}, in operator language): takes it off the board and announces
     * that, if it was active; does nothing otherwise. The next occurrence raises it afresh, without waiting out the
     * interval.
     */
    public void clear(AlertKind kind, String subject, String aspect, String why) {
        if (active.isEmpty()) {
            return;
        }
        Key key = new Key(kind, subject, aspect);
        if (!active.remove(key)) {
            return;
        }
        lastRaised.remove(key);
        repeats.remove(key);
        Instant now = clock.instant();
        board.clear(key.boardKey()).onSuccess(cleared -> cleared.ifPresent(was -> bus.publish(Addresses.ALERT_CLEARED,
                        new JsonObject(new Alert(now, kind, subject, aspect, why).toMap()))))
                .onFailure(e -> LOG.warn("alert {} not cleared on the alert board: {}", key.boardKey(), e.toString()));
    }

    /** Adds the repeats counted since the last call to their alerts on the board, one write per alert. */
    public void reportRepeats() {
        repeats.forEach((key, counted) -> board.raise(key.kind(), key.subject(), key.aspect(), counted.text(),
                        counted.last(), counted.count())
                .onFailure(e -> LOG.warn("repeats of alert {} not on the alert board: {}", key.boardKey(),
                        e.toString())));
        repeats.clear();
    }

    private static boolean security(AlertKind kind) {
        return switch (kind) {
            case SPOOFING, REPLAY -> true;
            case EQUIPMENT_OFFLINE, IMPLAUSIBLE_TELEMETRY, REEFER_ALARM, PREDICTIVE_MAINTENANCE, HISTORY_SHED -> false;
        };
    }
}
