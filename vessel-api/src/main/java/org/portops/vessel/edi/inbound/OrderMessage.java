package org.portops.vessel.edi.inbound;

import java.util.List;
import org.portops.vessel.edi.EdiError;
import org.portops.vessel.edi.EdiRepair;

/**
 * A COPRAR: a loading or discharge order. {@code groupsFrom} and {@code groupsTo} are the positions of the first and
 * last segment of its equipment groups (0 when it has none): an error between them is about one container's group,
 * any other about the whole message.
 */
public record OrderMessage(MessageHeader header, List<ContainerOrder> orders, List<EdiError> errors,
                           List<EdiRepair> repairs, int groupsFrom, int groupsTo) implements InboundMessage {

    public OrderMessage {
        orders = List.copyOf(orders);
        errors = List.copyOf(errors);
        repairs = List.copyOf(repairs);
    }

    /** Whether the error is about one container's group rather than the whole message. */
    public boolean isGroupError(EdiError error) {
        return groupsFrom > 0 && error.at().position() >= groupsFrom && error.at().position() <= groupsTo;
    }

    /** The orders no error is about: what may be applied when only container groups have errors. */
    public List<ContainerOrder> soundOrders() {
        return orders.stream().filter(o -> errors.stream().noneMatch(e -> o.spans(e.at().position()))).toList();
    }

    @Override
    public int containers() {
        return orders.size();
    }

    @Override
    public int reefers() {
        return (int) orders.stream().filter(o -> o.container().isReefer()).count();
    }

    @Override
    public int dangerous() {
        return (int) orders.stream().filter(o -> o.container().isDangerous()).count();
    }
}
