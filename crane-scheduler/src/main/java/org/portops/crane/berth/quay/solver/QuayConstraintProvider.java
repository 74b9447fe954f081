package org.portops.crane.berth.quay.solver;

import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;

/**
 * Berth allocation on the continuous quay. Hard: clearance between vessels alongside together, water deep enough
 * under the whole vessel, within the cranes' rail and outreach, a bollard within reach of each end (where the quay's
 * bollards are known), no more cranes at work than the quay has. Soft,
 * most important first: time in port (waiting from the ETA plus the stay), with the stability cost of moving a
 * published berthing time on the same level so a plan changes one only for more gain; deviation from the berthing
 * the line asked for; crane moves between vessels (cranes a vessel takes from beyond its own stretch of quay).
 * The quay's length needs no constraint: every position in a vessel's value range lies within it.
 */
public final class QuayConstraintProvider implements ConstraintProvider {
    public static final String CLEARANCE = "Vessels alongside together keep their clearance";
    public static final String DRAFT = "Water deep enough under the vessel";
    public static final String CRANE_REACH = "Vessel within the cranes' reach";
    public static final String MOORING = "A bollard within reach of each end";
    public static final String CRANE_CAPACITY = "No more cranes at work than the quay has";
    public static final String TIME_IN_PORT = "Time in port";
    public static final String BERTHING_MOVED = "Published berthing time moved";
    public static final String REQUESTED_DEVIATION = "Deviation from the requested berthing";
    public static final String CRANE_MOVES = "Crane moves between vessels";

    private static final BendableLongScore HARD = BendableLongScore.ofHard(QuaySolution.HARD_LEVELS,
            QuaySolution.SOFT_LEVELS, 0, 1);
    private static final BendableLongScore TIME = soft(0);
    private static final BendableLongScore DEVIATION = soft(1);
    private static final BendableLongScore MOVES = soft(2);

    private static BendableLongScore soft(int level) {
        return BendableLongScore.ofSoft(QuaySolution.HARD_LEVELS, QuaySolution.SOFT_LEVELS, level, 1);
    }

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                clearance(factory),
                draft(factory),
                craneReach(factory),
                mooring(factory),
                craneCapacity(factory),
                timeInPort(factory),
                berthingMoved(factory),
                requestedDeviation(factory),
                craneMoves(factory)
        };
    }

    /** Penalty: metres short of the clearance times minutes together, so both a nudge in place and in time help. */
    Constraint clearance(ConstraintFactory factory) {
        return factory.forEachUniquePair(QuayVessel.class,
                        Joiners.filtering(QuayVessel::alongsideTogether))
                .join(QuayRules.class)
                .filter((a, b, rules) -> a.gapTo(b) < rules.clearanceMeters())
                .penalizeLong(HARD, (a, b, rules) -> (long) (rules.clearanceMeters() - a.gapTo(b)) * a.minutesTogether(b))
                .justifyWith((a, b, rules, score) -> new QuayJustification.TooClose(a.getCall(), b.getCall(),
                        a.gapTo(b), rules.clearanceMeters(), a.minutesTogether(b)))
                .asConstraint(CLEARANCE);
    }

    /** Penalty: centimetres of draft beyond the depth, per section too shallow under the vessel. */
    Constraint draft(ConstraintFactory factory) {
        return factory.forEach(QuayVessel.class)
                .join(QuaySection.class, Joiners.filtering((vessel, section) -> section.under(vessel)
                        && section.depthMeters() < vessel.getDraft()))
                .penalizeLong(HARD, (vessel, section) -> centimetres(vessel.getDraft() - section.depthMeters()))
                .justifyWith((vessel, section, score) -> new QuayJustification.TooShallow(vessel.getCall(),
                        section.berth(), section.depthMeters(), vessel.getDraft()))
                .asConstraint(DRAFT);
    }

    /** Penalty: metres of the vessel off the crane rail plus metres of beam beyond the outreach (rounded up). */
    Constraint craneReach(ConstraintFactory factory) {
        return factory.forEach(QuayVessel.class)
                .join(QuayRules.class)
                .filter((vessel, rules) -> offRail(vessel, rules) > 0 || vessel.getBeam() > rules.outreachMeters())
                .penalizeLong(HARD, (vessel, rules) -> offRail(vessel, rules)
                        + (long) Math.ceil(Math.max(0, vessel.getBeam() - rules.outreachMeters())))
                .justifyWith((vessel, rules, score) -> new QuayJustification.BeyondCraneReach(vessel.getCall(),
                        offRail(vessel, rules), Math.max(0, vessel.getBeam() - rules.outreachMeters())))
                .asConstraint(CRANE_REACH);
    }

    /**
     * Penalty: metres, rounded up, by which the bollard nearest each end of the vessel lies beyond the mooring reach
     * (its head and stern lines need one there).
     */
    Constraint mooring(ConstraintFactory factory) {
        return factory.forEach(QuayVessel.class)
                .join(QuayRules.class)
                .filter((vessel, rules) -> rules.mooringShortfall(vessel.getPosition(), vessel.getTo()).meters() > 0)
                .penalizeLong(HARD, (vessel, rules) -> rules.mooringShortfall(vessel.getPosition(), vessel.getTo())
                        .meters())
                .justifyWith((vessel, rules, score) -> {
                    var shortfall = rules.mooringShortfall(vessel.getPosition(), vessel.getTo());
                    return new QuayJustification.NoBollardWithinReach(vessel.getCall(), vessel.getPosition(),
                            vessel.getTo(), shortfall.foreMeters(), shortfall.aftMeters(), rules.mooringReachMeters());
                })
                .asConstraint(MOORING);
    }

    /**
     * Cranes in use only rise when a vessel berths, so the count at every berthing covers every moment. Penalty:
     * cranes beyond the quay's, at each berthing where there are too many.
     */
    Constraint craneCapacity(ConstraintFactory factory) {
        return factory.forEach(QuayVessel.class)
                .join(QuayVessel.class, Joiners.filtering((berthing, other) -> other.workingAt(berthing.getStart())))
                .groupBy((berthing, other) -> berthing, ConstraintCollectors.sum((berthing, other) -> other.getCranes()))
                .join(QuayRules.class)
                .filter((berthing, cranes, rules) -> cranes > rules.quayCranes())
                .penalizeLong(HARD, (berthing, cranes, rules) -> cranes - rules.quayCranes())
                .justifyWith((berthing, cranes, rules, score) -> new QuayJustification.CranesOverCapacity(
                        berthing.getCall(), cranes, rules.quayCranes()))
                .asConstraint(CRANE_CAPACITY);
    }

    Constraint timeInPort(ConstraintFactory factory) {
        return factory.forEach(QuayVessel.class)
                .penalizeLong(TIME, QuayVessel::timeInPort)
                .justifyWith((vessel, score) -> new QuayJustification.TimeInPort(vessel.getCall(), vessel.waiting(),
                        vessel.stay(), vessel.getCranes()))
                .asConstraint(TIME_IN_PORT);
    }

    /**
     * Penalty, in minutes of time in port: the stability cost plus a quarter of the minutes moved. A published time
     * moves only for a gain above the stability cost, and moves far only for a gain in proportion; a vessel that can
     * come in earlier still does when that gains enough (the quarter is below the minute it gains per minute).
     */
    Constraint berthingMoved(ConstraintFactory factory) {
        return factory.forEach(QuayVessel.class)
                .filter(vessel -> !vessel.isAlongside() && vessel.getPublished() != null
                        && !vessel.getStart().equals(vessel.getPublished()))
                .join(QuayRules.class)
                .penalizeLong(TIME, QuayConstraintProvider::movingCost)
                .justifyWith((vessel, rules, score) -> new QuayJustification.BerthingMoved(vessel.getCall(),
                        vessel.getStart() - vessel.getPublished(), (int) movingCost(vessel, rules)))
                .asConstraint(BERTHING_MOVED);
    }

    Constraint requestedDeviation(ConstraintFactory factory) {
        return factory.forEach(QuayVessel.class)
                .filter(vessel -> !vessel.isAlongside() && vessel.getStart() != vessel.getRequested())
                .penalizeLong(DEVIATION, vessel -> Math.abs(vessel.getStart() - vessel.getRequested()))
                .justifyWith((vessel, score) -> new QuayJustification.RequestedDeviation(vessel.getCall(),
                        vessel.getStart() - vessel.getRequested()))
                .asConstraint(REQUESTED_DEVIATION);
    }

    Constraint craneMoves(ConstraintFactory factory) {
        return factory.forEach(QuayVessel.class)
                .join(QuayRules.class)
                .filter((vessel, rules) -> vessel.getCranes() > homed(vessel, rules))
                .penalizeLong(MOVES, (vessel, rules) -> vessel.getCranes() - homed(vessel, rules))
                .justifyWith((vessel, rules, score) -> new QuayJustification.CranesFromElsewhere(vessel.getCall(),
                        vessel.getCranes(), homed(vessel, rules)))
                .asConstraint(CRANE_MOVES);
    }

    private static long movingCost(QuayVessel vessel, QuayRules rules) {
        return rules.stabilityMinutes() + Math.abs(vessel.getStart() - vessel.getPublished()) / 4;
    }

    private static int homed(QuayVessel vessel, QuayRules rules) {
        return rules.cranesHomedWithin(vessel.getPosition(), vessel.getTo());
    }

    private static int offRail(QuayVessel vessel, QuayRules rules) {
        return Math.max(0, rules.railFromMeter() - vessel.getPosition())
                + Math.max(0, vessel.getTo() - rules.railToMeter());
    }

    private static long centimetres(double meters) {
        return Math.round(Math.ceil(meters * 100 - 1e-9));
    }
}
