package org.portops.map.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.Location;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionState;

/**
 * Reckons {@link QuayKpis} from the live yard's work instructions, machines and vessel calls. Gross moves are
 * completed instructions (their last change, to DONE, inside the window), counted for every quay crane assigned and
 * for the vessel call at either end; the rate is moves over the window's hours.
 */
public final class KpiBoard {

    /** The trailing window the rates are over: an hour, the unit the quay talks in. */
    public static final Duration WINDOW = Duration.ofHours(1);

    private KpiBoard() {
    }

    public static QuayKpis reckon(List<WorkInstruction> instructions, List<EquipmentState> machines,
                                  List<VesselCall> calls, Instant now) {
        Instant since = now.minus(WINDOW);
        List<WorkInstruction> doneInWindow = instructions.stream()
                .filter(i -> i.state() == WorkInstructionState.DONE)
                .filter(i -> i.updatedAt().isAfter(since) && !i.updatedAt().isAfter(now)).toList();
        double hours = WINDOW.toMillis() / 3_600_000.0;
        List<QuayKpis.CraneKpi> cranes = machines.stream().filter(m -> m.kind() == EquipmentKind.QUAY_CRANE)
                .sorted(Comparator.comparing(m -> m.id().value()))
                .map(m -> crane(m, doneInWindow, instructions, hours)).toList();
        List<QuayKpis.VesselKpi> vessels = new ArrayList<>();
        for (VesselCall call : calls) {
            if (call.berth() == null) {
                continue;
            }
            Predicate<WorkInstruction> ofCall = i -> callOf(i.from()).or(() -> callOf(i.to()))
                    .filter(call.id()::equals).isPresent();
            int moves = (int) doneInWindow.stream().filter(ofCall).count();
            int done = (int) instructions.stream().filter(ofCall)
                    .filter(i -> i.state() == WorkInstructionState.DONE).count();
            // the bay plan's moves, or more where the planners added restows and shifts of the call
            int planned = (int) instructions.stream().filter(ofCall)
                    .filter(i -> i.state() != WorkInstructionState.CANCELLED).count();
            int total = Math.max(planned, call.bayPlan().entries().size());
            double rate = moves / hours;
            Instant forecast = rate <= 0 ? null
                    : now.plusSeconds(Math.round((total - done) / rate * 3600));
            vessels.add(new QuayKpis.VesselKpi(call.id().value(), call.vessel().name(), moves, rate, done, total,
                    forecast, call.etd()));
        }
        vessels.sort(Comparator.comparing(QuayKpis.VesselKpi::call));
        return new QuayKpis(now, WINDOW, cranes, vessels);
    }

    private static QuayKpis.CraneKpi crane(EquipmentState crane, List<WorkInstruction> doneInWindow,
                                           List<WorkInstruction> all, double hours) {
        EquipmentId id = crane.id();
        int moves = (int) doneInWindow.stream().filter(i -> i.assigned().contains(id)).count();
        Optional<WorkInstruction> current = all.stream().filter(i -> i.assigned().contains(id))
                .filter(i -> i.state() == WorkInstructionState.DISPATCHED
                        || i.state() == WorkInstructionState.IN_PROGRESS)
                .min(Comparator.comparing((WorkInstruction i) -> i.state() != WorkInstructionState.IN_PROGRESS)
                        .thenComparingLong(WorkInstruction::sequence));
        boolean waiting = crane.status() == EquipmentStatus.IDLE && current.isPresent();
        return new QuayKpis.CraneKpi(id.value(), moves, moves / hours, waiting,
                current.map(i -> i.id().value()).orElse(null));
    }

    private static Optional<VesselCallId> callOf(Location location) {
        return location instanceof VesselLocation vessel ? Optional.of(vessel.call()) : Optional.empty();
    }
}
