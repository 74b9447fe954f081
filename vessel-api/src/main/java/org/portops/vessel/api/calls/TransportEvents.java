package org.portops.vessel.api.calls;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;
import org.portops.model.vessel.VesselCall;
import org.portops.vessel.api.Times;

/**
 * The arrival and departure events of vessel calls (DCSA transport events ARRI/DEPA as planned, estimated or
 * actual) in {@code vessel_call_events}; the DCSA event stream reads them with the move log.
 */
public final class TransportEvents {

    /** DCSA transport event type codes. */
    public enum Type { ARRI, DEPA }

    /** DCSA event classifier codes. */
    public enum Classifier { PLN, EST, ACT }

    /** One event to record: that {@code type} is {@code classifier} at {@code time}. */
    public record Change(Type type, Classifier classifier, Instant time) {
    }

    private final Pool pool;

    public TransportEvents(Pool pool) {
        this.pool = pool;
    }

    public Future<Void> record(VesselCall call, List<Change> changes, Instant createdAt) {
        if (changes.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> rows = changes.stream()
                .map(c -> Tuple.of(call.id().value(), call.line().code(), c.type().name(), c.classifier().name(),
                        Times.utc(c.time()), Times.utc(createdAt)))
                .toList();
        return pool.preparedQuery("insert into vessel_call_events (call_id, line, type, classifier, event_time, "
                        + "created_at) values ($1, $2, $3, $4, $5, $6)")
                .executeBatch(rows)
                .mapEmpty();
    }
}
