package org.portops.crane.split.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream;
import org.portops.crane.split.CompletionEstimate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The crane split's rules. Hard: rail order, crane limit per vessel, crane availability, vessel alongside. Medium:
 * minutes each vessel is estimated to finish after its planned departure. Soft: {@value #MOVE_WEIGHT} per crane move
 * between vessels, 1 per metre of gantry travel, 1 per minute from a vessel's berthing to its estimated completion
 * (no crane idles beside work), {@value #STABILITY_WEIGHT} per crane slot changed from the split in force. A move
 * outweighs the quay's length in metres and a week of vessel time, so fewer moves come first and cranes move for
 * departures, not to shave hours off a vessel with time to spare.
 */
public final class SplitConstraintProvider implements ConstraintProvider {
    public static final String CRANES_NEVER_CROSS = "Cranes never cross";
    public static final String CRANE_LIMIT = "Vessel crane limit";
    public static final String CRANE_AVAILABILITY = "Crane availability";
    public static final String VESSEL_ALONGSIDE = "Vessel alongside";
    public static final String VESSEL_DEPARTURE = "Vessel departure";
    public static final String VESSEL_COMPLETION = "Vessel completion";
    public static final String CRANE_MOVES = "Crane moves between vessels";
    public static final String GANTRY_DISTANCE = "Gantry distance";
    public static final String PLAN_STABILITY = "Plan stability";
    public static final int MOVE_WEIGHT = 10_000;
    public static final int STABILITY_WEIGHT = 500;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[]{cranesNeverCross(factory), vesselCraneLimit(factory), craneAvailability(factory),
                vesselAlongside(factory), vesselDeparture(factory), vesselCompletion(factory), craneMoves(factory), gantryDistance(factory),
                planStability(factory)};
    }

    Constraint cranesNeverCross(ConstraintFactory factory) {
        return factory.forEach(CraneSlot.class).filter(CraneSlot::isWorking)
                .join(factory.forEach(CraneSlot.class).filter(CraneSlot::isWorking),
                        Joiners.equal(CraneSlot::getSlot),
                        Joiners.lessThan(CraneSlot::craneIndex))
                .filter((lower, upper) -> lower.getVessel().index() > upper.getVessel().index())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD)
                .justifyWith((lower, upper, score) -> new SplitJustification.CranesCross(lower.getCrane().name(),
                        lower.getVessel().name(), upper.getCrane().name(), upper.getVessel().name(), lower.getStart()))
                .asConstraint(CRANES_NEVER_CROSS);
    }

    /** Every crane between the first and the last on a vessel stands on it, so the span counts, not the number. */
    Constraint vesselCraneLimit(ConstraintFactory factory) {
        return factory.forEach(CraneSlot.class).filter(CraneSlot::isWorking)
                .groupBy(CraneSlot::getVessel, CraneSlot::getStart,
                        ConstraintCollectors.toSortedSet(CraneSlot::getCrane, Comparator.comparingInt(RailCrane::index)))
                .filter((vessel, start, cranes) -> span(cranes) > vessel.limit())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (vessel, start, cranes) -> span(cranes) - vessel.limit())
                .justifyWith((vessel, start, cranes, score) -> new SplitJustification.OverCraneLimit(vessel.name(), start,
                        cranes.stream().map(RailCrane::name).toList(), vessel.limit()))
                .asConstraint(CRANE_LIMIT);
    }

    Constraint craneAvailability(ConstraintFactory factory) {
        return factory.forEach(CraneSlot.class).filter(CraneSlot::isWorking)
                .filter(slot -> slot.getCrane().unavailableMinutes(slot.getStart(), slot.getEnd()) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        slot -> slot.getCrane().unavailableMinutes(slot.getStart(), slot.getEnd()))
                .justifyWith((slot, score) -> new SplitJustification.CraneUnavailable(slot.getCrane().name(),
                        slot.getVessel().name(), slot.getStart(), slot.getEnd(),
                        String.valueOf(slot.getCrane().firstReason(slot.getStart(), slot.getEnd())),
                        slot.getCrane().unavailableMinutes(slot.getStart(), slot.getEnd())))
                .asConstraint(CRANE_AVAILABILITY);
    }

    Constraint vesselAlongside(ConstraintFactory factory) {
        return factory.forEach(CraneSlot.class).filter(CraneSlot::isWorking)
                .filter(slot -> slot.getStart() < slot.getVessel().vessel().berthing())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, slot -> minutesBefore(slot))
                .justifyWith((slot, score) -> new SplitJustification.VesselNotAlongside(slot.getCrane().name(),
                        slot.getVessel().name(), slot.getStart(), slot.getVessel().vessel().berthing()))
                .asConstraint(VESSEL_ALONGSIDE);
    }

    /**
     * Every vessel with its crane turns; each turn is joined with the same crane's previous slot, which says whether
     * it gantried in.
     */
    private static UniConstraintStream<Estimate> vesselEstimates(ConstraintFactory factory) {
        return factory.forEach(CraneSlot.class).filter(CraneSlot::isWorking)
                .join(factory.forEachIncludingUnassigned(CraneSlot.class), Joiners.equal(CraneSlot::craneIndex),
                        Joiners.equal(slot -> slot.getSlot() - 1, CraneSlot::getSlot))
                .groupBy((slot, before) -> slot.getVessel(), ConstraintCollectors.toList(SplitConstraintProvider::turn))
                .complement(BerthedVessel.class, vessel -> List.of())
                .map((vessel, turns) -> new Estimate(vessel, vessel.completion(turns)));
    }

    /** A vessel with its estimated completion, computed once per change of its cranes. */
    record Estimate(BerthedVessel vessel, int completion) {
        long lateMinutes() {
            int late = completion - vessel.vessel().plannedDeparture();
            return late <= 0 ? 0 : (late + 59) / 60;
        }

        long workingMinutes() {
            return (completion - vessel.vessel().berthing() + 59) / 60;
        }
    }

    Constraint vesselDeparture(ConstraintFactory factory) {
        return vesselEstimates(factory)
                .filter(estimate -> estimate.lateMinutes() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, Estimate::lateMinutes)
                .justifyWith((estimate, score) -> new SplitJustification.VesselLate(estimate.vessel().name(),
                        estimate.completion(), estimate.vessel().vessel().plannedDeparture(), (int) estimate.lateMinutes()))
                .asConstraint(VESSEL_DEPARTURE);
    }

    /** Finish every vessel as early as its cranes allow: no crane idles beside work it could do. */
    Constraint vesselCompletion(ConstraintFactory factory) {
        return vesselEstimates(factory)
                .filter(estimate -> estimate.workingMinutes() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, Estimate::workingMinutes)
                .justifyWith((estimate, score) -> new SplitJustification.VesselWorked(estimate.vessel().name(),
                        estimate.vessel().vessel().berthing(), estimate.completion()))
                .asConstraint(VESSEL_COMPLETION);
    }

    Constraint craneMoves(ConstraintFactory factory) {
        return factory.forEach(CraneSlot.class).filter(slot -> slot.getVessel() != null)
                .groupBy(CraneSlot::getCrane, ConstraintCollectors.toList())
                .filter((crane, slots) -> !moves(slots).isEmpty())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, (crane, slots) -> (long) MOVE_WEIGHT * moves(slots).size())
                .justifyWith((crane, slots, score) -> new SplitJustification.CraneMoves(crane.name(), moves(slots)))
                .asConstraint(CRANE_MOVES);
    }

    /** From the crane's own position to the first vessel it works, then between the vessels it works in turn. */
    Constraint gantryDistance(ConstraintFactory factory) {
        return factory.forEach(CraneSlot.class).filter(slot -> slot.getVessel() != null)
                .groupBy(CraneSlot::getCrane, ConstraintCollectors.toList())
                .filter((crane, slots) -> meters(crane, slots) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, SplitConstraintProvider::meters)
                .justifyWith((crane, slots, score) -> new SplitJustification.GantryDistance(crane.name(), meters(crane, slots)))
                .asConstraint(GANTRY_DISTANCE);
    }

    Constraint planStability(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(CraneSlot.class)
                .filter(CraneSlot::changesPlanInForce)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, slot -> STABILITY_WEIGHT)
                .justifyWith((slot, score) -> new SplitJustification.CraneReassigned(slot.getCrane().name(), slot.getStart(),
                        name(slot.getPreviousPlan()), name(slot.getVessel())))
                .asConstraint(PLAN_STABILITY);
    }

    private static CompletionEstimate.Turn turn(CraneSlot slot, CraneSlot before) {
        BerthedVessel from = before.getVessel();
        int travel = from == null || from.equals(slot.getVessel()) ? 0
                : slot.getCrane().crane().gantrySeconds(slot.getVessel().vessel().centreMeter() - from.vessel().centreMeter());
        return new CompletionEstimate.Turn(slot.getStart(), slot.getEnd(), slot.getCrane().crane().cyclesPerSecond(), travel);
    }

    private static int span(java.util.SortedSet<RailCrane> cranes) {
        return cranes.last().index() - cranes.first().index() + 1;
    }

    private static long minutesBefore(CraneSlot slot) {
        return (slot.getVessel().vessel().berthing() - slot.getStart() + 59) / 60;
    }

    private static List<CraneSlot> inOrder(List<CraneSlot> slots) {
        return slots.stream().sorted(Comparator.comparingInt(CraneSlot::getSlot)).toList();
    }

    /** A change of vessel, or a return to the same vessel after idle slots (the crane gave its place up). */
    private static List<String> moves(List<CraneSlot> slots) {
        List<String> moves = new ArrayList<>();
        CraneSlot previous = null;
        for (CraneSlot slot : inOrder(slots)) {
            if (previous != null && !previous.getVessel().equals(slot.getVessel())) {
                moves.add(previous.getVessel().name() + " to " + slot.getVessel().name() + " at slot " + slot.getSlot());
            } else if (previous != null && slot.getSlot() > previous.getSlot() + 1) {
                moves.add("back to " + slot.getVessel().name() + " at slot " + slot.getSlot() + " after idling");
            }
            previous = slot;
        }
        return moves;
    }

    private static long meters(RailCrane crane, List<CraneSlot> slots) {
        double meters = 0;
        double position = crane.crane().positionMeters();
        for (CraneSlot slot : inOrder(slots)) {
            meters += Math.abs(slot.getVessel().vessel().centreMeter() - position);
            position = slot.getVessel().vessel().centreMeter();
        }
        return Math.round(meters);
    }

    private static String name(BerthedVessel vessel) {
        return vessel == null ? SplitJustification.IDLE : vessel.name();
    }
}
