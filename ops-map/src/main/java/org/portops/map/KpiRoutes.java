package org.portops.map;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.portops.map.access.MapAccess;
import org.portops.map.access.MapPermission;
import org.portops.map.kpi.CraneShiftClock;
import org.portops.map.kpi.KpiBoard;
import org.portops.map.kpi.YardKpiBoard;
import org.portops.map.kpi.YardKpiBoard.GateTransit;
import org.portops.model.layout.TerminalLayout;
import org.portops.state.YardStateReader;

/**
 * {@code GET /api/map/kpis}: the quay's KPIs ({@link KpiBoard}) with each quay crane's periods of the shift
 * ({@link CraneShiftClock}), and {@code GET /api/map/kpis/yard}: the yard's and
 * the gate's ({@link YardKpiBoard}), reckoned from the live yard (and the gate's transactions in PostgreSQL) at the
 * moment of the request, on the terminal's clock (the one work instructions are stamped with, sped up in a demo).
 */
public final class KpiRoutes {

    private final TerminalLayout layout;
    private final YardStateReader yard;
    private final SqlClient database;
    private final Clock clock;
    private final MapAccess access;
    private final CraneShiftClock shift;

    /** @param shift the quay cranes' working and idle periods of the shift, which the map's feed keeps */
    public KpiRoutes(TerminalLayout layout, YardStateReader yard, SqlClient database, Clock clock, MapAccess access,
                     CraneShiftClock shift) {
        this.layout = layout;
        this.yard = yard;
        this.database = database;
        this.clock = clock;
        this.access = access;
        this.shift = shift;
    }

    public void mount(Router router) {
        router.get("/api/map/kpis").handler(access.signedIn()).handler(MapAccess.requires(MapPermission.VIEW_MAP))
                .handler(this::kpis);
        router.get("/api/map/kpis/yard").handler(access.signedIn())
                .handler(MapAccess.requires(MapPermission.VIEW_MAP)).handler(this::yardKpis);
    }

    private void kpis(RoutingContext ctx) {
        var instructions = yard.workInstructions();
        var machines = yard.equipment();
        var calls = yard.vesselCalls();
        Instant now = clock.instant();
        Future.all(instructions, machines, calls)
                .map(all -> KpiBoard.reckon(instructions.result(), machines.result(), calls.result(), now).toJson()
                        .put("shift", shift.reckon(now).toJson()))
                .onSuccess(ctx::json).onFailure(ctx::fail);
    }

    private void yardKpis(RoutingContext ctx) {
        Instant now = clock.instant();
        var containers = yard.containers();
        var instructions = yard.workInstructions();
        var gate = gateTransits(now);
        Future.all(containers, instructions, gate)
                .map(all -> YardKpiBoard.reckon(layout.blocks(), containers.result(), instructions.result(),
                        gate.result(), now, KpiBoard.WINDOW))
                .onSuccess(kpis -> ctx.json(kpis.toJson())).onFailure(ctx::fail);
    }

    /** The accepted gate transactions that can make a turn ending in the window. */
    private Future<List<GateTransit>> gateTransits(Instant now) {
        Instant from = now.minus(KpiBoard.WINDOW).minus(YardKpiBoard.LONGEST_TURN);
        return database.preparedQuery("select truck, direction, recorded_at from gate_transactions "
                        + "where outcome = 'ACCEPTED' and recorded_at > $1 and recorded_at <= $2 order by recorded_at")
                .execute(Tuple.of(OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .map(rows -> {
                    List<GateTransit> transits = new ArrayList<>();
                    for (Row row : rows) {
                        transits.add(new GateTransit(row.getString("truck"), "IN".equals(row.getString("direction")),
                                row.getOffsetDateTime("recorded_at").toInstant()));
                    }
                    return transits;
                });
    }
}
