package org.portops.vessel.edi.inbound;

import java.util.List;
import org.portops.vessel.edi.EdiError;
import org.portops.vessel.edi.EdiRepair;

/** A COPRAR: a loading or discharge order. */
public record OrderMessage(MessageHeader header, List<ContainerOrder> orders, List<EdiError> errors,
                           List<EdiRepair> repairs) implements InboundMessage {

    public OrderMessage {
        orders = List.copyOf(orders);
        errors = List.copyOf(errors);
        repairs = List.copyOf(repairs);
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
