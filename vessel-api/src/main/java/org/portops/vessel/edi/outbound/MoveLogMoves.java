package org.portops.vessel.edi.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.GateLocation;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;
import org.portops.state.store.LogEntry;

/**
 * Picks the moves a line is told about out of the move log: discharges and loads of one vessel call (for COARRI),
 * gate-ins and gate-outs (for CODECO), each with its container's master data.
 */
public final class MoveLogMoves {

    private MoveLogMoves() {
    }

    /** Discharges from and loads onto {@code call}, in log order. */
    public static List<OutboundMove> vesselMoves(List<LogEntry> log, VesselCallId call,
                                                 Function<ContainerNumber, Optional<Container>> masterData) {
        List<OutboundMove> moves = new ArrayList<>();
        for (LogEntry entry : log) {
            MoveKind kind = kind(entry);
            if (kind == MoveKind.DISCHARGE || kind == MoveKind.LOAD) {
                String vesselSide = kind == MoveKind.DISCHARGE ? entry.from() : entry.to();
                if (vesselSide != null && Location.parse(vesselSide) instanceof VesselLocation vessel
                        && vessel.call().equals(call)) {
                    move(entry, kind, vessel, null, masterData).ifPresent(moves::add);
                }
            }
        }
        return moves;
    }

    /**
     * Discharges from and loads onto {@code call} with the quay crane that made each, for TPFREP: the crane is the one
     * {@code craneOf} finds for the entry's work instruction; entries without one are left out.
     */
    public static List<CraneMove> craneMoves(List<LogEntry> log, VesselCallId call,
                                             Function<String, Optional<EquipmentId>> craneOf) {
        List<CraneMove> moves = new ArrayList<>();
        for (LogEntry entry : log) {
            MoveKind kind = kind(entry);
            if ((kind == MoveKind.DISCHARGE || kind == MoveKind.LOAD) && entry.instructionId() != null) {
                String vesselSide = kind == MoveKind.DISCHARGE ? entry.from() : entry.to();
                if (vesselSide != null && Location.parse(vesselSide) instanceof VesselLocation vessel
                        && vessel.call().equals(call)) {
                    craneOf.apply(entry.instructionId()).ifPresent(crane -> moves.add(new CraneMove(crane, kind,
                            new ContainerNumber(entry.container()), entry.recordedAt())));
                }
            }
        }
        return moves;
    }

    /** Gate-ins and gate-outs, in log order. */
    public static List<OutboundMove> gateMoves(List<LogEntry> log,
                                               Function<ContainerNumber, Optional<Container>> masterData) {
        List<OutboundMove> moves = new ArrayList<>();
        for (LogEntry entry : log) {
            MoveKind kind = kind(entry);
            if (kind == MoveKind.GATE_IN || kind == MoveKind.GATE_OUT) {
                String gateSide = kind == MoveKind.GATE_IN ? entry.from() : entry.to();
                if (gateSide != null && Location.parse(gateSide) instanceof GateLocation gate) {
                    move(entry, kind, null, gate, masterData).ifPresent(moves::add);
                }
            }
        }
        return moves;
    }

    private static MoveKind kind(LogEntry entry) {
        return switch (entry.kind()) {
            case "DISCHARGE" -> MoveKind.DISCHARGE;
            case "LOAD" -> MoveKind.LOAD;
            case "GATE_IN" -> MoveKind.GATE_IN;
            case "GATE_OUT" -> MoveKind.GATE_OUT;
            default -> null;
        };
    }

    private static Optional<OutboundMove> move(LogEntry entry, MoveKind kind, VesselLocation vessel, GateLocation gate,
                                               Function<ContainerNumber, Optional<Container>> masterData) {
        ContainerNumber number = new ContainerNumber(entry.container());
        return masterData.apply(number).map(c -> new OutboundMove(number, c.sizeType(), kind,
                c.category() != ContainerCategory.EMPTY, vessel == null ? null : vessel.slot(),
                gate == null ? null : gate.lane(), entry.recordedAt(), c.weight().kilograms(), c.portOfLoading(),
                c.portOfDischarge(), c.imdgClass()));
    }
}
