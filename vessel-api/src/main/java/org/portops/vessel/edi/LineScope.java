package org.portops.vessel.edi;

import java.util.ArrayList;
import java.util.List;
import org.portops.model.container.Container;
import org.portops.model.container.LineOperator;
import org.portops.model.vessel.VesselCall;
import org.portops.vessel.edi.inbound.BayPlanMessage;
import org.portops.vessel.edi.inbound.InboundMessage;
import org.portops.vessel.edi.inbound.LoadPlanMessage;
import org.portops.vessel.edi.inbound.MoveReportMessage;
import org.portops.vessel.edi.inbound.OrderMessage;
import org.portops.vessel.edi.inbound.UnsupportedMessage;
import org.portops.vessel.edi.inbound.VgmMessage;

/**
 * What a shipping line may send into the inbox itself: bay plans (BAPLIE) and container orders (COPRAR) of its own
 * containers, and bay plans only of the vessel calls it operates (a BAPLIE replaces the arrival side of the whole
 * call). Each other line's container is an error on its {@code EQD}, so a COPRAR keeps the line's own orders and
 * refuses only those groups, while a bay plan is refused whole as for any error. MOVINS and VERMAS name containers
 * by number only and COARRI / CODECO are the terminal's own reports: those are for the terminal's staff to load.
 */
public final class LineScope {

    private LineScope() {
    }

    /** The interchange as read, with an error for everything in it that is not {@code line}'s to send. */
    public static EdiIntake.Read restrict(EdiIntake.Read read, LineOperator line) {
        List<InboundMessage> messages = new ArrayList<>();
        for (InboundMessage message : read.messages()) {
            messages.add(restrict(read.interchange(), message, line));
        }
        return new EdiIntake.Read(read.interchange(), messages, read.envelopeErrors(), read.envelopeRepairs());
    }

    /** Errors for the bay plans of {@code read} that would change a call {@code line} does not operate. */
    public static List<EdiError> foreignCalls(EdiIntake.Read read, List<VesselCall> calls, LineOperator line) {
        List<EdiError> errors = new ArrayList<>();
        for (InboundMessage message : read.messages()) {
            if (message instanceof BayPlanMessage plan) {
                calls.stream().filter(call -> BayPlanUpdates.isFor(call, plan.header().vessel()))
                        .filter(call -> !call.line().equals(line))
                        .forEach(call -> errors.add(new EdiError(new SegmentRef("UNH", plan.header().position(), 0, 0),
                                "vessel call " + call.id() + " (" + plan.header().vessel().text() + ") is operated by "
                                        + call.line().code() + ": line " + line.code() + " sends bay plans only for "
                                        + "the calls it operates")));
            }
        }
        return errors;
    }

    private static InboundMessage restrict(Interchange interchange, InboundMessage message, LineOperator line) {
        return switch (message) {
            case BayPlanMessage plan -> new BayPlanMessage(plan.header(), plan.stowage(),
                    withForeign(interchange, plan, plan.stowage().stream().map(s -> s.container()).toList(), line),
                    plan.repairs());
            case OrderMessage orders -> new OrderMessage(orders.header(), orders.orders(),
                    withForeign(interchange, orders, orders.orders().stream().map(o -> o.container()).toList(), line),
                    orders.repairs(), orders.groupsFrom(), orders.groupsTo());
            case LoadPlanMessage movins -> new LoadPlanMessage(movins.header(), movins.instructions(),
                    withStaffOnly(movins), movins.repairs());
            case VgmMessage vermas -> new VgmMessage(vermas.header(), vermas.masses(), withStaffOnly(vermas),
                    vermas.repairs());
            case MoveReportMessage report -> new MoveReportMessage(report.header(), report.moves(),
                    withStaffOnly(report), report.repairs());
            case UnsupportedMessage unsupported -> unsupported;
        };
    }

    private static List<EdiError> withForeign(Interchange interchange, InboundMessage message,
                                              List<Container> containers, LineOperator line) {
        List<EdiError> errors = new ArrayList<>(message.errors());
        for (Container container : containers) {
            if (!container.line().equals(line)) {
                errors.add(new EdiError(equipmentOf(interchange, message, container),
                        "container " + container.number() + " is operated by " + container.line().code()
                                + ": line " + line.code() + " sends only its own containers"));
            }
        }
        return errors;
    }

    private static List<EdiError> withStaffOnly(InboundMessage message) {
        List<EdiError> errors = new ArrayList<>(message.errors());
        errors.add(new EdiError(new SegmentRef("UNH", message.header().position(), 2, 1), "a line sends BAPLIE and "
                + "COPRAR messages, not " + message.header().type() + ": the terminal's staff load those"));
        return errors;
    }

    /** The {@code EQD} naming the container in the message, else the message's UNH. */
    private static SegmentRef equipmentOf(Interchange interchange, InboundMessage message, Container container) {
        int from = message.header().position();
        return interchange.messages().stream()
                .filter(m -> !m.segments().isEmpty() && m.segments().getFirst().position() == from)
                .flatMap(m -> m.segments().stream())
                .filter(s -> s.tag().equals("EQD") && s.value(2, 1).equals(container.number().value()))
                .findFirst()
                .map(s -> SegmentRef.of(s, 2, 1))
                .orElse(new SegmentRef("UNH", from, 0, 0));
    }
}
