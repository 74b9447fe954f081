package org.portops.crane.journal;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.portops.crane.journal.JournaledPlan.Alternative;
import org.portops.crane.journal.JournaledPlan.Decision;
import org.portops.crane.journal.JournaledPlan.Justification;
import org.portops.crane.journal.JournaledPlan.TaskMove;
import org.portops.crane.journal.JournaledPlan.Trigger;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.VesselCallId;
import org.portops.state.json.ModelJson;
import org.portops.state.lease.Lease;
import org.portops.state.lease.PlannerLease;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * The crane scheduler's decision journal in PostgreSQL: crane plans (tables {@code crane_plan} and
 * {@code crane_decision}) and transport rounds ({@code dispatch_round} and {@code dispatch_decision}), each plan and
 * round also chained into {@code audit_log}. {@link #append} may be called from any thread: plans and rounds queue on
 * the journal's Vert.x context and are written by group commit — while one transaction is in flight the next ones
 * gather, and the next transaction takes them all — so a burst of re-plans costs few round trips and nothing waits
 * on an event loop. Queries return immutable {@link JournalEntry} (crane) and {@link DispatchEntry} (transport)
 * records, oldest first.
 */
public final class DecisionJournal {
    static final String ACTOR = "planner:crane";
    static final String ACTION = "crane.plan.published";
    static final String TRANSPORT_ACTOR = "planner:transport";
    static final String TRANSPORT_ACTION = "transport.round.published";
    private static final int MAX_PLANS_PER_TRANSACTION = 64;
    private static final String DISPATCH_COLUMNS = "select d.round, d.decided_at, d.vessel_call, d.instruction, "
            + "d.machine, d.previous_machine, d.justifications, d.alternatives, r.trigger_kind, r.trigger, r.score "
            + "from dispatch_decision d join dispatch_round r on r.id = d.round ";
    private static final String ENTRY_COLUMNS = "select d.vessel_call, d.version, d.decided_at, d.instruction, "
            + "d.previous_machine, d.justifications, d.alternatives, p.trigger_kind, p.trigger, p.score "
            + "from crane_decision d join crane_plan p on p.vessel_call = d.vessel_call and p.version = d.version ";

    private final Context context;
    private final Pool pool;
    private final Lease fence;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private boolean writing;

    private record Pending(Function<SqlConnection, Future<Void>> write, Promise<Void> written) {
    }

    /** A journal writing through {@code pool} from the caller's Vert.x context (a new one off an event loop). */
    public DecisionJournal(Vertx vertx, Pool pool) {
        this(vertx, pool, null);
    }

    /**
     * A journal whose every transaction first checks that {@code fence}'s planner lease term still holds
     * ({@code PlannerLease.checkHeld}; null: unfenced), so a deposed leader journals nothing more: its appends fail
     * with {@code LeaseLostException}.
     */
    public DecisionJournal(Vertx vertx, Pool pool, Lease fence) {
        this.context = vertx.getOrCreateContext();
        this.pool = pool;
        this.fence = fence;
    }

    /** Completes once the plan and all its decisions are committed; fails when the transaction fails. */
    public Future<Void> append(JournaledPlan plan) {
        return enqueue(connection -> write(connection, plan));
    }

    /** Completes once the transport round and all its decisions are committed; fails when the transaction fails. */
    public Future<Void> append(JournaledRound round) {
        return enqueue(connection -> write(connection, round));
    }

    private Future<Void> enqueue(Function<SqlConnection, Future<Void>> write) {
        Promise<Void> written = Promise.promise();
        context.runOnContext(v -> {
            queue.add(new Pending(write, written));
            writeNext();
        });
        return written.future();
    }

    /** Transport decisions about one container, in the time range. */
    public Future<List<DispatchEntry>> dispatchesByContainer(ContainerNumber container, TimeRange range, int limit) {
        return dispatchQuery("where d.container = $1 and d.decided_at >= $2 and d.decided_at < $3",
                Tuple.of(container.value(), time(range.from()), time(range.to())), limit);
    }

    /** Transport decisions that gave work to a vehicle or took work from it, in the time range. */
    public Future<List<DispatchEntry>> dispatchesByMachine(EquipmentId machine, TimeRange range, int limit) {
        return dispatchQuery("where (d.machine = $1 or d.previous_machine = $1) and d.decided_at >= $2 "
                + "and d.decided_at < $3", Tuple.of(machine.value(), time(range.from()), time(range.to())), limit);
    }

    /** Transport decisions about the moves of one vessel call, in the time range. */
    public Future<List<DispatchEntry>> dispatchesByVesselCall(VesselCallId call, TimeRange range, int limit) {
        return dispatchQuery("where d.vessel_call = $1 and d.decided_at >= $2 and d.decided_at < $3",
                Tuple.of(call.value(), time(range.from()), time(range.to())), limit);
    }

    /** Every transport decision in the time range. */
    public Future<List<DispatchEntry>> dispatchesBetween(TimeRange range, int limit) {
        return dispatchQuery("where d.decided_at >= $1 and d.decided_at < $2",
                Tuple.of(time(range.from()), time(range.to())), limit);
    }

    /** Decisions about one container, in the time range. */
    public Future<List<JournalEntry>> byContainer(ContainerNumber container, TimeRange range, int limit) {
        return query("where d.container = $1 and d.decided_at >= $2 and d.decided_at < $3",
                Tuple.of(container.value(), time(range.from()), time(range.to())), limit);
    }

    /** Decisions that gave work to a machine or took work from it, in the time range. */
    public Future<List<JournalEntry>> byMachine(EquipmentId machine, TimeRange range, int limit) {
        return query("where (d.machine = $1 or d.previous_machine = $1) and d.decided_at >= $2 and d.decided_at < $3",
                Tuple.of(machine.value(), time(range.from()), time(range.to())), limit);
    }

    /** Decisions of one vessel call, in the time range. */
    public Future<List<JournalEntry>> byVesselCall(VesselCallId call, TimeRange range, int limit) {
        return query("where d.vessel_call = $1 and d.decided_at >= $2 and d.decided_at < $3",
                Tuple.of(call.value(), time(range.from()), time(range.to())), limit);
    }

    /** Every decision in the time range. */
    public Future<List<JournalEntry>> between(TimeRange range, int limit) {
        return query("where d.decided_at >= $1 and d.decided_at < $2", Tuple.of(time(range.from()), time(range.to())),
                limit);
    }

    private Future<List<JournalEntry>> query(String where, Tuple arguments, int limit) {
        return select(ENTRY_COLUMNS + where, arguments, limit, DecisionJournal::entry);
    }

    private Future<List<DispatchEntry>> dispatchQuery(String where, Tuple arguments, int limit) {
        return select(DISPATCH_COLUMNS + where, arguments, limit, DecisionJournal::dispatchEntry);
    }

    private <T> Future<List<T>> select(String query, Tuple arguments, int limit, Function<Row, T> entry) {
        if (limit < 1) {
            return Future.failedFuture(new IllegalArgumentException("journal query limit must be 1 or more, was " + limit));
        }
        arguments.addInteger(limit);
        return pool.preparedQuery(query + " order by d.decided_at, d.id limit $" + arguments.size())
                .execute(arguments)
                .map(rows -> {
                    List<T> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(entry.apply(row)));
                    return List.copyOf(entries);
                });
    }

    private void writeNext() {
        if (writing || queue.isEmpty()) {
            return;
        }
        writing = true;
        List<Pending> batch = new ArrayList<>();
        while (!queue.isEmpty() && batch.size() < MAX_PLANS_PER_TRANSACTION) {
            batch.add(queue.poll());
        }
        pool.withTransaction(connection -> {
            Future<Void> chain = fence == null ? Future.succeededFuture()
                    : PlannerLease.checkHeld(connection, fence.planner(), fence.token());
            for (Pending pending : batch) {
                chain = chain.compose(v -> pending.write().apply(connection));
            }
            return chain;
        }).onComplete(result -> {
            batch.forEach(pending -> pending.written().handle(result));
            writing = false;
            writeNext();
        });
    }

    private static Future<Void> write(SqlConnection connection, JournaledPlan plan) {
        JsonObject trigger = trigger(plan.trigger());
        JsonArray diff = diff(plan.diff());
        JsonObject summary = new JsonObject().put("vesselCall", plan.call().value()).put("version", plan.version())
                .put("trigger", trigger).put("score", plan.score()).put("makespan", plan.makespan())
                .put("diff", diff).put("decisions", plan.decisions().size());
        return connection.preparedQuery("insert into audit_log (at, actor, action, subject, details, prev_hash, hash) "
                        + "values ($1, $2, $3, $4, $5::jsonb, '', '') returning id")
                .execute(Tuple.of(time(plan.publishedAt()), ACTOR, ACTION, plan.call().value(), summary))
                .compose(rows -> connection.preparedQuery("insert into crane_plan (vessel_call, version, published_at, "
                                + "trigger_kind, trigger, score, makespan, reassigned, diff, audit_id) "
                                + "values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9::jsonb, $10)")
                        .execute(Tuple.from(List.of(plan.call().value(), plan.version(), time(plan.publishedAt()),
                                plan.trigger().kind(), trigger, plan.score(), plan.makespan(),
                                (int) plan.diff().stream().filter(m -> m.from() != null && m.to() != null).count(),
                                diff, rows.iterator().next().getLong("id")))))
                .compose(v -> plan.decisions().isEmpty() ? Future.succeededFuture()
                        : connection.preparedQuery("insert into crane_decision (vessel_call, version, decided_at, "
                                        + "instruction_id, container, machine, previous_machine, sequence, state, "
                                        + "instruction, justifications, alternatives) "
                                        + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12::jsonb)")
                                .executeBatch(plan.decisions().stream().map(d -> decisionRow(plan, d)).toList()))
                .mapEmpty();
    }

    private static Future<Void> write(SqlConnection connection, JournaledRound round) {
        JsonObject trigger = trigger(round.trigger());
        JsonObject figures = new JsonObject().put("craneWaitingSeconds", round.craneWaitingSeconds())
                .put("emptyDrivingSeconds", round.emptyDrivingSeconds()).put("dualCycles", round.dualCycles());
        JsonObject summary = new JsonObject().put("trigger", trigger).put("score", round.score())
                .put("figures", figures).put("reassigned", round.reassigned())
                .put("decisions", round.decisions().size());
        return connection.preparedQuery("insert into audit_log (at, actor, action, subject, details, prev_hash, hash) "
                        + "values ($1, $2, $3, $4, $5::jsonb, '', '') returning id")
                .execute(Tuple.of(time(round.publishedAt()), TRANSPORT_ACTOR, TRANSPORT_ACTION, round.trigger().kind(),
                        summary))
                .compose(rows -> connection.preparedQuery("insert into dispatch_round (published_at, trigger_kind, "
                                + "trigger, score, figures, reassigned, audit_id) "
                                + "values ($1, $2, $3::jsonb, $4, $5::jsonb, $6, $7) returning id")
                        .execute(Tuple.from(List.of(time(round.publishedAt()), round.trigger().kind(), trigger,
                                round.score(), figures, round.reassigned(), rows.iterator().next().getLong("id")))))
                .compose(rows -> {
                    long id = rows.iterator().next().getLong("id");
                    return round.decisions().isEmpty() ? Future.succeededFuture()
                            : connection.preparedQuery("insert into dispatch_decision (round, decided_at, vessel_call, "
                                            + "instruction_id, container, machine, previous_machine, state, instruction, "
                                            + "justifications, alternatives) "
                                            + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11::jsonb)")
                                    .executeBatch(round.decisions().stream().map(d -> dispatchRow(id, round, d))
                                            .toList());
                })
                .mapEmpty();
    }

    private static Tuple dispatchRow(long id, JournaledRound round, JournaledRound.Decision decision) {
        List<Object> values = new ArrayList<>();
        values.add(id);
        values.add(time(round.publishedAt()));
        values.add(decision.call() == null ? null : decision.call().value());
        values.add(decision.instruction().id().value());
        values.add(decision.instruction().container().value());
        values.add(decision.vehicle() == null ? null : decision.vehicle().value());
        values.add(decision.previousVehicle() == null ? null : decision.previousVehicle().value());
        values.add(decision.instruction().state().name());
        values.add(ModelJson.workInstruction(decision.instruction()));
        values.add(justifications(decision.justifications()));
        values.add(alternatives(decision.alternatives()));
        return Tuple.from(values);
    }

    private static JsonArray justifications(List<Justification> justifications) {
        return new JsonArray(justifications.stream().map(j -> new JsonObject()
                .put("constraint", j.constraint()).put("score", j.score()).put("text", j.text())).toList());
    }

    private static JsonArray alternatives(List<Alternative> alternatives) {
        return new JsonArray(alternatives.stream().map(a -> new JsonObject()
                .put("machine", a.machine().value()).put("score", a.score())).toList());
    }

    private static Tuple decisionRow(JournaledPlan plan, Decision decision) {
        List<Object> values = new ArrayList<>();
        values.add(plan.call().value());
        values.add(plan.version());
        values.add(time(plan.publishedAt()));
        values.add(decision.instruction().id().value());
        values.add(decision.instruction().container().value());
        values.add(decision.machine() == null ? null : decision.machine().value());
        values.add(decision.previousMachine() == null ? null : decision.previousMachine().value());
        values.add(decision.instruction().sequence());
        values.add(decision.instruction().state().name());
        values.add(ModelJson.workInstruction(decision.instruction()));
        values.add(justifications(decision.justifications()));
        values.add(alternatives(decision.alternatives()));
        return Tuple.from(values);
    }

    private static JournalEntry entry(Row row) {
        JsonObject trigger = (JsonObject) row.getValue("trigger");
        return new JournalEntry(new VesselCallId(row.getString("vessel_call")), row.getLong("version"),
                row.getOffsetDateTime("decided_at").toInstant(),
                new Trigger(row.getString("trigger_kind"), trigger.getString("description")), row.getString("score"),
                ModelJson.workInstruction((JsonObject) row.getValue("instruction")),
                machine(row, "previous_machine"), justifications(row), alternatives(row));
    }

    private static DispatchEntry dispatchEntry(Row row) {
        JsonObject trigger = (JsonObject) row.getValue("trigger");
        String call = row.getString("vessel_call");
        return new DispatchEntry(row.getLong("round"), row.getOffsetDateTime("decided_at").toInstant(),
                new Trigger(row.getString("trigger_kind"), trigger.getString("description")), row.getString("score"),
                call == null ? null : new VesselCallId(call),
                ModelJson.workInstruction((JsonObject) row.getValue("instruction")), machine(row, "machine"),
                machine(row, "previous_machine"), justifications(row), alternatives(row));
    }

    private static EquipmentId machine(Row row, String column) {
        String machine = row.getString(column);
        return machine == null ? null : new EquipmentId(machine);
    }

    private static List<Justification> justifications(Row row) {
        List<Justification> justifications = new ArrayList<>();
        ((JsonArray) row.getValue("justifications")).forEach(item -> {
            JsonObject json = (JsonObject) item;
            justifications.add(new Justification(json.getString("constraint"), json.getString("score"),
                    json.getString("text")));
        });
        return justifications;
    }

    private static List<Alternative> alternatives(Row row) {
        List<Alternative> alternatives = new ArrayList<>();
        ((JsonArray) row.getValue("alternatives")).forEach(item -> {
            JsonObject json = (JsonObject) item;
            alternatives.add(new Alternative(new EquipmentId(json.getString("machine")), json.getString("score")));
        });
        return alternatives;
    }

    private static JsonObject trigger(Trigger trigger) {
        return new JsonObject().put("kind", trigger.kind()).put("description", trigger.description());
    }

    private static JsonArray diff(List<TaskMove> moves) {
        return new JsonArray(moves.stream().map(move -> new JsonObject().put("task", move.task())
                .put("from", move.from() == null ? null : move.from().value())
                .put("to", move.to() == null ? null : move.to().value())
                .put("moves", move.moves())).toList());
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
