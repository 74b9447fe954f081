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

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The crane scheduler's decision journal in PostgreSQL (tables {@code crane_plan} and {@code crane_decision}, each
 * plan also chained into {@code audit_log}). {@link #append} may be called from any thread: plans queue on the
 * journal's Vert.x context and are written by group commit — while one transaction is in flight the next plans
 * gather, and the next transaction takes them all — so a burst of re-plans costs few round trips and nothing waits
 * on an event loop. Queries return immutable {@link JournalEntry} records, oldest first.
 */
public final class DecisionJournal {
    static final String ACTOR = "planner:crane";
    static final String ACTION = "crane.plan.published";
    private static final int MAX_PLANS_PER_TRANSACTION = 64;
    private static final String ENTRY_COLUMNS = "select d.vessel_call, d.version, d.decided_at, d.instruction, "
            + "d.previous_machine, d.justifications, d.alternatives, p.trigger_kind, p.trigger, p.score "
            + "from crane_decision d join crane_plan p on p.vessel_call = d.vessel_call and p.version = d.version ";

    private final Context context;
    private final Pool pool;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private boolean writing;

    private record Pending(JournaledPlan plan, Promise<Void> written) {
    }

    /** A journal writing through {@code pool} from the caller's Vert.x context (a new one off an event loop). */
    public DecisionJournal(Vertx vertx, Pool pool) {
        this.context = vertx.getOrCreateContext();
        this.pool = pool;
    }

    /** Completes once the plan and all its decisions are committed; fails when the transaction fails. */
    public Future<Void> append(JournaledPlan plan) {
        Promise<Void> written = Promise.promise();
        context.runOnContext(v -> {
            queue.add(new Pending(plan, written));
            writeNext();
        });
        return written.future();
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
        if (limit < 1) {
            return Future.failedFuture(new IllegalArgumentException("journal query limit must be 1 or more, was " + limit));
        }
        arguments.addInteger(limit);
        return pool.preparedQuery(ENTRY_COLUMNS + where + " order by d.decided_at, d.id limit $" + arguments.size())
                .execute(arguments)
                .map(rows -> {
                    List<JournalEntry> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(entry(row)));
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
            Future<Void> chain = Future.succeededFuture();
            for (Pending pending : batch) {
                chain = chain.compose(v -> write(connection, pending.plan()));
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
        values.add(new JsonArray(decision.justifications().stream().map(j -> new JsonObject()
                .put("constraint", j.constraint()).put("score", j.score()).put("text", j.text())).toList()));
        values.add(new JsonArray(decision.alternatives().stream().map(a -> new JsonObject()
                .put("machine", a.machine().value()).put("score", a.score())).toList()));
        return Tuple.from(values);
    }

    private static JournalEntry entry(Row row) {
        JsonObject trigger = (JsonObject) row.getValue("trigger");
        List<Justification> justifications = new ArrayList<>();
        ((JsonArray) row.getValue("justifications")).forEach(item -> {
            JsonObject json = (JsonObject) item;
            justifications.add(new Justification(json.getString("constraint"), json.getString("score"),
                    json.getString("text")));
        });
        List<Alternative> alternatives = new ArrayList<>();
        ((JsonArray) row.getValue("alternatives")).forEach(item -> {
            JsonObject json = (JsonObject) item;
            alternatives.add(new Alternative(new EquipmentId(json.getString("machine")), json.getString("score")));
        });
        String previous = row.getString("previous_machine");
        return new JournalEntry(new VesselCallId(row.getString("vessel_call")), row.getLong("version"),
                row.getOffsetDateTime("decided_at").toInstant(),
                new Trigger(row.getString("trigger_kind"), trigger.getString("description")), row.getString("score"),
                ModelJson.workInstruction((JsonObject) row.getValue("instruction")),
                previous == null ? null : new EquipmentId(previous), justifications, alternatives);
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
