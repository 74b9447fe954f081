package org.portops.vessel.edi.archive;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.portops.vessel.edi.EdiCheck;
import org.portops.vessel.edi.EdiIntake;

/** The {@code edi_messages} table: every inbound interchange as received, and its outcome. */
public final class EdiArchive {

    /** What became of an interchange. */
    public enum Outcome {
        /** Read, nothing decided yet (a row left so by a crash shows where to look). */
        RECEIVED,
        /** Read without errors and applied to the live yard. */
        APPLIED,
        /** Read without errors, nothing to apply (COPRAR, COARRI, CODECO, or a VERMAS of containers no call loads). */
        ACCEPTED,
        /** Refused whole: nothing of it was applied. */
        REJECTED
    }

    private final Pool pool;

    public EdiArchive(Pool pool) {
        this.pool = pool;
    }

    /** Stores an interchange as RECEIVED; completes with its archive id. */
    public Future<Long> received(byte[] content, EdiIntake.Read read, Instant at) {
        JsonObject summary = EdiCheck.json("", read);
        String types = read.messages().stream().map(m -> m.header().type()).distinct()
                .collect(Collectors.joining(","));
        return pool.preparedQuery("insert into edi_messages (received_at, sender, recipient, interchange, "
                        + "message_types, outcome, errors, repairs, messages, content, content_sha256) values ($1, $2, $3, "
                        + "$4, $5, 'RECEIVED', $6::jsonb, $7::jsonb, $8::jsonb, $9, $10) returning id")
                .execute(Tuple.tuple()
                        .addOffsetDateTime(at.atOffset(ZoneOffset.UTC))
                        .addString(read.interchange().sender())
                        .addString(read.interchange().recipient())
                        .addString(read.interchange().controlReference())
                        .addString(types)
                        .addValue(summary.getJsonArray("errors"))
                        .addValue(summary.getJsonArray("repairs"))
                        .addValue(summary.getJsonArray("messages"))
                        // one character per byte, so the exact bytes come back (encode as ISO-8859-1) whatever the
                        // UNB syntax; PostgreSQL text cannot hold NUL, so a stray one is marked rather than refused
                        .addString(new String(content, StandardCharsets.ISO_8859_1).replace('\0', '\uFFFD'))
                        .addString(sha256(content)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Sets the outcome of an archived interchange, with the errors that decided it when it was rejected. */
    public Future<Void> decide(long id, Outcome outcome, String vesselCall, String reason, JsonArray errors,
                               Instant at) {
        return pool.preparedQuery("update edi_messages set outcome = $2, vessel_call = $3, reason = $4, "
                        + "errors = case when $5::jsonb = '[]'::jsonb then errors else $5::jsonb end, decided_at = $6 "
                        + "where id = $1")
                .execute(Tuple.tuple().addLong(id).addString(outcome.name()).addString(vesselCall).addString(reason)
                        .addValue(errors).addOffsetDateTime(at.atOffset(ZoneOffset.UTC)))
                .mapEmpty();
    }

    /** The rows of a test or an operator's look: id, outcome, reason, errors of the last {@code limit}. */
    public Future<List<JsonObject>> latest(int limit) {
        return pool.preparedQuery("select id, sender, message_types, vessel_call, outcome, reason, errors, repairs "
                        + "from edi_messages order by id desc limit $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<JsonObject> out = new ArrayList<>();
                    rows.forEach(row -> out.add(new JsonObject()
                            .put("id", row.getLong("id")).put("sender", row.getString("sender"))
                            .put("messageTypes", row.getString("message_types"))
                            .put("vesselCall", row.getString("vessel_call"))
                            .put("outcome", row.getString("outcome")).put("reason", row.getString("reason"))
                            .put("errors", row.getValue("errors")).put("repairs", row.getValue("repairs"))));
                    return out;
                });
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
