package org.portops.app.yard;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import org.portops.app.config.PortOpsConfig.YardSettings;
import org.portops.crane.live.BayPlanWorkSource;
import org.portops.model.layout.TerminalLayout;
import org.portops.state.LiveYard;
import org.portops.state.store.MoveLog;
import org.portops.yard.live.LiveYardPlanner;
import org.portops.yard.live.YardPlannerVerticle;
import org.portops.yard.slot.LoadingHousekeeping;

/**
 * The yard planner in a running PortOps: the {@link YardPlannerVerticle} giving slots to the containers vessel calls
 * discharge and the gate announces, and planning housekeeping in quiet blocks every {@link #HOUSEKEEPING_EVERY}.
 * Ahead of loading, the containers of the vessel calls due within {@code yard.loading.horizon} are moved towards
 * their berths every {@code yard.loading.every} and on {@code yard.loading-housekeeping.request}.
 * When the crane scheduler runs too, it takes its discharge slots from here ({@link #dischargeSlots()}), so the
 * crane's instruction and the yard planner's name the same slot.
 */
public final class YardPlanning {

    /** How often blocks with no open work are looked at for re-marshalling. */
    public static final Duration HOUSEKEEPING_EVERY = Duration.ofMinutes(10);
    /** How often the dwell model learns again from the move log (it also learns at start). */
    public static final Duration RELEARN_DWELL_EVERY = Duration.ofDays(1);

    private final Vertx vertx;
    private final String deployment;
    private final YardPlannerVerticle verticle;

    private YardPlanning(Vertx vertx, String deployment, YardPlannerVerticle verticle) {
        this.vertx = vertx;
        this.deployment = deployment;
        this.verticle = verticle;
    }

    /**
     * Deploys the planner on {@code vertx}, its dwell model learning from {@code history}, loading housekeeping as
     * {@code settings} say; completes once it listens to the event bus.
     */
    public static Future<YardPlanning> start(Vertx vertx, LiveYard yard, MoveLog history, TerminalLayout layout,
                                             Clock clock, YardSettings settings) {
        LoadingHousekeeping.Settings budget = LoadingHousekeeping.Settings.DEFAULTS;
        YardPlannerVerticle.Loading loading = new YardPlannerVerticle.Loading(settings.loadingEvery(),
                settings.loadingHorizon(), new LoadingHousekeeping.Settings(settings.loadingMoves(),
                budget.metresPerRehandle(), budget.minGain()));
        YardPlannerVerticle verticle = new YardPlannerVerticle(yard, layout, LiveYardPlanner.Settings.DEFAULTS,
                HOUSEKEEPING_EVERY, clock, history, RELEARN_DWELL_EVERY, loading);
        return vertx.deployVerticle(verticle).map(id -> new YardPlanning(vertx, id, verticle));
    }

    /** Where discharged containers go ashore, for the crane scheduler. */
    public BayPlanWorkSource.DischargeSlots dischargeSlots() {
        return verticle::slotsFor;
    }

    /** Stops listening; the instructions written stay in the live yard. */
    public Future<Void> stop() {
        return vertx.undeploy(deployment);
    }
}
