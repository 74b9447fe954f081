package org.portops.app.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.portops.crane.live.BayPlanWorkSource;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerNumber;
import org.portops.model.work.Location;
import org.portops.state.json.ModelJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crane scheduler takes its discharge slots from the yard planner, and in a cluster the two may lead on different
 * nodes: the yard planner's node serves {@link #ADDRESS} on the (clustered) event bus while it leads, and the
 * scheduler's {@link #slots} asks its own node's yard planner when that leads, else that address. With no yard planner
 * leading anywhere (between a leader's death and its successor's term) the scheduler picks its own slots
 * ({@code fallback}), as without a yard planner: the live yard checks every move anyway, so a slot taken meanwhile is
 * refused, not doubled.
 */
public final class DischargeSlotsRoute {

    static final String ADDRESS = "portops.yard-planner.discharge-slots";
    private static final Logger LOG = LoggerFactory.getLogger(DischargeSlotsRoute.class);

    private DischargeSlotsRoute() {
    }

    /** Serves {@code slots} cluster-wide until the consumer is unregistered; completes once registered. */
    public static Future<MessageConsumer<JsonObject>> serve(Vertx vertx, BayPlanWorkSource.DischargeSlots slots) {
        MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(ADDRESS, message -> {
            List<Container> containers = message.body().getJsonArray("containers").stream()
                    .map(c -> ModelJson.container((JsonObject) c)).toList();
            slots.slotsFor(containers).onComplete(done -> {
                if (done.failed()) {
                    message.fail(500, String.valueOf(done.cause().getMessage()));
                    return;
                }
                JsonObject answer = new JsonObject();
                done.result().forEach((number, location) -> answer.put(number.value(), ModelJson.location(location)));
                message.reply(new JsonObject().put("slots", answer));
            });
        });
        return consumer.completion().map(consumer);
    }

    /**
     * Discharge slots from the yard planner leading on this node ({@code local} not null), or on another node, or,
     * with none leading, from {@code fallback}.
     */
    public static BayPlanWorkSource.DischargeSlots slots(Vertx vertx,
                                                         Supplier<BayPlanWorkSource.DischargeSlots> local,
                                                         BayPlanWorkSource.DischargeSlots fallback) {
        return containers -> {
            BayPlanWorkSource.DischargeSlots here = local.get();
            if (here != null) {
                return here.slotsFor(containers);
            }
            JsonArray body = new JsonArray();
            containers.forEach(c -> body.add(ModelJson.container(c)));
            return vertx.eventBus().<JsonObject>request(ADDRESS, new JsonObject().put("containers", body))
                    .map(reply -> {
                        Map<ContainerNumber, Location> slots = new LinkedHashMap<>();
                        reply.body().getJsonObject("slots").forEach(e -> slots.put(ContainerNumber.of(e.getKey()),
                                ModelJson.location((String) e.getValue())));
                        return slots;
                    })
                    .recover(e -> {
                        if (e instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS) {
                            LOG.info("no yard planner leads now; the crane scheduler picks {} discharge slots itself",
                                    containers.size());
                            return fallback.slotsFor(containers);
                        }
                        return Future.failedFuture(e);
                    });
        };
    }
}
