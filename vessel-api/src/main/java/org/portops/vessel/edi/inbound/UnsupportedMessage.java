package org.portops.vessel.edi.inbound;

import java.util.List;
import org.portops.vessel.edi.EdiError;
import org.portops.vessel.edi.EdiRepair;

/** A message of a type PortOps does not read: refused, with its envelope errors and one saying so. */
public record UnsupportedMessage(MessageHeader header, List<EdiError> errors, List<EdiRepair> repairs)
        implements InboundMessage {

    public UnsupportedMessage {
        errors = List.copyOf(errors);
        repairs = List.copyOf(repairs);
    }

    @Override
    public int containers() {
        return 0;
    }

    @Override
    public int reefers() {
        return 0;
    }

    @Override
    public int dangerous() {
        return 0;
    }
}
