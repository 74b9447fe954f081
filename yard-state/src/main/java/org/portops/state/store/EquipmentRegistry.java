package org.portops.state.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.portops.model.equipment.Equipment;

import java.time.Instant;
import java.util.List;

/** The equipment table: which machines the terminal has (kind and model), registered from the layout. */
public final class EquipmentRegistry {

    private final Pool pool;

    public EquipmentRegistry(Pool pool) {
        this.pool = pool;
    }

    /** Registers machines not yet known and refreshes the kind and model of the others. */
    public Future<Void> register(List<Equipment> equipment, Instant at) {
        if (equipment.isEmpty()) {
            return Future.succeededFuture();
        }
        return pool.preparedQuery("insert into equipment (id, kind, model, registered_at) values ($1, $2, $3, $4) "
                        + "on conflict (id) do update set kind = excluded.kind, model = excluded.model")
                .executeBatch(equipment.stream()
                        .map(e -> Tuple.of(e.id().value(), e.kind().name(), e.model(), Sql.time(at)))
                        .toList())
                .mapEmpty();
    }
}
