package org.portops.map.yard;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.portops.model.yard.StackId;
import org.portops.model.yard.YardSlot;
import org.portops.state.ChangeResult;
import org.portops.state.LiveYard;
import org.portops.state.StackView;
import org.portops.state.audit.AuditEvent;
import org.portops.state.audit.AuditTrail;

/**
 * A supervisor closes a stack to new containers from the map, or opens it again: every slot of the stack is closed
 * (or reopened) in the live yard, where it is logged like a move and where every planner meets it (the yard
 * planner's slot choice and the crane scheduler's discharge slots take no closed slot, the live yard refuses a box
 * put there); boxes already in the stack stay and can leave. What was asked and what came of it is written to the
 * audit trail under the supervisor's name before they are answered.
 */
public final class StackDesk {

    private final LiveYard yard;
    private final AuditTrail audit;

    public StackDesk(LiveYard yard, AuditTrail audit) {
        this.yard = yard;
        this.audit = audit;
    }

    /** What became of a close or reopen: the slots changed, and why any was refused. */
    public record Outcome(StackId stack, boolean closed, int slots, List<String> refusals) {
        public Outcome {
            refusals = List.copyOf(refusals);
        }

        public boolean applied() {
            return refusals.isEmpty();
        }
    }

    public Future<Outcome> close(StackId stack, String supervisor, String reason) {
        return change(stack, true, supervisor, reason);
    }

    public Future<Outcome> reopen(StackId stack, String supervisor, String reason) {
        return change(stack, false, supervisor, reason);
    }

    private Future<Outcome> change(StackId stack, boolean close, String supervisor, String reason) {
        return yard.reader().stack(stack).compose(view -> each(view, close, reason, 0, 0, new ArrayList<>()))
                .compose(outcome -> audit.append(new AuditEvent.ManualOverride(supervisor, "stack " + stack,
                        what(outcome), reason)).map(outcome));
    }

    /** Slot by slot, ground first: each is its own logged change in the live yard. */
    private Future<Outcome> each(StackView view, boolean close, String reason, int index, int changed,
                                 List<String> refusals) {
        if (index == view.tiers().size()) {
            return Future.succeededFuture(new Outcome(view.stack(), close, changed, refusals));
        }
        StackView.TierView tier = view.tiers().get(index);
        if (tier.closed() == close) {
            return each(view, close, reason, index + 1, changed, refusals);
        }
        YardSlot slot = view.stack().at(tier.tier());
        Future<ChangeResult> change = close ? yard.closeSlot(slot, reason) : yard.openSlot(slot);
        return change.compose(result -> {
            if (result instanceof ChangeResult.Refused refused) {
                refusals.add(slot + ": " + refused.reason());
                return each(view, close, reason, index + 1, changed, refusals);
            }
            return each(view, close, reason, index + 1, changed + 1, refusals);
        });
    }

    private static String what(Outcome outcome) {
        String asked = "stack " + outcome.stack() + (outcome.closed() ? " closed to new containers" : " reopened");
        return asked + ": " + outcome.slots() + " slots changed"
                + (outcome.applied() ? "" : "; refused: " + String.join("; ", outcome.refusals()));
    }
}
