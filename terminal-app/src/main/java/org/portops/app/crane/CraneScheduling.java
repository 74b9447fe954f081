package org.portops.app.crane;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.List;
import org.portops.crane.dispatch.DispatchSettings;
import org.portops.crane.dispatch.TransportDispatcher;
import org.portops.crane.dispatch.mapping.MappingSettings;
import org.portops.crane.dispatch.mapping.TransportRequestMapper;
import org.portops.crane.dispatch.mapping.TransportRound;
import org.portops.crane.dispatch.mapping.YardCranes;
import org.portops.crane.journal.DecisionJournal;
import org.portops.crane.live.BayPlanWorkSource;
import org.portops.crane.live.CraneScheduler;
import org.portops.crane.live.CraneSchedulerVerticle;
import org.portops.crane.live.QuaySplit;
import org.portops.crane.live.YardRoom;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.vessel.VesselCallId;
import org.portops.state.LiveYard;
import org.portops.state.lease.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The continuous crane scheduler in a running PortOps: the {@link CraneSchedulerVerticle} sharing the quay cranes among
 * the berthed vessel calls ({@link QuaySplit}), planning each call with its cranes from its bay plan in the live yard
 * ({@link BayPlanWorkSource}), dispatching the released moves to vehicles after every crane plan
 * ({@link TransportRound}) and journaling every decision ({@link DecisionJournal}). Calls already alongside when it
 * starts are planned at once; calls arriving, changing or leaving re-balance the split when live state reports them.
 */
public final class CraneScheduling {

    private static final Logger LOG = LoggerFactory.getLogger(CraneScheduling.class);

    private final Vertx vertx;
    private final String deployment;
    private final CraneSchedulerVerticle verticle;
    private final DecisionJournal journal;
    private final Future<List<VesselCallId>> firstPlans;

    private CraneScheduling(Vertx vertx, String deployment, CraneSchedulerVerticle verticle, DecisionJournal journal) {
        this.vertx = vertx;
        this.deployment = deployment;
        this.verticle = verticle;
        this.journal = journal;
        this.firstPlans = verticle.planBerthedCalls()
                .onSuccess(calls -> LOG.info("Crane scheduler: first plans published for {}", calls))
                .onFailure(e -> LOG.error("Crane scheduler: the berthed vessel calls could not be read", e));
    }

    /**
     * Deploys the scheduler on {@code vertx} for one lease term; completes once it listens to live state. The
     * berthed calls' first plans (a few seconds of solving each) follow, from live state as it stands, also as a
     * previous leader left it: {@link #firstPlans()}. Every work instruction, vessel call and journal write it makes
     * commits only while {@code lease} holds ({@link LiveYard#fencedBy}, the fenced {@link DecisionJournal}).
     */
    public static Future<CraneScheduling> start(Vertx vertx, LiveYard liveYard, Pool pool, TerminalLayout layout,
                                                Clock clock, MeterRegistry registry, Lease lease) {
        return start(vertx, liveYard, pool, layout, null, clock, registry, lease);
    }

    /**
     * As {@link #start(Vertx, LiveYard, Pool, TerminalLayout, Clock, MeterRegistry, Lease)}, discharges going where
     * {@code dischargeSlots} says (the yard planner when it runs; null: the scheduler's own free slot near the berth).
     */
    public static Future<CraneScheduling> start(Vertx vertx, LiveYard liveYard, Pool pool, TerminalLayout layout,
                                                BayPlanWorkSource.DischargeSlots dischargeSlots, Clock clock,
                                                MeterRegistry registry, Lease lease) {
        LiveYard yard = liveYard.fencedBy(lease);
        DecisionJournal journal = new DecisionJournal(vertx, pool, lease);
        BayPlanWorkSource work = new BayPlanWorkSource(yard.reader(), layout,
                dischargeSlots != null ? dischargeSlots : new YardRoom(yard.reader(), layout),
                BayPlanWorkSource.Settings.DEFAULTS, clock);
        TransportRound transport = new TransportRound(vertx, yard,
                new TransportRequestMapper(layout, MappingSettings.DEFAULTS),
                new TransportDispatcher(layout, DispatchSettings.DEFAULTS, clock), YardCranes.of(layout), clock);
        CraneSchedulerVerticle verticle = new CraneSchedulerVerticle(yard, journal, work, transport,
                new QuaySplit(layout, QuaySplit.Settings.DEFAULTS, clock), CraneScheduler.Settings.defaults(), clock,
                registry);
        return vertx.deployVerticle(verticle).map(id -> new CraneScheduling(vertx, id, verticle, journal));
    }

    /** The calls at start that the split gives cranes now and whose first plan was published. */
    public Future<List<VesselCallId>> firstPlans() {
        return firstPlans;
    }

    public CraneSchedulerVerticle verticle() {
        return verticle;
    }

    /** The decision journal the scheduler writes, for reading it back. */
    public DecisionJournal journal() {
        return journal;
    }

    /** Stops listening to live state; the plans published stay in the live yard. */
    public Future<Void> stop() {
        return vertx.undeploy(deployment);
    }
}
