package org.portops.map.yard;

import io.vertx.core.Future;
import java.util.List;
import org.portops.model.container.ContainerNumber;
import org.portops.state.ChangeResult;
import org.portops.state.LiveYard;
import org.portops.state.audit.AuditEvent;
import org.portops.state.audit.AuditTrail;
import org.portops.state.hold.ContainerHold;
import org.portops.state.hold.HoldKind;

/**
 * A supervisor holds a container in the terminal from the map, or releases it: a TERMINAL hold in the one list of
 * holds the gate checks ({@code container_holds}, through {@link LiveYard#holds}), where the crane scheduler meets it
 * too and dispatches no move of the box while it lasts. What was asked and what came of it is written to the audit
 * trail under the supervisor's name before they are answered. Customs and line holds are not the map's to release.
 */
public final class HoldDesk {

    private final LiveYard yard;
    private final AuditTrail audit;

    public HoldDesk(LiveYard yard, AuditTrail audit) {
        this.yard = yard;
        this.audit = audit;
    }

    /** What became of a hold or release: the container's active holds after it, and why it was refused if it was. */
    public record Outcome(ContainerNumber container, List<ContainerHold> holds, String refusal) {
        public Outcome {
            holds = List.copyOf(holds);
        }

        public boolean applied() {
            return refusal == null;
        }
    }

    public Future<Outcome> hold(ContainerNumber container, String supervisor, String reason) {
        return change(container, true, supervisor, reason);
    }

    public Future<Outcome> release(ContainerNumber container, String supervisor, String reason) {
        return change(container, false, supervisor, reason);
    }

    /** The container's active holds of every kind; fails with {@link IllegalArgumentException} for an unknown box. */
    public Future<List<ContainerHold>> holds(ContainerNumber container) {
        return known(container).compose(v -> yard.holds().active(container));
    }

    private Future<Outcome> change(ContainerNumber container, boolean hold, String supervisor, String reason) {
        return known(container)
                .compose(v -> hold ? yard.holds().place(container, HoldKind.TERMINAL, reason, supervisor)
                        : yard.holds().release(container, HoldKind.TERMINAL, reason, supervisor))
                .compose(result -> yard.holds().active(container).map(holds -> new Outcome(container, holds,
                        result instanceof ChangeResult.Refused refused ? refused.reason() : null)))
                .compose(outcome -> audit.append(new AuditEvent.ManualOverride(supervisor, "container " + container,
                        what(outcome, hold), reason)).map(outcome));
    }

    private Future<Void> known(ContainerNumber container) {
        return yard.reader().container(container).compose(view -> view.isPresent() ? Future.<Void>succeededFuture()
                : Future.failedFuture(new IllegalArgumentException("no container " + container + " in the terminal")));
    }

    private static String what(Outcome outcome, boolean hold) {
        String asked = "container " + outcome.container() + (hold ? " held" : " released from its terminal hold");
        return outcome.applied() ? asked : asked + ": refused: " + outcome.refusal();
    }
}
