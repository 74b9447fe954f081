package org.portops.ingest.event;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.telemetry.EquipmentEvent;
import org.portops.model.telemetry.EventMessage;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;

/**
 * {@code telemetry_event}: every accepted event, stored once (a redelivered event finds its row and its outcome),
 * pending spreader locks (outcome {@code LOCK_PENDING}, so a lock survives an ingest restart) and what each event
 * became.
 */
public final class EventStore {

    /** An event's row: {@code outcome} is null while its effect is not yet recorded. */
    public record Stored(long id, EventOutcome outcome) {
        public boolean settled() {
            return outcome != null;
        }
    }

    /** A lock waiting for its unlock: where the container was picked. */
    public record PendingLock(long id, Location location) {
    }

    /** The last move an unlock made of a container: its kind and where it set the container down. */
    public record LastMove(MoveKind kind, Location to) {
    }

    private final Pool pool;

    public EventStore(Pool pool) {
        this.pool = pool;
    }

    /** Stores the event unless it is already stored; either way returns its row. */
    public Future<Stored> store(EventMessage message, String json, Instant receivedAt, EventOutcome initial) {
        EquipmentEvent event = message.event();
        Tuple values = Tuple.of(message.machineId().value(), message.sequence(), time(message.timestamp()),
                        time(receivedAt), event.type(), container(event))
                .addString(location(event))
                .addString(instruction(event))
                .addString(json)
                .addString(initial == null ? null : initial.name());
        return pool.preparedQuery("insert into telemetry_event (machine_id, sequence, recorded_at, received_at, type, "
                        + "container, location, instruction_id, payload, outcome) "
                        + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb, $10) "
                        + "on conflict on constraint telemetry_event_once do nothing returning id, outcome")
                .execute(values)
                .compose(rows -> rows.size() > 0 ? Future.succeededFuture(stored(rows.iterator().next()))
                        : existing(message));
    }

    private Future<Stored> existing(EventMessage message) {
        return pool.preparedQuery("select id, outcome from telemetry_event "
                        + "where machine_id = $1 and sequence = $2 and recorded_at = $3")
                .execute(Tuple.of(message.machineId().value(), message.sequence(), time(message.timestamp())))
                .map(rows -> stored(rows.iterator().next()));
    }

    /** The latest pending lock of {@code machine} on {@code container}. */
    public Future<Optional<PendingLock>> pendingLock(EquipmentId machine, ContainerNumber container) {
        return pool.preparedQuery("select id, location from telemetry_event where machine_id = $1 and container = $2 "
                        + "and outcome = 'LOCK_PENDING' order by id desc limit 1")
                .execute(Tuple.of(machine.value(), container.value()))
                .map(rows -> first(rows).map(row -> new PendingLock(row.getLong("id"),
                        Location.parse(row.getString("location")))));
    }

    /** The last move an unlock made of {@code container}. */
    public Future<Optional<LastMove>> lastMove(ContainerNumber container) {
        return pool.preparedQuery("select move_kind, location from telemetry_event where container = $1 "
                        + "and outcome = 'MOVED' and move_kind is not null order by id desc limit 1")
                .execute(Tuple.of(container.value()))
                .map(rows -> first(rows).map(row -> new LastMove(MoveKind.valueOf(row.getString("move_kind")),
                        Location.parse(row.getString("location")))));
    }

    /**
     * Records what an event became, and marks the lock it was paired with as used, in one transaction.
     *
     * @param moveSequence the move-log sequence of the move it made, or null
     * @param pairedLock   the id of the lock it consumed, or null
     */
    public Future<Void> settle(long id, EventOutcome outcome, String text, Long moveSequence, MoveKind kind,
                               Long pairedLock) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("update telemetry_event set outcome = $2, outcome_text = $3, move_seq = $4, "
                        + "move_kind = $5 where id = $1")
                .execute(Tuple.of(id, outcome.name(), text, moveSequence, kind == null ? null : kind.name()))
                .compose(done -> pairedLock == null ? Future.succeededFuture()
                        : connection.preparedQuery("update telemetry_event set outcome = 'PAIRED' where id = $1 "
                                + "and outcome = 'LOCK_PENDING'").execute(Tuple.of(pairedLock)).mapEmpty())
                .mapEmpty());
    }

    private static Stored stored(Row row) {
        String outcome = row.getString("outcome");
        return new Stored(row.getLong("id"), outcome == null ? null : EventOutcome.valueOf(outcome));
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
    }

    private static String container(EquipmentEvent event) {
        return switch (event) {
            case EquipmentEvent.SpreaderLocked e -> e.container().value();
            case EquipmentEvent.SpreaderUnlocked e -> e.container().value();
            case EquipmentEvent.ReeferAlarmRaised e -> e.container().value();
            case EquipmentEvent.FaultRaised e -> null;
            case EquipmentEvent.FaultCleared e -> null;
            case EquipmentEvent.InstructionAccepted e -> null;
            case EquipmentEvent.InstructionRejected e -> null;
            case EquipmentEvent.InstructionProgress e -> null;
            case EquipmentEvent.InstructionCompleted e -> null;
        };
    }

    private static String location(EquipmentEvent event) {
        return switch (event) {
            case EquipmentEvent.SpreaderLocked e -> e.location().toString();
            case EquipmentEvent.SpreaderUnlocked e -> e.location().toString();
            case EquipmentEvent.ReeferAlarmRaised e -> null;
            case EquipmentEvent.FaultRaised e -> null;
            case EquipmentEvent.FaultCleared e -> null;
            case EquipmentEvent.InstructionAccepted e -> null;
            case EquipmentEvent.InstructionRejected e -> null;
            case EquipmentEvent.InstructionProgress e -> null;
            case EquipmentEvent.InstructionCompleted e -> null;
        };
    }

    private static String instruction(EquipmentEvent event) {
        return switch (event) {
            case EquipmentEvent.InstructionAccepted e -> e.instruction().value();
            case EquipmentEvent.InstructionRejected e -> e.instruction().value();
            case EquipmentEvent.InstructionProgress e -> e.instruction().value();
            case EquipmentEvent.InstructionCompleted e -> e.instruction().value();
            case EquipmentEvent.SpreaderLocked e -> null;
            case EquipmentEvent.SpreaderUnlocked e -> null;
            case EquipmentEvent.ReeferAlarmRaised e -> null;
            case EquipmentEvent.FaultRaised e -> null;
            case EquipmentEvent.FaultCleared e -> null;
        };
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
