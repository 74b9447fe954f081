package org.portops.ingest.history;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The day partitions of {@code telemetry_reading} (range-partitioned on {@code recorded_at}, UTC days, named
 * {@code telemetry_reading_pYYYYMMDD}): creates yesterday's, today's and the next {@link #DAYS_AHEAD} days' ahead of
 * time, and drops those older than the retention. Dropping a partition is instant, unlike deleting its rows.
 */
public final class TelemetryPartitions {

    /** Partitions kept ready ahead of today, so a reading near midnight always finds its partition. */
    public static final int DAYS_AHEAD = 2;
    private static final String PREFIX = "telemetry_reading_p";
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

    /** What one maintenance run changed. */
    public record Maintenance(List<LocalDate> created, List<LocalDate> dropped) {
    }

    private final Pool pool;
    private final Clock clock;
    private final Duration retention;

    public TelemetryPartitions(Pool pool, Clock clock, Duration retention) {
        this.pool = pool;
        this.clock = clock;
        this.retention = retention;
    }

    /** Creates the partitions due and drops the expired ones. */
    public Future<Maintenance> maintain() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate oldestKept = today.minusDays(retention.toDays());
        return existing().compose(days -> {
            List<LocalDate> create = new ArrayList<>();
            for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(DAYS_AHEAD)); day = day.plusDays(1)) {
                if (!days.contains(day) && !day.isBefore(oldestKept)) {
                    create.add(day);
                }
            }
            List<LocalDate> drop = days.stream().filter(day -> day.isBefore(oldestKept)).toList();
            Future<Void> done = Future.succeededFuture();
            for (LocalDate day : create) {
                done = done.compose(v -> create(day));
            }
            for (LocalDate day : drop) {
                done = done.compose(v -> pool.query("drop table if exists " + name(day)).execute().mapEmpty());
            }
            return done.map(v -> new Maintenance(List.copyOf(create), drop));
        });
    }

    /** The days that have a partition now. */
    public Future<Set<LocalDate>> existing() {
        return pool.query("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid "
                        + "join pg_class p on p.oid = i.inhparent where p.relname = 'telemetry_reading'")
                .execute()
                .map(rows -> {
                    Set<LocalDate> days = new TreeSet<>();
                    for (Row row : rows) {
                        String name = row.getString(0);
                        if (name.startsWith(PREFIX)) {
                            days.add(LocalDate.parse(name.substring(PREFIX.length()), SUFFIX));
                        }
                    }
                    return days;
                });
    }

    private Future<Void> create(LocalDate day) {
        String sql = "create table if not exists " + name(day) + " partition of telemetry_reading for values from ('"
                + day + " 00:00:00+00') to ('" + day.plusDays(1) + " 00:00:00+00')";
        // Another ingest node may create the same partition at the same moment: then it exists, which is the goal.
        return pool.query(sql).execute().<Void>mapEmpty()
                .recover(failure -> existing().compose(days -> days.contains(day)
                        ? Future.succeededFuture() : Future.failedFuture(failure)));
    }

    static String name(LocalDate day) {
        return PREFIX + SUFFIX.format(day);
    }
}
