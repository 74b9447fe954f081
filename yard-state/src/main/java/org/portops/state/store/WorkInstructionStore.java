package org.portops.state.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.ExceptionReason;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;
import org.portops.state.lease.Lease;
import org.portops.state.lease.PlannerLease;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The current version of every work instruction in PostgreSQL. */
public final class WorkInstructionStore {

    private final Pool pool;

    public WorkInstructionStore(Pool pool) {
        this.pool = pool;
    }

    public Future<Void> upsert(WorkInstruction w) {
        return upsert(pool, w);
    }

    /**
     * Stores {@code w}, in one transaction behind the check that {@code fence}'s planner lease term still holds
     * (null: unfenced), so a deposed planner's late write is refused with {@code LeaseLostException}, writing nothing.
     */
    public Future<Void> upsert(WorkInstruction w, Lease fence) {
        if (fence == null) {
            return upsert(w);
        }
        return pool.withTransaction(connection -> PlannerLease.checkHeld(connection, fence.planner(), fence.token())
                .compose(held -> upsert(connection, w)));
    }

    private static Future<Void> upsert(SqlClient client, WorkInstruction w) {
        return client.preparedQuery("insert into work_instructions (id, container, kind, from_location, to_location, "
                        + "assigned, sequence, state, exception_code, exception_text, updated_at, twin_with) values ($1, $2, $3, "
                        + "$4, $5, $6, $7, $8, $9, $10, $11, $12) on conflict (id) do update set container = excluded.container, "
                        + "kind = excluded.kind, from_location = excluded.from_location, to_location = excluded.to_location, "
                        + "assigned = excluded.assigned, sequence = excluded.sequence, state = excluded.state, "
                        + "exception_code = excluded.exception_code, exception_text = excluded.exception_text, "
                        + "updated_at = excluded.updated_at, twin_with = excluded.twin_with")
                .execute(Tuple.tuple()
                        .addString(w.id().value())
                        .addString(w.container().value())
                        .addString(w.kind().name())
                        .addString(w.from().toString())
                        .addString(w.to().toString())
                        .addArrayOfString(w.assigned().stream().map(EquipmentId::value).toArray(String[]::new))
                        .addLong(w.sequence())
                        .addString(w.state().name())
                        .addString(w.exception() == null ? null : w.exception().code())
                        .addString(w.exception() == null ? null : w.exception().text())
                        .addOffsetDateTime(Sql.time(w.updatedAt()))
                        .addString(w.twinWith() == null ? null : w.twinWith().value()))
                .mapEmpty();
    }

    public Future<List<WorkInstruction>> loadAll() {
        return pool.query("select * from work_instructions order by sequence, id").execute().map(rows -> {
            List<WorkInstruction> instructions = new ArrayList<>(rows.size());
            for (Row row : rows) {
                String code = row.getString("exception_code");
                instructions.add(new WorkInstruction(new WorkInstructionId(row.getString("id")),
                        ContainerNumber.of(row.getString("container")), MoveKind.valueOf(row.getString("kind")),
                        Location.parse(row.getString("from_location")), Location.parse(row.getString("to_location")),
                        Arrays.stream(row.getArrayOfStrings("assigned")).map(EquipmentId::new).toList(),
                        row.getLong("sequence"), WorkInstructionState.valueOf(row.getString("state")),
                        code == null ? null : new ExceptionReason(code, row.getString("exception_text")),
                        Sql.instant(row.getOffsetDateTime("updated_at")),
                        row.getString("twin_with") == null ? null : new WorkInstructionId(row.getString("twin_with"))));
            }
            return instructions;
        });
    }
}
