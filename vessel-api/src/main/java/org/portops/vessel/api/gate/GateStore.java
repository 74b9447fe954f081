package org.portops.vessel.api.gate;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.LineOperator;
import org.portops.state.json.ModelJson;
import org.portops.vessel.api.ApiException;
import org.portops.vessel.api.Times;

/**
 * Appointments, window capacity and gate transactions in PostgreSQL. A booking takes its window's place and writes
 * the appointment in one transaction; a gate transaction first claims its appointment (BOOKED to USED), so two
 * clerks can never pass two trucks on one appointment.
 */
final class GateStore {

    private static final String COLUMNS = "id, kind, container, line, truck, window_start, window_end, pre_advice, "
            + "status";

    /** A recorded gate transaction. */
    record Transaction(UUID id, GateVisit visit, LineOperator line, boolean accepted, List<String> refusals,
                       Long moveSequence, String codeco, String clerk, Instant at) {

        JsonObject toJson() {
            JsonObject json = new JsonObject()
                    .put("id", id.toString())
                    .put("direction", visit.direction().name())
                    .put("appointment", visit.appointment().toString())
                    .put("container", visit.container().value())
                    .put("truck", visit.truck())
                    .put("lane", visit.lane().lane())
                    .put("seal", visit.seal())
                    .put("damages", new JsonArray(visit.damages()))
                    .put("outcome", accepted ? "ACCEPTED" : "REFUSED")
                    .put("refusals", new JsonArray(refusals))
                    .put("recordedBy", clerk)
                    .put("recordedAt", at.toString());
            if (visit.yardSlot() != null) {
                json.put("yardSlot", visit.yardSlot().toString());
            }
            if (moveSequence != null) {
                json.put("moveSequence", moveSequence);
            }
            if (codeco != null) {
                json.put("codeco", "/api/v1/gate/transactions/" + id + "/codeco");
            }
            return json;
        }
    }

    private final Pool pool;

    GateStore(Pool pool) {
        this.pool = pool;
    }

    /** Books the appointment if its window has a place left; 409 naming the window when full. */
    Future<Appointment> book(Appointment appointment, int capacity, String bookedBy, Instant now) {
        return pool.withTransaction(sql -> sql.preparedQuery("insert into gate_windows (window_start, booked) "
                                + "values ($1, 1) on conflict (window_start) do update "
                                + "set booked = gate_windows.booked + 1 where gate_windows.booked < $2 returning booked")
                        .execute(Tuple.of(Times.utc(appointment.windowStart()), capacity))
                        .compose(rows -> {
                            if (rows.size() == 0) {
                                return Future.failedFuture(ApiException.conflict("the window from "
                                        + appointment.windowStart() + " is full: it takes " + capacity
                                        + " appointments"));
                            }
                            return sql.preparedQuery("insert into gate_appointments (" + COLUMNS
                                            + ", booked_by, booked_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                                            + "$10, $11)")
                                    .execute(Tuple.tuple().addUUID(appointment.id()).addString(appointment.kind().name())
                                            .addString(appointment.container().value())
                                            .addString(appointment.line().code()).addString(appointment.truck())
                                            .addOffsetDateTime(Times.utc(appointment.windowStart()))
                                            .addOffsetDateTime(Times.utc(appointment.windowEnd()))
                                            .addValue(appointment.preAdvice() == null ? null
                                                    : ModelJson.container(appointment.preAdvice()))
                                            .addString(appointment.status().name()).addString(bookedBy)
                                            .addOffsetDateTime(Times.utc(now)));
                        }))
                .recover(failure -> Future.failedFuture(isUniqueViolation(failure)
                        ? ApiException.conflict(appointment.container() + " already has an open appointment")
                        : failure))
                .map(appointment);
    }

    Future<Optional<Appointment>> appointment(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from gate_appointments where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(appointment(rows.iterator().next())));
    }

    /** The appointments still booked whose window ends after {@code now}, by window. */
    Future<List<Appointment>> open(Instant now) {
        return pool.preparedQuery("select " + COLUMNS + " from gate_appointments where status = 'BOOKED' "
                        + "and window_end > $1 order by window_start, id")
                .execute(Tuple.of(Times.utc(now)))
                .map(rows -> {
                    List<Appointment> open = new ArrayList<>();
                    rows.forEach(row -> open.add(appointment(row)));
                    return open;
                });
    }

    /** Cancels a booked appointment and gives its place in the window back; false when it was not booked. */
    Future<Boolean> cancel(Appointment appointment) {
        return pool.withTransaction(sql -> sql.preparedQuery("update gate_appointments set status = 'CANCELLED' "
                        + "where id = $1 and status = 'BOOKED'")
                .execute(Tuple.of(appointment.id()))
                .compose(rows -> rows.rowCount() == 0 ? Future.succeededFuture(false)
                        : sql.preparedQuery("update gate_windows set booked = booked - 1 where window_start = $1")
                                .execute(Tuple.of(Times.utc(appointment.windowStart()))).map(true)));
    }

    /** Marks a booked appointment used; false when another transaction took it first. */
    Future<Boolean> claim(UUID appointment) {
        return pool.preparedQuery("update gate_appointments set status = 'USED' where id = $1 and status = 'BOOKED'")
                .execute(Tuple.of(appointment))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Gives back a claimed appointment whose move the live yard refused. */
    Future<Void> unclaim(UUID appointment) {
        return pool.preparedQuery("update gate_appointments set status = 'BOOKED' where id = $1 and status = 'USED'")
                .execute(Tuple.of(appointment))
                .mapEmpty();
    }

    Future<List<GateChecks.ActiveHold>> activeHolds(ContainerNumber container) {
        return pool.preparedQuery("select kind, reason, placed_by from container_holds "
                        + "where container = $1 and released_at is null order by placed_at")
                .execute(Tuple.of(container.value()))
                .map(rows -> {
                    List<GateChecks.ActiveHold> holds = new ArrayList<>();
                    rows.forEach(row -> holds.add(new GateChecks.ActiveHold(row.getString("kind"),
                            row.getString("reason"), row.getString("placed_by"))));
                    return holds;
                });
    }

    /** The seal recorded when the container last came in through the gate, or null. */
    Future<String> sealAtGateIn(ContainerNumber container) {
        return pool.preparedQuery("select seal from gate_transactions where container = $1 and direction = 'IN' "
                        + "and outcome = 'ACCEPTED' order by recorded_at desc limit 1")
                .execute(Tuple.of(container.value()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("seal"));
    }

    Future<Transaction> record(Transaction transaction) {
        GateVisit visit = transaction.visit();
        return pool.preparedQuery("insert into gate_transactions (id, appointment_id, direction, container, line, "
                        + "truck, lane, seal, damages, outcome, refusals, move_seq, codeco, clerk, recorded_at) "
                        + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)")
                .execute(Tuple.tuple().addUUID(transaction.id()).addUUID(visit.appointment())
                        .addString(visit.direction().name()).addString(visit.container().value())
                        .addString(transaction.line() == null ? null : transaction.line().code())
                        .addString(visit.truck()).addString(visit.lane().lane()).addString(visit.seal())
                        .addValue(new JsonArray(visit.damages()))
                        .addString(transaction.accepted() ? "ACCEPTED" : "REFUSED")
                        .addValue(new JsonArray(transaction.refusals())).addLong(transaction.moveSequence())
                        .addString(transaction.codeco()).addString(transaction.clerk())
                        .addOffsetDateTime(Times.utc(transaction.at())))
                .map(transaction);
    }

    /** A transaction's line and CODECO, when it has one. */
    record Codeco(LineOperator line, String content) {
    }

    Future<Optional<Codeco>> codeco(UUID transaction) {
        return pool.preparedQuery("select line, codeco from gate_transactions where id = $1 and codeco is not null")
                .execute(Tuple.of(transaction))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new Codeco(new LineOperator(row.getString("line")), row.getString("codeco")));
                });
    }

    private static Appointment appointment(Row row) {
        Object preAdvice = row.getValue("pre_advice");
        return new Appointment(row.getUUID("id"), Appointment.Kind.valueOf(row.getString("kind")),
                new ContainerNumber(row.getString("container")), new LineOperator(row.getString("line")),
                row.getString("truck"), Times.instant(row.getOffsetDateTime("window_start")),
                Times.instant(row.getOffsetDateTime("window_end")),
                preAdvice instanceof JsonObject json ? ModelJson.container(json) : null,
                Appointment.Status.valueOf(row.getString("status")));
    }

    private static boolean isUniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState());
    }

    /** A truck's visit: in at the in-gate, out (null while it is in the terminal) at the out-gate. */
    record TruckVisit(UUID id, String truck, Instant inAt, JsonArray pickUps, Instant outAt, String outLane) {

        TruckVisit {
            // PostgreSQL keeps microseconds: the times answered are the times read back later
            inAt = inAt.truncatedTo(ChronoUnit.MICROS);
        }

        JsonObject toJson() {
            JsonObject json = new JsonObject().put("id", id.toString()).put("truck", truck)
                    .put("state", outAt == null ? "IN_TERMINAL" : "LEFT").put("inAt", inAt.toString())
                    .put("waiting", new JsonArray(outAt == null
                            ? pickUps.stream().map(item -> ((JsonObject) item).getString("container")).toList()
                            : List.of()));
            if (outAt != null) {
                json.put("outAt", outAt.toString()).put("outLane", outLane)
                        .put("minutesInTerminal", Duration.between(inAt, outAt).toSeconds() / 60.0);
            }
            return json;
        }
    }

    Future<TruckVisit> recordVisit(TruckVisit visit, String clerk) {
        return pool.preparedQuery("insert into gate_truck_visits (id, truck, in_at, in_clerk, pick_ups) "
                        + "values ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(visit.id(), visit.truck(), Times.utc(visit.inAt()), clerk, visit.pickUps()))
                .map(visit);
    }

    Future<Optional<TruckVisit>> visit(UUID id) {
        return pool.preparedQuery("select id, truck, in_at, pick_ups, out_at, out_lane from gate_truck_visits "
                        + "where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    OffsetDateTime out = row.getOffsetDateTime("out_at");
                    return Optional.of(new TruckVisit(row.getUUID("id"), row.getString("truck"),
                            row.getOffsetDateTime("in_at").toInstant(), (JsonArray) row.getValue("pick_ups"),
                            out == null ? null : out.toInstant(), row.getString("out_lane")));
                });
    }

    /** Records the truck leaving; false when it had left already (another clerk was first). */
    Future<Boolean> visitOut(UUID id, String lane, String clerk, Instant at) {
        return pool.preparedQuery("update gate_truck_visits set out_at = $2, out_lane = $3, out_clerk = $4 "
                        + "where id = $1 and out_at is null")
                .execute(Tuple.of(id, Times.utc(at), lane, clerk))
                .map(rows -> rows.rowCount() == 1);
    }
}
