package org.portops.state.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The containers table: master data of every container the terminal has known, kept current on arrival. */
public final class ContainerMasterData {

    private static final String UPSERT = "insert into containers (number, size_type, weight_kg, line, port_of_loading, "
            + "port_of_discharge, category, reefer_set_point_c, imdg_class, updated_at) "
            + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (number) do update set "
            + "size_type = excluded.size_type, weight_kg = excluded.weight_kg, line = excluded.line, "
            + "port_of_loading = excluded.port_of_loading, port_of_discharge = excluded.port_of_discharge, "
            + "category = excluded.category, reefer_set_point_c = excluded.reefer_set_point_c, "
            + "imdg_class = excluded.imdg_class, updated_at = excluded.updated_at";

    private ContainerMasterData() {
    }

    /** Inserts or refreshes containers given as {@code ModelJson.container} objects. */
    public static Future<Void> upsert(SqlClient client, List<JsonObject> containers, Instant at) {
        List<Tuple> tuples = new ArrayList<>(containers.size());
        for (JsonObject c : containers) {
            tuples.add(Tuple.tuple()
                    .addString(c.getString("number"))
                    .addString(c.getString("sizeType"))
                    .addInteger(c.getInteger("weightKg"))
                    .addString(c.getString("line"))
                    .addString(c.getString("portOfLoading"))
                    .addString(c.getString("portOfDischarge"))
                    .addString(c.getString("category"))
                    .addDouble(c.getDouble("reeferSetPointC"))
                    .addString(c.getString("imdgClass"))
                    .addOffsetDateTime(Sql.time(at)));
        }
        return client.preparedQuery(UPSERT).executeBatch(tuples).mapEmpty();
    }
}
