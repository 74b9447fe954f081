package org.portops.vessel.api.events;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.portops.vessel.api.Times;

/**
 * Event subscriptions in PostgreSQL. Each holds a cursor into the {@link EventStream}: delivery moves it forward,
 * so a subscription receives every event of its line once in order, also across restarts. Due subscriptions are
 * claimed with {@code for update skip locked} and a lease, so several nodes never deliver the same batch at once.
 */
public final class Subscriptions {

    /** A stored subscription; the secret never leaves through the API. */
    public record Subscription(UUID id, String line, String callbackUrl, String secret, Set<String> eventTypes,
                               EventStream.Cursor cursor, int attempts, Instant createdAt) {

        public JsonObject toJson() {
            return new JsonObject()
                    .put("subscriptionID", id.toString())
                    .put("callbackUrl", callbackUrl)
                    .put("line", line)
                    .put("eventTypes", new JsonArray(eventTypes.stream().sorted().toList()))
                    .put("createdDateTime", createdAt.toString());
        }
    }

    private static final String COLUMNS = "id, line, callback_url, secret, event_types, cursor_created, cursor_key, "
            + "attempts, created_at";

    private final Pool pool;

    public Subscriptions(Pool pool) {
        this.pool = pool;
    }

    /** A new subscription that receives the events created from {@code now} on. */
    public Future<Subscription> create(String line, String callbackUrl, String secret, Set<String> eventTypes,
                                       Instant now) {
        Subscription subscription = new Subscription(UUID.randomUUID(), line, callbackUrl, secret,
                Set.copyOf(eventTypes), new EventStream.Cursor(now, ""), 0, now);
        return pool.preparedQuery("insert into event_subscriptions (id, line, callback_url, secret, event_types, "
                        + "cursor_created, cursor_key, next_attempt_at, created_at) "
                        + "values ($1, $2, $3, $4, $5, $6, $7, $6, $6)")
                .execute(Tuple.tuple().addUUID(subscription.id()).addString(line).addString(callbackUrl)
                        .addString(secret).addArrayOfString(eventTypes.toArray(String[]::new))
                        .addOffsetDateTime(Times.utc(now)).addString(""))
                .map(subscription);
    }

    /** A line's subscriptions, or everyone's for a null line. */
    public Future<List<Subscription>> list(String line) {
        return pool.preparedQuery("select " + COLUMNS + " from event_subscriptions where $1::text is null or line = $1 "
                        + "order by created_at, id")
                .execute(Tuple.of(line))
                .map(rows -> {
                    List<Subscription> all = new ArrayList<>();
                    rows.forEach(row -> all.add(subscription(row)));
                    return all;
                });
    }

    public Future<Optional<Subscription>> get(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from event_subscriptions where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(subscription(rows.iterator().next())));
    }

    public Future<Void> delete(UUID id) {
        return pool.preparedQuery("delete from event_subscriptions where id = $1").execute(Tuple.of(id)).mapEmpty();
    }

    /**
     * Up to {@code max} subscriptions due at {@code now}, each leased until {@code now + lease} so no other node
     * takes it meanwhile.
     */
    public Future<List<Subscription>> claimDue(Instant now, Duration lease, int max) {
        return pool.preparedQuery("update event_subscriptions set next_attempt_at = $2 where id in ("
                        + "select id from event_subscriptions where next_attempt_at <= $1 order by next_attempt_at "
                        + "limit $3 for update skip locked) returning " + COLUMNS)
                .execute(Tuple.of(Times.utc(now), Times.utc(now.plus(lease)), max))
                .map(rows -> {
                    List<Subscription> due = new ArrayList<>();
                    rows.forEach(row -> due.add(subscription(row)));
                    return due;
                });
    }

    /** Delivered up to {@code cursor}; due again at {@code nextAttempt}. */
    public Future<Void> delivered(UUID id, EventStream.Cursor cursor, Instant nextAttempt) {
        return pool.preparedQuery("update event_subscriptions set cursor_created = $2, cursor_key = $3, attempts = 0, "
                        + "last_error = null, next_attempt_at = $4 where id = $1")
                .execute(Tuple.of(id, Times.utc(cursor.createdAt()), cursor.key(), Times.utc(nextAttempt)))
                .mapEmpty();
    }

    /** A failed attempt: retried at {@code nextAttempt}. */
    public Future<Void> failed(UUID id, int attempts, String error, Instant nextAttempt) {
        return pool.preparedQuery("update event_subscriptions set attempts = $2, last_error = $3, next_attempt_at = $4 "
                        + "where id = $1")
                .execute(Tuple.of(id, attempts, error, Times.utc(nextAttempt)))
                .mapEmpty();
    }

    /** Gives a batch up: keeps it as a dead letter and moves the cursor past it, in one transaction. */
    public Future<Void> deadLetter(UUID id, JsonArray body, int attempts, String error, EventStream.Cursor past,
                                   Instant now) {
        return pool.withTransaction(connection -> connection.preparedQuery("insert into webhook_dead_letters "
                                + "(subscription_id, body, attempts, last_error, failed_at) values ($1, $2, $3, $4, $5)")
                        .execute(Tuple.of(id, body, attempts, error, Times.utc(now)))
                        .compose(done -> connection.preparedQuery("update event_subscriptions set cursor_created = $2, "
                                        + "cursor_key = $3, attempts = 0, last_error = $4, next_attempt_at = $5 "
                                        + "where id = $1")
                                .execute(Tuple.of(id, Times.utc(past.createdAt()), past.key(), error, Times.utc(now)))))
                .mapEmpty();
    }

    /** The batches given up for a subscription, newest first. */
    public Future<JsonArray> deadLetters(UUID id) {
        return pool.preparedQuery("select id, body, attempts, last_error, failed_at from webhook_dead_letters "
                        + "where subscription_id = $1 order by id desc")
                .execute(Tuple.of(id))
                .map(rows -> {
                    JsonArray letters = new JsonArray();
                    for (Row row : rows) {
                        letters.add(new JsonObject()
                                .put("id", row.getLong("id"))
                                .put("events", row.getValue("body"))
                                .put("attempts", row.getInteger("attempts"))
                                .put("lastError", row.getString("last_error"))
                                .put("failedAt", Times.instant(row.getOffsetDateTime("failed_at")).toString()));
                    }
                    return letters;
                });
    }

    private static Subscription subscription(Row row) {
        return new Subscription(row.getUUID("id"), row.getString("line"), row.getString("callback_url"),
                row.getString("secret"), Set.copyOf(Arrays.asList(row.getArrayOfStrings("event_types"))),
                new EventStream.Cursor(Times.instant(row.getOffsetDateTime("cursor_created")),
                        row.getString("cursor_key")),
                row.getInteger("attempts"), Times.instant(row.getOffsetDateTime("created_at")));
    }
}
