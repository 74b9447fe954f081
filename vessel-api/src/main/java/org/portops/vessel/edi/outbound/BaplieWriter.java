package org.portops.vessel.edi.outbound;

import static org.portops.vessel.edi.outbound.SegmentWriter.composite;

import java.util.List;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.UnLocode;
import org.portops.model.vessel.VesselCall;
import org.portops.vessel.edi.inbound.StowedContainer;

/**
 * A BAPLIE (SMDG 2.2, D.95B) of what is on board: for the next port when the vessel leaves ({@link #departure}),
 * or of any stowage list. What the terminal knows and SMDG 2.2 carries is written: slot, VGM, set point, ports,
 * operator, IMDG class, full or empty. A container's category is the terminal's view and is not part of a BAPLIE.
 */
public final class BaplieWriter {

    private BaplieWriter() {
    }

    /** The bay plan of {@code call} as the vessel leaves {@code here}: its loads and what remains on board. */
    public static byte[] departure(Envelope envelope, VesselCall call, UnLocode here) {
        List<StowedContainer> onBoard = call.bayPlan().entries().stream()
                .filter(e -> e.action().onBoardOnDeparture())
                .map(e -> new StowedContainer(e.slot(), e.container()))
                .toList();
        return write(envelope, call, here, onBoard);
    }

    /** A BAPLIE of {@code stowage} on {@code call}'s vessel, leaving {@code departurePort}. */
    public static byte[] write(Envelope envelope, VesselCall call, UnLocode departurePort,
                               List<StowedContainer> stowage) {
        SegmentWriter out = new SegmentWriter(envelope);
        String reference = envelope.controlReference();
        out.startMessage(reference, composite("BAPLIE", "D", "95B", "UN", "SMDG22"));
        out.segment("BGM", "", reference, "9");
        out.segment("DTM", composite("137", SegmentWriter.time(envelope.prepared()), "203"));
        out.segment("TDT", "20", call.voyage().value(), "", "", composite(call.line().code(), "172", "20"), "", "",
                composite(call.vessel().imo().value(), "146", "11", call.vessel().name()));
        out.segment("LOC", "5", composite(departurePort.value(), "139", "6"));
        for (StowedContainer stowed : stowage) {
            container(out, stowed);
        }
        out.endMessage(reference);
        return out.finish(reference);
    }

    private static void container(SegmentWriter out, StowedContainer stowed) {
        Container c = stowed.container();
        out.segment("LOC", "147", composite(stowed.slot().toString(), "", "5"));
        out.segment("MEA", "VGM", "", composite("KGM", String.valueOf(c.weight().kilograms())));
        if (c.reeferSetPoint() != null) {
            out.segment("TMP", "2", composite(String.valueOf(c.reeferSetPoint().celsius()), "CEL"));
        }
        out.segment("LOC", "9", composite(c.portOfLoading().value(), "139", "6"));
        out.segment("LOC", "11", composite(c.portOfDischarge().value(), "139", "6"));
        out.segment("EQD", "CN", c.number().value(), c.sizeType().code(), "", "",
                c.category() == ContainerCategory.EMPTY ? "4" : "5");
        out.segment("NAD", "CA", composite(c.line().code(), "172", "20"));
        if (c.imdgClass() != null) {
            out.segment("DGS", "IMD", c.imdgClass().value());
        }
    }
}
