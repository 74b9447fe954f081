package org.portops.state.alert;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.portops.model.event.AlertKind;
import org.portops.state.ChangeResult;
import org.portops.state.live.HazelcastFutures;

/**
 * The board of active alerts in Hazelcast ({@link #MAP}, keyed by {@link ActiveAlert#key}): what an operator should
 * look at now. Telemetry-ingest raises and clears alerts here (and announces them on the event bus); operators
 * acknowledge them. Every change is one of the named entry processors of this package, atomic on its entry.
 *
 * <p>The board is live state only: it is not rebuilt from PostgreSQL after the whole cluster restarts (the
 * conditions that still hold are raised again; the event bus and the audit log keep the record).
 */
public final class AlertBoard implements AlertBoardReader {

    public static final String MAP = "portops.yard.alerts";

    private static final Comparator<ActiveAlert> LATEST_FIRST = Comparator.comparing(ActiveAlert::lastSeen)
            .reversed().thenComparing(ActiveAlert::key);

    private final Vertx vertx;
    private final IMap<String, ActiveAlert> alerts;
    private final Clock clock;

    public AlertBoard(Vertx vertx, HazelcastInstance hazelcast, Clock clock) {
        this.vertx = vertx;
        this.alerts = hazelcast.getMap(MAP);
        this.clock = clock;
    }

    /**
     * Raises an alert, or counts {@code occurrences} more of it when it is already active (see {@link RaiseAlert}).
     * Completes with the alert as the board now holds it.
     */
    public Future<ActiveAlert> raise(AlertKind kind, String subject, String aspect, String text,
                                     Instant at, long occurrences) {
        return hz(alerts.submitToKey(ActiveAlert.key(kind, subject, aspect),
                new RaiseAlert(kind, subject, aspect, text, at, occurrences)));
    }

    /** Clears an alert; completes with the alert that was active, or empty when none was. */
    public Future<Optional<ActiveAlert>> clear(String key) {
        return hz(alerts.submitToKey(key, new ClearAlert())).map(Optional::ofNullable);
    }

    /** Records that {@code operator} has seen the alert, now; refused when it is not active or already acknowledged. */
    public Future<ChangeResult> acknowledge(String key, String operator) {
        if (operator == null || operator.isBlank()) {
            return Future.succeededFuture(new ChangeResult.Refused("an acknowledgement needs the operator's name"));
        }
        return hz(alerts.submitToKey(key, new AcknowledgeAlert(operator, clock.instant())))
                .map(refusal -> refusal == null ? ChangeResult.APPLIED : new ChangeResult.Refused(refusal));
    }

    @Override
    public Future<List<ActiveAlert>> active(AlertFilter filter) {
        return vertx.executeBlocking(() -> alerts.values().stream().filter(filter::matches).sorted(LATEST_FIRST)
                .toList(), false);
    }

    @Override
    public Future<Optional<ActiveAlert>> alert(String key) {
        return hz(alerts.getAsync(key)).map(Optional::ofNullable);
    }

    private <T> Future<T> hz(CompletionStage<T> stage) {
        return HazelcastFutures.on(vertx.getOrCreateContext(), stage);
    }
}
