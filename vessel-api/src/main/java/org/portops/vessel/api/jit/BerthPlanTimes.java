package org.portops.vessel.api.jit;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.portops.model.event.Addresses;
import org.portops.model.vessel.VesselCallId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The berth plan's times per vessel call, from the berth planner's published chart ({@code berth.plan.published}, its
 * JSON contract: this module does not import the planner): when each call berths and leaves in the latest plan, and
 * whether an operator fixed it there. At start it asks for the plan in force ({@code berth.plan.current}), so a
 * vessel API started after the planner does not wait for the next re-plan. Without a berth planner it knows nothing.
 */
public final class BerthPlanTimes {
    private static final Logger LOG = LoggerFactory.getLogger(BerthPlanTimes.class);

    /** One call in the plan: berthing and departure; {@code fixed} by an operator; moored ({@code alongside}). */
    public record Berthing(long version, Instant start, Instant end, boolean fixed, boolean alongside) {
    }

    private volatile Map<VesselCallId, Berthing> byCall = Map.of();
    private volatile long version = -1;

    /** Follows the berth plans published on this Vert.x instance's event bus. */
    public static BerthPlanTimes listen(Vertx vertx) {
        BerthPlanTimes times = new BerthPlanTimes();
        vertx.eventBus().<JsonObject>consumer(Addresses.BERTH_PLAN_PUBLISHED, message -> times.update(message.body()));
        vertx.eventBus().<JsonObject>request(Addresses.BERTH_PLAN_CURRENT, new JsonObject())
                .onSuccess(reply -> times.update(reply.body()))
                .onFailure(e -> LOG.debug("no berth plan in force yet: {}", e.getMessage()));
        return times;
    }

    /** Takes a chart newer than the one held (the reply to the start-up request may come after a newer fact). */
    public void update(JsonObject chart) {
        try {
            long chartVersion = chart.getLong("version");
            Map<VesselCallId, Berthing> calls = new HashMap<>();
            chart.getJsonArray("vessels").stream().map(JsonObject.class::cast).forEach(box -> calls.put(
                    new VesselCallId(box.getString("call")), new Berthing(chartVersion,
                            Instant.parse(box.getString("start")), Instant.parse(box.getString("end")),
                            box.getBoolean("fixed", false), box.getBoolean("alongside", false))));
            synchronized (this) {
                if (chartVersion > version) {
                    version = chartVersion;
                    byCall = Map.copyOf(calls);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("berth plan not understood, the times held stay: {}", e.toString());
        }
    }

    public Optional<Berthing> of(VesselCallId call) {
        return Optional.ofNullable(byCall.get(call));
    }
}
