package org.portops.state.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;

/**
 * The append-only audit log and decision journal. PostgreSQL chains the rows (each hash covers the previous
 * row's hash and the row); {@link #verify()} recomputes the chain and names the first row that does not fit.
 */
public final class AuditLog {

    /** A row as appended: its id and its place in the chain. */
    public record AuditEntry(long id, String prevHash, String hash) {
    }

    /**
     * The result of checking the chain.
     *
     * @param firstBrokenId the first row whose hash or link does not fit, null when intact
     */
    public record Verification(long rowsChecked, Long firstBrokenId, String problem) {
        public boolean intact() {
            return firstBrokenId == null;
        }
    }

    private final Pool pool;

    public AuditLog(Pool pool) {
        this.pool = pool;
    }

    /**
     * Records who did what to what, and why.
     *
     * @param actor   a person, a machine or a module, e.g. {@code planner:yard}, {@code user:jdoe}
     * @param action  e.g. {@code move.override}, {@code telemetry.rejected}
     * @param subject what it concerns, e.g. {@code MSCU1234565}, {@code WI-7}
     * @param details the explanation (a solver's score justification, the rejected payload's digest, ...)
     */
    public Future<AuditEntry> append(Instant at, String actor, String action, String subject, JsonObject details) {
        return pool.preparedQuery("insert into audit_log (at, actor, action, subject, details, prev_hash, hash) "
                        + "values ($1, $2, $3, $4, $5::jsonb, '', '') returning id, prev_hash, hash")
                .execute(Tuple.of(Sql.time(at), actor, action, subject, details == null ? new JsonObject() : details))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new AuditEntry(row.getLong("id"), row.getString("prev_hash"), row.getString("hash"));
                });
    }

    /** Walks the chain in id order, recomputing every hash. */
    public Future<Verification> verify() {
        return pool.query("select id, prev_hash, hash, audit_log_hash(prev_hash, id, at, actor, action, subject, details) "
                        + "as recomputed from audit_log order by id")
                .execute()
                .map(rows -> {
                    String previous = "0".repeat(64);
                    long checked = 0;
                    for (Row row : rows) {
                        long id = row.getLong("id");
                        if (!previous.equals(row.getString("prev_hash"))) {
                            return new Verification(checked, id, "row " + id + " does not link to the row before it");
                        }
                        if (!row.getString("hash").equals(row.getString("recomputed"))) {
                            return new Verification(checked, id, "row " + id + " was changed after it was written");
                        }
                        previous = row.getString("hash");
                        checked++;
                    }
                    return new Verification(checked, null, null);
                });
    }
}
