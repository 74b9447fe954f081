package org.portops.vessel.api.events;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.ImdgClass;
import org.portops.model.container.LineOperator;
import org.portops.model.container.ReeferSetPoint;
import org.portops.model.container.SizeTypeCode;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.ImoNumber;
import org.portops.model.vessel.Vessel;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.vessel.Voyage;
import org.portops.state.store.LogEntry;
import org.portops.vessel.api.Times;
import org.portops.vessel.edi.outbound.Envelope;
import org.portops.vessel.edi.outbound.MoveLogMoves;
import org.portops.vessel.edi.outbound.MoveReportWriter;
import org.portops.vessel.edi.outbound.OutboundMove;

/**
 * The COARRIs (discharge and loading reports) of departed vessel calls, for a subscription of event type
 * {@value #EVENT_TYPE}. Once a call's actual departure (DEPA ACT) is recorded, {@link #writeDeparted} writes one
 * COARRI per line with discharges or loads of its own containers on that call, from the move log; a line with none
 * gets no report, since an empty one would tell it nothing happened. A call's reports are written in one transaction
 * with the mark that they are, so each line gets one COARRI per call, also across restarts and nodes. Its cursor is
 * the report's creation time, then its id, as the CODECO feed's is the transaction's time and move.
 */
public final class CoarriFeed {

    /** The subscription event type that receives COARRI interchanges instead of DCSA events. */
    public static final String EVENT_TYPE = "COARRI";

    /** One call's COARRI for one line (one character per byte), and the cursor past it. */
    public record Coarri(VesselCallId call, String interchange, EventStream.Cursor past) {
    }

    /** Departed calls looked at per round: a backlog after downtime is written over the next rounds. */
    private static final int CALLS_PER_ROUND = 10;

    private static final String DEPARTED = """
            select v.id, v.imo, v.vessel_name, v.length_overall_m, v.beam_m, v.draft_m, v.voyage, v.line, v.eta, v.etd
            from vessel_calls v
            where exists (select 1 from vessel_call_events e
                          where e.call_id = v.id and e.type = 'DEPA' and e.classifier = 'ACT')
              and not exists (select 1 from coarri_calls r where r.call_id = v.id)
            order by v.id
            limit $1""";

    // the expression is the one move_log_vessel_call_idx indexes
    private static final String MOVES = """
            select m.seq, m.container, m.kind, m.from_location, m.to_location, m.instruction_id, m.recorded_at,
                   c.size_type, c.weight_kg, c.line, c.port_of_loading, c.port_of_discharge, c.category,
                   c.reefer_set_point_c, c.imdg_class
            from move_log m
            join containers c on c.number = m.container
            where m.kind in ('DISCHARGE', 'LOAD')
              and split_part(substring(case m.kind when 'DISCHARGE' then m.from_location else m.to_location end
                                       from 8), '/', 1) = $1
            order by m.seq""";

    private final Pool pool;

    public CoarriFeed(Pool pool) {
        this.pool = pool;
    }

    /** The line's next COARRI after {@code after}, if there is one. */
    public Future<Optional<Coarri>> next(String line, EventStream.Cursor after) {
        return pool.preparedQuery("select id, call_id, created_at, coarri from coarri_reports "
                        + "where line = $1 and (created_at, lpad(id::text, 19, '0')) > ($2, $3) "
                        + "order by created_at, id limit 1")
                .execute(Tuple.of(line, Times.utc(after.createdAt()), after.key()))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(coarri(rows.iterator().next())));
    }

    /**
     * Writes the COARRIs of calls departed and not yet reported, as {@code terminal} at {@code now}; returns how many
     * calls it marked reported (a call another node reported meanwhile is not counted).
     */
    public Future<Integer> writeDeparted(TerminalLayout terminal, Instant now) {
        return pool.preparedQuery(DEPARTED).execute(Tuple.of(CALLS_PER_ROUND)).compose(rows -> {
            List<VesselCall> calls = new ArrayList<>();
            rows.forEach(row -> calls.add(call(row)));
            return writeAll(calls, 0, 0, terminal, now);
        });
    }

    private Future<Integer> writeAll(List<VesselCall> calls, int index, int written, TerminalLayout terminal,
                                     Instant now) {
        if (index >= calls.size()) {
            return Future.succeededFuture(written);
        }
        return write(calls.get(index), terminal, now)
                .compose(marked -> writeAll(calls, index + 1, written + (marked ? 1 : 0), terminal, now));
    }

    /** One report per line, then the call marked and its reports stored together, unless another node was first. */
    private Future<Boolean> write(VesselCall call, TerminalLayout terminal, Instant now) {
        return pool.preparedQuery(MOVES).execute(Tuple.of(call.id().value())).compose(rows -> {
            List<Tuple> reports = reports(call, rows, terminal, now);
            return pool.withTransaction(connection -> connection.preparedQuery("insert into coarri_calls (call_id, "
                            + "written_at) values ($1, $2) on conflict (call_id) do nothing returning call_id")
                    .execute(Tuple.of(call.id().value(), Times.utc(now)))
                    .compose(marked -> marked.size() == 0 || reports.isEmpty()
                            ? Future.succeededFuture(marked.size() > 0)
                            : connection.preparedQuery("insert into coarri_reports (call_id, line, moves, coarri, "
                                            + "created_at) values ($1, $2, $3, $4, $5)")
                                    .executeBatch(reports).map(true)));
        });
    }

    private static List<Tuple> reports(VesselCall call, RowSet<Row> rows, TerminalLayout terminal, Instant now) {
        Map<String, List<LogEntry>> byLine = new LinkedHashMap<>();
        Map<ContainerNumber, Container> masterData = new HashMap<>();
        for (Row row : rows) {
            Container container = container(row);
            masterData.put(container.number(), container);
            byLine.computeIfAbsent(container.line().code(), line -> new ArrayList<>()).add(entry(row));
        }
        List<Tuple> reports = new ArrayList<>();
        byLine.forEach((line, log) -> {
            List<OutboundMove> moves = MoveLogMoves.vesselMoves(log, call.id(),
                    number -> Optional.ofNullable(masterData.get(number)));
            if (!moves.isEmpty()) {
                // the line's last move is on this call only, so it names the interchange uniquely and the same each
                // time the report would be written
                Envelope envelope = new Envelope(terminal.terminalCode(), line, "C" + log.getLast().seq(), now);
                byte[] coarri = MoveReportWriter.coarri(envelope, call, terminal.port(), moves);
                reports.add(Tuple.of(call.id().value(), line, moves.size(),
                        new String(coarri, StandardCharsets.ISO_8859_1), Times.utc(now)));
            }
        });
        return reports;
    }

    /**
     * The call as its COARRI names it: vessel, voyage and operating line. The bay plan is left empty, as the report
     * is of the moves made, not of the plan.
     */
    private static VesselCall call(Row row) {
        return new VesselCall(new VesselCallId(row.getString("id")),
                new Vessel(new ImoNumber(row.getString("imo").trim()), row.getString("vessel_name"),
                        row.getDouble("length_overall_m"), row.getDouble("beam_m"), row.getDouble("draft_m")),
                new Voyage(row.getString("voyage")), new LineOperator(row.getString("line")), null,
                Times.instant(row.getOffsetDateTime("eta")), null, Times.instant(row.getOffsetDateTime("etd")),
                BayPlan.EMPTY);
    }

    private static LogEntry entry(Row row) {
        return new LogEntry(row.getLong("seq"), row.getString("container"), row.getString("kind"),
                row.getString("from_location"), row.getString("to_location"), row.getString("instruction_id"),
                Times.instant(row.getOffsetDateTime("recorded_at")), null);
    }

    private static Container container(Row row) {
        Double setPoint = row.getDouble("reefer_set_point_c");
        String imdg = row.getString("imdg_class");
        return new Container(new ContainerNumber(row.getString("container")), new SizeTypeCode(row.getString("size_type")),
                new VgmWeight(row.getInteger("weight_kg")), new LineOperator(row.getString("line")),
                new UnLocode(row.getString("port_of_loading")), new UnLocode(row.getString("port_of_discharge")),
                ContainerCategory.valueOf(row.getString("category")),
                setPoint == null ? null : new ReeferSetPoint(setPoint), imdg == null ? null : new ImdgClass(imdg));
    }

    private static Coarri coarri(Row row) {
        String key = String.format("%019d", row.getLong("id"));
        return new Coarri(new VesselCallId(row.getString("call_id")), row.getString("coarri"),
                new EventStream.Cursor(Times.instant(row.getOffsetDateTime("created_at")), key));
    }
}
