package org.portops.vessel.api.events;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.portops.vessel.api.Times;

/**
 * The terminal's events (container moves from the move log, vessel-call arrivals and departures) as one stream
 * ordered by creation time, paged by an opaque cursor. Both the PortOps event list, the DCSA events and the
 * webhook deliveries read it, so all three agree.
 */
public final class EventStream {

    /** The moves that are events for lines (inventory seeding and slot closures are not). */
    public static final Set<String> MOVE_KINDS = Set.of("DISCHARGE", "LOAD", "YARD_SHIFT", "REHANDLE", "GATE_IN",
            "GATE_OUT");
    public static final Set<String> CALL_TYPES = Set.of("ARRI", "DEPA");
    public static final Set<String> CLASSIFIERS = Set.of("PLN", "EST", "ACT");

    /** Where a page starts: after the event created at {@code createdAt} with {@code key}. */
    public record Cursor(Instant createdAt, String key) {

        public static final Cursor START = new Cursor(Instant.parse("1970-01-01T00:00:00Z"), "");

        /** The opaque text a client sends back. */
        public String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (createdAt + "|" + key).getBytes(StandardCharsets.UTF_8));
        }

        /** Reads {@link #encode()}'s text; {@link IllegalArgumentException} for anything else. */
        public static Cursor decode(String text) {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                int bar = plain.indexOf('|');
                return new Cursor(Instant.parse(plain.substring(0, bar)), plain.substring(bar + 1));
            } catch (IllegalArgumentException | DateTimeParseException | StringIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("not a cursor this API gave out: " + text);
            }
        }

        public static Cursor after(TerminalEvent event) {
            return new Cursor(event.createdAt(), event.key());
        }
    }

    /**
     * What to read. Null filters match everything.
     *
     * @param line        only this line's events (a line caller's own); null for all
     * @param moveKinds   move kinds to include; empty: no moves
     * @param callTypes   ARRI/DEPA to include; empty: no vessel-call events
     */
    public record Query(String line, Cursor after, Set<String> moveKinds, Set<String> callTypes,
                        Set<String> classifiers, String container, String imo, String voyage, String callId,
                        Instant createdFrom, Instant createdBefore, int limit) {

        public static Query all(String line, Cursor after, int limit) {
            return new Query(line, after, MOVE_KINDS, CALL_TYPES, CLASSIFIERS, null, null, null, null, null, null,
                    limit);
        }
    }

    /** A page of events and the cursor after its last one (the query's own cursor when the page is empty). */
    public record Page(List<TerminalEvent> events, Cursor next) {
    }

    private static final String SELECT = """
            select * from (
                select m.recorded_at as created, 'M' || lpad(m.seq::text, 19, '0') as key, 'MOVE' as source,
                       m.kind as code, 'ACT' as classifier, m.recorded_at as event_time, m.seq, m.container,
                       m.from_location, m.to_location, m.instruction_id, c.size_type, c.category, c.line,
                       v.id as call_id, v.imo, v.vessel_name, v.voyage
                from move_log m
                join containers c on c.number = m.container
                left join vessel_calls v on v.id = case
                    when m.to_location like 'vessel:%' then split_part(substring(m.to_location from 8), '/', 1)
                    when m.from_location like 'vessel:%' then split_part(substring(m.from_location from 8), '/', 1)
                    end
                where m.kind = any($4)
                union all
                select e.created_at, 'T' || lpad(e.id::text, 19, '0'), 'CALL', e.type, e.classifier, e.event_time,
                       null, null, null, null, null, null, null, e.line, v.id, v.imo, v.vessel_name, v.voyage
                from vessel_call_events e
                join vessel_calls v on v.id = e.call_id
                where e.type = any($5)
            ) ev
            where ($1::text is null or ev.line = $1)
              and (ev.created, ev.key) > ($2::timestamptz, $3::text)
              and ev.classifier = any($6)
              and ($7::text is null or ev.container = $7)
              and ($8::text is null or ev.imo = $8)
              and ($9::text is null or ev.voyage = $9)
              and ($10::text is null or ev.call_id = $10)
              and ($11::timestamptz is null or ev.created >= $11)
              and ($12::timestamptz is null or ev.created < $12)
            order by ev.created, ev.key
            limit $13""";

    private final Pool pool;

    public EventStream(Pool pool) {
        this.pool = pool;
    }

    public Future<Page> page(Query query) {
        Cursor after = query.after() == null ? Cursor.START : query.after();
        Tuple arguments = Tuple.tuple()
                .addString(query.line())
                .addOffsetDateTime(Times.utc(after.createdAt()))
                .addString(after.key())
                .addArrayOfString(query.moveKinds().toArray(String[]::new))
                .addArrayOfString(query.callTypes().toArray(String[]::new))
                .addArrayOfString(query.classifiers().toArray(String[]::new))
                .addString(query.container())
                .addString(query.imo())
                .addString(query.voyage())
                .addString(query.callId())
                .addOffsetDateTime(Times.utc(query.createdFrom()))
                .addOffsetDateTime(Times.utc(query.createdBefore()))
                .addInteger(query.limit());
        return pool.preparedQuery(SELECT).execute(arguments).map(rows -> {
            List<TerminalEvent> events = new ArrayList<>(rows.size());
            rows.forEach(row -> events.add(event(row)));
            return new Page(events, events.isEmpty() ? after : Cursor.after(events.getLast()));
        });
    }

    private static TerminalEvent event(Row row) {
        Instant created = Times.instant(row.getOffsetDateTime("created"));
        String callId = row.getString("call_id");
        TerminalEvent.CallInfo call = callId == null ? null : new TerminalEvent.CallInfo(callId, row.getString("imo"),
                row.getString("vessel_name"), row.getString("voyage"));
        if ("MOVE".equals(row.getString("source"))) {
            return new TerminalEvent.Move(row.getString("key"), created, row.getString("line"), call,
                    row.getLong("seq"), row.getString("container"), row.getString("code"),
                    row.getString("from_location"), row.getString("to_location"), row.getString("instruction_id"),
                    row.getString("size_type"), row.getString("category"));
        }
        return new TerminalEvent.CallEvent(row.getString("key"), created, row.getString("line"), call,
                row.getString("code"), row.getString("classifier"),
                Times.instant(row.getOffsetDateTime("event_time")));
    }
}
