package org.portops.vessel.edi.inbound;

import java.util.List;
import org.portops.vessel.edi.EdiError;
import org.portops.vessel.edi.EdiRepair;

/** A COARRI or CODECO read back: the moves it reports. */
public record MoveReportMessage(MessageHeader header, List<ReportedMove> moves, List<EdiError> errors,
                                List<EdiRepair> repairs) implements InboundMessage {

    public MoveReportMessage {
        moves = List.copyOf(moves);
        errors = List.copyOf(errors);
        repairs = List.copyOf(repairs);
    }

    @Override
    public int containers() {
        return moves.size();
    }

    @Override
    public int reefers() {
        return (int) moves.stream().filter(m -> m.sizeType().isReefer() && m.full()).count();
    }

    @Override
    public int dangerous() {
        return (int) moves.stream().filter(m -> m.imdgClass() != null).count();
    }
}
