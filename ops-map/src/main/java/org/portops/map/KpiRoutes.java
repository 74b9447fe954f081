package org.portops.map;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.portops.map.access.MapAccess;
import org.portops.map.access.MapPermission;
import org.portops.map.kpi.KpiBoard;
import org.portops.state.YardStateReader;

/**
 * {@code GET /api/map/kpis}: the quay's KPIs ({@link KpiBoard}) reckoned from the live yard at the moment of the
 * request, on the terminal's clock (the one work instructions are stamped with, sped up in a demo).
 */
public final class KpiRoutes {

    private final YardStateReader yard;
    private final Clock clock;
    private final MapAccess access;

    public KpiRoutes(YardStateReader yard, Clock clock, MapAccess access) {
        this.yard = yard;
        this.clock = clock;
        this.access = access;
    }

    public void mount(Router router) {
        router.get("/api/map/kpis").handler(access.signedIn()).handler(MapAccess.requires(MapPermission.VIEW_MAP))
                .handler(this::kpis);
    }

    private void kpis(RoutingContext ctx) {
        var instructions = yard.workInstructions();
        var machines = yard.equipment();
        var calls = yard.vesselCalls();
        Future.all(instructions, machines, calls)
                .map(all -> KpiBoard.reckon(instructions.result(), machines.result(), calls.result(), clock.instant()))
                .onSuccess(kpis -> ctx.json(kpis.toJson())).onFailure(ctx::fail);
    }
}
