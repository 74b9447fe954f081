package org.portops.vessel.edi.inbound;

import java.util.List;
import org.portops.vessel.edi.EdiError;
import org.portops.vessel.edi.EdiRepair;

/** A VERMAS: verified gross masses (SOLAS VI/2). */
public record VgmMessage(MessageHeader header, List<VerifiedGrossMass> masses, List<EdiError> errors,
                         List<EdiRepair> repairs) implements InboundMessage {

    public VgmMessage {
        masses = List.copyOf(masses);
        errors = List.copyOf(errors);
        repairs = List.copyOf(repairs);
    }

    @Override
    public int containers() {
        return masses.size();
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
