package org.portops.vessel.edi.outbound;

import static org.portops.vessel.edi.outbound.SegmentWriter.composite;

import java.util.List;
import java.util.Map;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.UnLocode;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.MoveKind;

/**
 * COARRI (discharge and loading reports, SMDG/ITG D.95B) and CODECO (gate-in and gate-out reports) from moves of
 * the move log, written with StAEDI. A report kind with no move is left out; an interchange with no move at all is
 * refused, since an empty report would tell the line that nothing happened.
 */
public final class MoveReportWriter {

    private MoveReportWriter() {
    }

    /** A COARRI interchange: a discharge report (BGM 44) and a loading report (BGM 46) of {@code call} at {@code here}. */
    public static byte[] coarri(Envelope envelope, VesselCall call, UnLocode here, List<OutboundMove> moves) {
        requireMoves(moves, "COARRI");
        SegmentWriter out = new SegmentWriter(envelope);
        report(out, envelope, call, here, moves, MoveKind.DISCHARGE, "44", "COARRI", Map.of());
        report(out, envelope, call, here, moves, MoveKind.LOAD, "46", "COARRI", Map.of());
        return out.finish(envelope.controlReference());
    }

    /** A CODECO interchange: a gate-in report (BGM 34) and a gate-out report (BGM 36) at {@code here}. */
    public static byte[] codeco(Envelope envelope, UnLocode here, List<OutboundMove> moves) {
        return codeco(envelope, here, moves, Map.of());
    }

    /**
     * A CODECO interchange whose containers carry what the gate clerk found: the seal ({@code SEL}) and each damage
     * ({@code DAM}), from {@code inspections} (containers without one report neither).
     */
    public static byte[] codeco(Envelope envelope, UnLocode here, List<OutboundMove> moves,
                                Map<ContainerNumber, GateInspection> inspections) {
        requireMoves(moves, "CODECO");
        SegmentWriter out = new SegmentWriter(envelope);
        report(out, envelope, null, here, moves, MoveKind.GATE_IN, "34", "CODECO", inspections);
        report(out, envelope, null, here, moves, MoveKind.GATE_OUT, "36", "CODECO", inspections);
        return out.finish(envelope.controlReference());
    }

    private static void requireMoves(List<OutboundMove> moves, String type) {
        if (moves.isEmpty()) {
            throw new IllegalArgumentException(type + " needs at least one move to report");
        }
    }

    private static void report(SegmentWriter out, Envelope envelope, VesselCall call, UnLocode here,
                               List<OutboundMove> moves, MoveKind kind, String document, String type,
                               Map<ContainerNumber, GateInspection> inspections) {
        List<OutboundMove> ofKind = moves.stream().filter(m -> m.kind() == kind).toList();
        if (ofKind.isEmpty()) {
            return;
        }
        String reference = envelope.controlReference() + "-" + document;
        out.startMessage(reference, composite(type, "D", "95B", "UN", "ITG14"));
        out.segment("BGM", document, reference, "9");
        out.segment("DTM", composite("137", SegmentWriter.time(envelope.prepared()), "203"));
        if (call != null) {
            out.segment("TDT", "20", call.voyage().value(), "1", "13", composite(call.line().code(), "172", "20"),
                    "", "", composite(call.vessel().imo().value(), "146", "11", call.vessel().name()));
            out.segment("LOC", kind == MoveKind.DISCHARGE ? "11" : "9", composite(here.value(), "139", "6"));
        } else {
            out.segment("LOC", "165", composite(here.value(), "139", "6"));
        }
        for (OutboundMove move : ofKind) {
            equipment(out, move, inspections.getOrDefault(move.container(), GateInspection.NONE));
        }
        out.segment("CNT", composite("16", String.valueOf(ofKind.size())));
        out.endMessage(reference);
    }

    private static void equipment(SegmentWriter out, OutboundMove move, GateInspection inspection) {
        String status = switch (move.kind()) {
            case DISCHARGE, GATE_OUT -> "3";
            case LOAD, GATE_IN -> "2";
            case YARD_SHIFT, REHANDLE -> throw new IllegalArgumentException("a " + move.kind()
                    + " is not reported to a line");
        };
        out.segment("EQD", "CN", move.container().value(), composite(move.sizeType().code(), "102", "5"), "",
                status, move.full() ? "5" : "4");
        out.segment("TMD", "3");
        out.segment("DTM", composite(move.kind() == MoveKind.GATE_IN || move.kind() == MoveKind.GATE_OUT ? "7"
                : "203", SegmentWriter.time(move.at()), "203"));
        out.segment("LOC", "9", composite(move.portOfLoading().value(), "139", "6"));
        out.segment("LOC", "11", composite(move.portOfDischarge().value(), "139", "6"));
        if (move.slot() != null) {
            out.segment("LOC", "147", composite(move.slot().toString(), "", "5"));
        }
        if (move.weightKg() > 0) {
            out.segment("MEA", "AAE", "G", composite("KGM", String.valueOf(move.weightKg())));
        }
        if (inspection.seal() != null) {
            out.segment("SEL", inspection.seal(), "CA");
        }
        if (move.imdgClass() != null) {
            out.segment("DGS", "IMD", move.imdgClass().value());
        }
        for (String damage : inspection.damages()) {
            out.segment("DAM", "1", composite("", "", "", damage));
        }
        if (move.gateLane() != null) {
            out.segment("TDT", "1", "", "3");
            out.segment("FTX", "AAA", "", "", "GATE LANE " + move.gateLane());
        }
    }
}
