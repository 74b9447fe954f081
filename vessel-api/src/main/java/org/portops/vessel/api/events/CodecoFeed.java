package org.portops.vessel.api.events;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;
import org.portops.vessel.api.Times;

/**
 * The CODECOs of a line's accepted gate transactions in the order they were recorded, for a subscription of event
 * type {@value #EVENT_TYPE}. Its cursor is the event stream's kind: the transaction's time, then its move's
 * sequence, so the subscription's cursor moves on the same way.
 */
public final class CodecoFeed {

    /** The subscription event type that receives CODECO interchanges instead of DCSA events. */
    public static final String EVENT_TYPE = "CODECO";

    /** One gate transaction's CODECO interchange as kept with it (one character per byte), and the cursor past it. */
    public record Codeco(UUID transaction, String interchange, EventStream.Cursor past) {
    }

    private final Pool pool;

    public CodecoFeed(Pool pool) {
        this.pool = pool;
    }

    /** The line's next CODECO after {@code after}, if there is one. */
    public Future<Optional<Codeco>> next(String line, EventStream.Cursor after) {
        return pool.preparedQuery("select id, recorded_at, move_seq, codeco from gate_transactions "
                        + "where line = $1 and codeco is not null "
                        + "and (recorded_at, lpad(move_seq::text, 19, '0')) > ($2, $3) "
                        + "order by recorded_at, move_seq limit 1")
                .execute(Tuple.of(line, Times.utc(after.createdAt()), after.key()))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(codeco(rows.iterator().next())));
    }

    private static Codeco codeco(Row row) {
        String key = String.format("%019d", row.getLong("move_seq"));
        return new Codeco(row.getUUID("id"), row.getString("codeco"),
                new EventStream.Cursor(Times.instant(row.getOffsetDateTime("recorded_at")), key));
    }
}
