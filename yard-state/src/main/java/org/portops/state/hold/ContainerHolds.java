package org.portops.state.hold;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.portops.model.container.ContainerNumber;
import org.portops.model.event.Addresses;
import org.portops.state.ChangeResult;

/**
 * The container holds of the terminal: the vessel API's {@code container_holds} table, the one list the gate checks,
 * read here by the planners (the crane scheduler dispatches no move of a held container) and written by the ops map's
 * supervisor. Every hold placed or released here is announced as the fact {@link Addresses#CONTAINER_HOLD_CHANGED}
 * after it is committed, so a planner keeps a move back, or releases it, without waiting for its next re-plan.
 */
public final class ContainerHolds {

    private final Pool pool;
    private final EventBus eventBus;
    private final Clock clock;

    public ContainerHolds(Pool pool, EventBus eventBus, Clock clock) {
        this.pool = pool;
        this.eventBus = eventBus;
        this.clock = clock;
    }

    /** The container's active holds, oldest first; empty when it is free to move. */
    public Future<List<ContainerHold>> active(ContainerNumber container) {
        return pool.preparedQuery("select container, kind, reason, placed_by, placed_at from container_holds "
                        + "where container = $1 and released_at is null order by placed_at, id")
                .execute(Tuple.of(container.value()))
                .map(rows -> {
                    List<ContainerHold> holds = new ArrayList<>();
                    rows.forEach(row -> holds.add(hold(row)));
                    return List.copyOf(holds);
                });
    }

    /** Places a hold; refused, with the hold already there named, when the container has an active one of the kind. */
    public Future<ChangeResult> place(ContainerNumber container, HoldKind kind, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            return Future.failedFuture(new IllegalArgumentException(
                    "hold reason: missing; a hold says why the container may not move"));
        }
        ContainerHold hold = new ContainerHold(container, kind, reason, by, clock.instant());
        return pool.preparedQuery("insert into container_holds (container, kind, reason, placed_by, placed_at) "
                        + "values ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(container.value(), kind.name(), reason, by, time(hold)))
                .<ChangeResult>map(rows -> {
                    announce(container, kind, true, reason);
                    return ChangeResult.APPLIED;
                })
                .recover(failure -> failure instanceof PgException pg && "23505".equals(pg.getSqlState())
                        ? active(container).map(holds -> new ChangeResult.Refused(container + " already has an "
                                + "active " + kind + " hold: " + holds.stream().filter(h -> h.kind() == kind)
                                .map(ContainerHold::describe).findFirst().orElse("released meanwhile")))
                        : Future.failedFuture(failure));
    }

    /** Releases the container's active hold of the kind; refused when it has none. */
    public Future<ChangeResult> release(ContainerNumber container, HoldKind kind, String reason, String by) {
        return pool.preparedQuery("update container_holds set released_at = $3, released_by = $4 "
                        + "where container = $1 and kind = $2 and released_at is null")
                .execute(Tuple.of(container.value(), kind.name(),
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), by))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return new ChangeResult.Refused(container + " has no active " + kind + " hold");
                    }
                    announce(container, kind, false, reason);
                    return ChangeResult.APPLIED;
                });
    }

    /**
     * Announces a hold placed or released in {@code container_holds} by a writer of its own (the vessel API's
     * routes), as {@link #place} and {@link #release} do after their commit.
     */
    public void announce(ContainerNumber container, HoldKind kind, boolean held, String reason) {
        eventBus.publish(Addresses.CONTAINER_HOLD_CHANGED, new JsonObject().put("container", container.value())
                .put("kind", kind.name()).put("held", held).put("reason", reason));
    }

    private static OffsetDateTime time(ContainerHold hold) {
        return OffsetDateTime.ofInstant(hold.placedAt(), ZoneOffset.UTC);
    }

    private static ContainerHold hold(Row row) {
        return new ContainerHold(new ContainerNumber(row.getString("container")), HoldKind.valueOf(row.getString("kind")),
                row.getString("reason"), row.getString("placed_by"), row.getOffsetDateTime("placed_at").toInstant());
    }
}
