package org.portops.vessel.api.gate;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.portops.model.container.Container;
import org.portops.model.event.Addresses;
import org.portops.model.work.GateLocation;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.yard.YardSlot;
import org.portops.state.json.ModelJson;

/**
 * Asks the yard planner ({@link Addresses#YARD_SLOT_REQUEST}, wherever it leads in the cluster) where a container
 * dropped off at the gate goes, as the crane scheduler asks it where discharged containers go. The planner answers
 * with a slot it reserved and the planned GATE_IN instruction from the lane to it, or why there is none.
 */
final class SlotRequest {

    /** What the planner said: a slot with its instruction, or a reason the truck cannot be given one. */
    sealed interface Answer {
        record Slot(YardSlot slot, WorkInstructionId instruction) implements Answer {
        }

        record NoSlot(String reason) implements Answer {
        }
    }

    private SlotRequest() {
    }

    static Future<Answer> ask(EventBus bus, Container container, GateLocation lane, Duration timeout) {
        JsonObject request = new JsonObject().put("container", ModelJson.container(container)).put("lane", lane.lane());
        return bus.<JsonObject>request(Addresses.YARD_SLOT_REQUEST, request,
                        new DeliveryOptions().setSendTimeout(timeout.toMillis()))
                .<Answer>map(reply -> new Answer.Slot(YardSlot.parse(reply.body().getString("slot")),
                        new WorkInstructionId(reply.body().getString("instruction"))))
                .recover(failure -> failure instanceof ReplyException reply
                        ? Future.succeededFuture(new Answer.NoSlot(reason(container, reply, timeout)))
                        : Future.failedFuture(failure));
    }

    private static String reason(Container container, ReplyException reply, Duration timeout) {
        return switch (reply.failureType()) {
            case NO_HANDLERS -> "the gate ticket names no yard slot for " + container.number()
                    + " and no yard planner is running to give one: enter the slot";
            case TIMEOUT -> "the yard planner gave no slot for " + container.number() + " within "
                    + timeout.toSeconds() + " s: enter the slot on the gate ticket";
            case RECIPIENT_FAILURE, ERROR -> "the yard planner gives " + container.number() + " no slot: "
                    + reply.getMessage();
        };
    }
}
