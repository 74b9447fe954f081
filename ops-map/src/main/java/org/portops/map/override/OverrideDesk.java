package org.portops.map.override;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import org.portops.model.event.Addresses;
import org.portops.state.audit.AuditEvent;
import org.portops.state.audit.AuditTrail;

/**
 * The map's manual override: asks the crane scheduler ({@link Addresses#CRANE_OVERRIDE}) to put a move on a crane
 * and writes what the operator asked and what came of it to the audit trail, accepted or refused, before the
 * operator is told: an override that changed the plan is never unaccounted for.
 */
public final class OverrideDesk {

    private final EventBus bus;
    private final AuditTrail audit;

    public OverrideDesk(EventBus bus, AuditTrail audit) {
        this.bus = bus;
        this.audit = audit;
    }

    public Future<OverrideOutcome> pin(OverrideCommand command) {
        JsonObject body = new JsonObject().put("instruction", command.instruction().value())
                .put("crane", command.crane().value()).put("operator", command.operator());
        Future<OverrideOutcome> decided = bus.<JsonObject>request(Addresses.CRANE_OVERRIDE, body)
                .map(reply -> (OverrideOutcome) new OverrideOutcome.Accepted(reply.body().getLong("version")))
                .recover(OverrideDesk::refusal);
        return decided.compose(outcome -> audit.append(new AuditEvent.ManualOverride(command.operator(),
                command.instruction().value(), what(command, outcome), command.reason())).map(outcome));
    }

    private static Future<OverrideOutcome> refusal(Throwable failure) {
        if (!(failure instanceof ReplyException reply)) {
            return Future.failedFuture(failure);
        }
        if (reply.failureType() == ReplyFailure.NO_HANDLERS) {
            return refused(OverrideOutcome.Refusal.NO_SCHEDULER, "the crane scheduler is not running on this node");
        }
        if (reply.failureType() == ReplyFailure.TIMEOUT) {
            return Future.failedFuture(new IllegalStateException("the crane scheduler did not answer the override in "
                    + "time; the plan may still change, look at its next version", failure));
        }
        return switch (reply.failureCode()) {
            case 404 -> refused(OverrideOutcome.Refusal.UNKNOWN_MOVE, reply.getMessage());
            case 409 -> refused(OverrideOutcome.Refusal.REFUSED_BY_PLAN, reply.getMessage());
            case 400 -> refused(OverrideOutcome.Refusal.INVALID, reply.getMessage());
            default -> Future.failedFuture(failure);
        };
    }

    private static Future<OverrideOutcome> refused(OverrideOutcome.Refusal refusal, String reasons) {
        // the scheduler joins a refusal's reasons with "; " (CraneSchedulerVerticle.onOverride)
        List<String> each = Arrays.stream(reasons == null ? new String[0] : reasons.split("; "))
                .filter(r -> !r.isBlank()).toList();
        return Future.succeededFuture(new OverrideOutcome.Refused(refusal, each.isEmpty() ? List.of(refusal.name()) : each));
    }

    private static String what(OverrideCommand command, OverrideOutcome outcome) {
        String asked = "crane task of move " + command.instruction().value() + " put on crane " + command.crane().value();
        return switch (outcome) {
            case OverrideOutcome.Accepted accepted -> asked + ": accepted, crane plan version " + accepted.planVersion();
            case OverrideOutcome.Refused refused -> asked + ": refused (" + refused.refusal() + "): "
                    + String.join("; ", refused.reasons());
        };
    }
}
