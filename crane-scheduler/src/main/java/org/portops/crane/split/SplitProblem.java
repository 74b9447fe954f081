package org.portops.crane.split;

import org.portops.crane.qcsp.Unavailability;
import org.portops.model.vessel.VesselCallId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One crane split problem: the quay, its cranes in rail order (they cannot pass each other), the vessels alongside
 * or arriving, the forecast wind, and the planning horizon cut into slots of {@code slotSeconds} (a crane works one
 * vessel per slot). Times are seconds from {@code planStart}. When the split is remade during the work, {@code now}
 * is the time of re-planning and {@code previous} the split in force: slots that start before {@code now} keep it,
 * and later slots pay to leave it.
 *
 * @param maxCranesPerVessel the terminal's limit per vessel, whatever its length
 */
public record SplitProblem(Instant planStart, double quayLengthMeters, int slotSeconds, int horizonSlots,
                           int maxCranesPerVessel, List<SplitCrane> cranes, List<SplitVessel> vessels,
                           List<WindPeriod> wind, int now, List<CraneTimeline> previous) {

    public SplitProblem {
        if (planStart == null) {
            throw new IllegalArgumentException("a split problem needs its plan start");
        }
        cranes = List.copyOf(cranes);
        vessels = List.copyOf(vessels);
        wind = List.copyOf(wind);
        previous = List.copyOf(previous);
        List<String> problems = new ArrayList<>();
        if (!(quayLengthMeters > 0)) {
            problems.add("quay length must be positive, was " + quayLengthMeters);
        }
        if (slotSeconds < 60 || horizonSlots < 1) {
            problems.add("needs slots of 60 s or more and 1 or more of them, was " + horizonSlots + " of " + slotSeconds + " s");
        }
        if (maxCranesPerVessel < 1) {
            problems.add("max cranes per vessel must be 1 or more, was " + maxCranesPerVessel);
        }
        if (cranes.isEmpty()) {
            problems.add("needs at least one crane");
        }
        if (now < 0) {
            problems.add("now must be 0 or more, was " + now);
        }
        Set<String> ids = new HashSet<>();
        for (int k = 0; k < cranes.size(); k++) {
            SplitCrane crane = cranes.get(k);
            if (!ids.add(crane.id().value())) {
                problems.add("crane " + crane.id().value() + " is listed twice");
            }
            if (crane.positionMeters() > quayLengthMeters) {
                problems.add("crane " + crane.id().value() + " stands at " + crane.positionMeters() + " m, beyond the "
                        + quayLengthMeters + " m quay");
            }
            if (k > 0 && crane.positionMeters() <= cranes.get(k - 1).positionMeters()) {
                problems.add("cranes must be listed in rail order: " + crane.id().value() + " at "
                        + crane.positionMeters() + " m follows " + cranes.get(k - 1).id().value() + " at "
                        + cranes.get(k - 1).positionMeters() + " m");
            }
            if (crane.gantrySeconds(quayLengthMeters) >= slotSeconds) {
                problems.add("crane " + crane.id().value() + " needs " + crane.gantrySeconds(quayLengthMeters)
                        + " s to gantry the whole quay, a slot of " + slotSeconds + " s must be longer");
            }
        }
        Set<VesselCallId> calls = new HashSet<>();
        List<SplitVessel> byQuay = vessels.stream().sorted(Comparator.comparingDouble(SplitVessel::fromMeter)).toList();
        for (int v = 0; v < byQuay.size(); v++) {
            SplitVessel vessel = byQuay.get(v);
            if (!calls.add(vessel.id())) {
                problems.add("vessel call " + vessel.id().value() + " is listed twice");
            }
            if (vessel.toMeter() > quayLengthMeters) {
                problems.add("vessel " + vessel.name() + " reaches " + vessel.toMeter() + " m, beyond the "
                        + quayLengthMeters + " m quay");
            }
            if (v > 0 && vessel.fromMeter() < byQuay.get(v - 1).toMeter()) {
                problems.add("vessel " + vessel.name() + " at " + vessel.fromMeter() + ".." + vessel.toMeter()
                        + " m overlaps " + byQuay.get(v - 1).name() + " at " + byQuay.get(v - 1).fromMeter() + ".."
                        + byQuay.get(v - 1).toMeter() + " m");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("crane split: " + String.join("; ", problems));
        }
        vessels = byQuay;
    }

    /** A first split: no wind forecast, nothing planned before. */
    public static SplitProblem of(Instant planStart, double quayLengthMeters, int slotSeconds, int horizonSlots,
                                  int maxCranesPerVessel, List<SplitCrane> cranes, List<SplitVessel> vessels) {
        return new SplitProblem(planStart, quayLengthMeters, slotSeconds, horizonSlots, maxCranesPerVessel, cranes,
                vessels, List.of(), 0, List.of());
    }

    /** The same quay and cranes with other vessels, re-planned at {@code time} from the split in force. */
    public SplitProblem replannedAt(int time, List<SplitVessel> changedVessels, List<CraneTimeline> inForce) {
        return new SplitProblem(planStart, quayLengthMeters, slotSeconds, horizonSlots, maxCranesPerVessel, cranes,
                changedVessels, wind, time, inForce);
    }

    public SplitProblem withWind(List<WindPeriod> forecast) {
        return new SplitProblem(planStart, quayLengthMeters, slotSeconds, horizonSlots, maxCranesPerVessel, cranes,
                vessels, forecast, now, previous);
    }

    public int horizonEnd() {
        return slotSeconds * horizonSlots;
    }

    /** The vessel's index in quay order (vessels are kept sorted along the quay), -1 when it is not here. */
    public int vesselIndex(VesselCallId id) {
        for (int v = 0; v < vessels.size(); v++) {
            if (vessels.get(v).id().equals(id)) {
                return v;
            }
        }
        return -1;
    }

    /** A crane's own windows plus those in which the forecast wind exceeds its limit. */
    public List<Unavailability> unavailability(SplitCrane crane) {
        List<Unavailability> windows = new ArrayList<>(crane.unavailable());
        wind.stream().filter(period -> period.metresPerSecond() > crane.windLimit())
                .forEach(period -> windows.add(new Unavailability(period.from(), period.until(), Unavailability.Reason.WIND)));
        windows.sort(Comparator.comparingInt(Unavailability::from));
        return List.copyOf(windows);
    }

    /** Gantry seconds for {@code crane} between the centres of two vessels. */
    public int travelSeconds(SplitCrane crane, SplitVessel from, SplitVessel to) {
        return from.equals(to) ? 0 : crane.gantrySeconds(to.centreMeter() - from.centreMeter());
    }

    /**
     * The vessel (index in quay order) a crane stands at when the horizon opens: one already berthed whose quay span
     * holds the crane's position; -1 when the crane is parked between vessels.
     */
    public int startVessel(SplitCrane crane) {
        for (int v = 0; v < vessels.size(); v++) {
            SplitVessel vessel = vessels.get(v);
            if (vessel.berthing() <= 0 && vessel.fromMeter() <= crane.positionMeters()
                    && crane.positionMeters() <= vessel.toMeter()) {
                return v;
            }
        }
        return -1;
    }

    /** The slowest crane's rate: what an estimate falls back to beyond the horizon. */
    public double fallbackCyclesPerSecond() {
        return cranes.stream().mapToDouble(SplitCrane::cyclesPerSecond).min().orElseThrow();
    }
}
