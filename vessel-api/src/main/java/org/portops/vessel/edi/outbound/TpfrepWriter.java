package org.portops.vessel.edi.outbound;

import static org.portops.vessel.edi.outbound.SegmentWriter.composite;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.portops.model.container.UnLocode;
import org.portops.model.vessel.VesselCall;

/**
 * TPFREP (terminal performance report, D.12B) of a vessel call after it departed: per quay crane its timesheet
 * (first and last move), its discharges and loads, and its delays. There is no SMDG guide for TPFREP; the codes the
 * UN directory leaves to the partners are PortOps's, written down in docs/edifact.md: {@code EQD+ZZZ} for a quay
 * crane, {@code QTY+DIS} and {@code QTY+LOA} for its lifts, {@code DTM+194}/{@code DTM+206} for its start and end,
 * {@code DTM+ZZZ} with a {@code 719} period and an {@code FTX+AAI} for each delay.
 */
public final class TpfrepWriter {

    private TpfrepWriter() {
    }

    public static byte[] write(Envelope envelope, VesselCall call, UnLocode here, Instant departed,
                               List<CraneMove> moves, Duration delayThreshold) {
        if (moves.isEmpty()) {
            throw new IllegalArgumentException("TPFREP of call " + call.id() + " needs at least one crane move");
        }
        SegmentWriter out = new SegmentWriter(envelope);
        String reference = envelope.controlReference();
        out.startMessage(reference, composite("TPFREP", "D", "12B", "UN"));
        out.segment("BGM", "", reference, "9");
        out.segment("DTM", composite("137", SegmentWriter.time(envelope.prepared()), "203"));
        out.segment("TDT", "20", call.voyage().value(), "1", "", composite(call.line().code(), "172", "20"), "", "",
                composite(call.vessel().imo().value(), "146", "11", call.vessel().name()));
        out.segment("LOC", "5", composite(here.value(), "139", "6"));
        out.segment("DTM", composite("186", SegmentWriter.time(departed), "203"));
        out.segment("RFF", composite("VON", call.voyage().value()));
        for (CraneTimesheet sheet : CraneTimesheet.of(moves, delayThreshold)) {
            out.segment("EQD", "ZZZ", sheet.crane().value());
            out.segment("QTY", composite("DIS", String.valueOf(sheet.discharges())));
            out.segment("QTY", composite("LOA", String.valueOf(sheet.loads())));
            out.segment("DTM", composite("194", SegmentWriter.time(sheet.first()), "203"));
            out.segment("DTM", composite("206", SegmentWriter.time(sheet.last()), "203"));
            for (CraneTimesheet.Delay delay : sheet.delays()) {
                out.segment("DTM", composite("ZZZ", SegmentWriter.time(delay.from()) + "-"
                        + SegmentWriter.time(delay.to()), "719"));
                out.segment("FTX", "AAI", "", "", "NO MOVE FOR " + delay.length().toMinutes() + " MIN");
            }
        }
        out.endMessage(reference);
        return out.finish(reference);
    }
}
