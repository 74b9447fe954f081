package org.portops.map.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.EquipmentStatus;

/**
 * How each quay crane spent the current shift: working, idle, down (fault or offline), as periods between the status
 * changes the live yard reported, each taken at the machine's own time stamp. Kept in memory from when this node's
 * map began watching: the part of the shift before it is "not seen", never guessed. Fed by {@link
 * org.portops.map.OpsMapVerticle} on its event loop, read by the KPI route on another, hence synchronised.
 */
public final class CraneShiftClock {

    private final Shifts shifts;
    private final Map<EquipmentId, List<Change>> changes = new HashMap<>();

    public CraneShiftClock(Shifts shifts) {
        this.shifts = shifts;
    }

    private record Change(EquipmentStatus status, Instant at) {
    }

    /** Takes a machine's reported state; only quay cranes' status changes are kept, and none older than the last. */
    public synchronized void record(EquipmentState state) {
        if (state.kind() != EquipmentKind.QUAY_CRANE) {
            return;
        }
        List<Change> crane = changes.computeIfAbsent(state.id(), id -> new ArrayList<>());
        Change last = crane.isEmpty() ? null : crane.getLast();
        if (last != null && (last.status() == state.status() || state.lastSeen().isBefore(last.at()))) {
            return;
        }
        crane.add(new Change(state.status(), state.lastSeen()));
        forgetBefore(crane, shifts.startOf(state.lastSeen()).minus(shifts.length()));
    }

    /** The cranes' periods of the shift running at {@code now}, from its start (or first sight) to {@code now}. */
    public synchronized ShiftTimes reckon(Instant now) {
        Instant start = shifts.startOf(now);
        List<ShiftTimes.CraneTimes> cranes = new ArrayList<>();
        changes.entrySet().stream().sorted(Comparator.comparing(e -> e.getKey().value())).forEach(e -> {
            List<ShiftTimes.Period> periods = new ArrayList<>();
            List<Change> crane = e.getValue();
            for (int i = 0; i < crane.size(); i++) {
                Instant from = max(crane.get(i).at(), start);
                Instant to = i + 1 < crane.size() ? min(crane.get(i + 1).at(), now) : now;
                if (to.isAfter(from)) {
                    periods.add(new ShiftTimes.Period(crane.get(i).status(), from, to));
                }
            }
            cranes.add(new ShiftTimes.CraneTimes(e.getKey().value(), periods));
        });
        return new ShiftTimes(start, start.plus(shifts.length()), now, cranes);
    }

    /** Drops changes wholly before {@code cutoff}, keeping the one in force at it. */
    private static void forgetBefore(List<Change> crane, Instant cutoff) {
        while (crane.size() > 1 && !crane.get(1).at().isAfter(cutoff)) {
            crane.removeFirst();
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Durations by what the crane was doing. */
    static Duration total(List<ShiftTimes.Period> periods, EquipmentStatus... statuses) {
        Duration sum = Duration.ZERO;
        for (ShiftTimes.Period period : periods) {
            for (EquipmentStatus status : statuses) {
                if (period.status() == status) {
                    sum = sum.plus(Duration.between(period.from(), period.to()));
                }
            }
        }
        return sum;
    }
}
