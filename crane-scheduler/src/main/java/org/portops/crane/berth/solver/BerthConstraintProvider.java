package org.portops.crane.berth.solver;

import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream;

/**
 * The berth allocation constraints. Hard: a vessel only at a berth that can take it, gone by the berth's closing
 * and by its own latest departure. Soft: total service time (waiting plus handling). Arrival, berth opening and one
 * vessel per berth at a time need no constraint: {@link BerthingTimeListener} times every berth's order so that they
 * hold by construction, and the independent checker verifies them on every plan.
 */
public final class BerthConstraintProvider implements ConstraintProvider {
    public static final String FORBIDDEN_BERTH = "Vessel at a berth that cannot take it";
    public static final String BERTH_CLOSING = "Vessel gone before its berth closes";
    public static final String LATEST_DEPARTURE = "Vessel gone by its latest departure";
    public static final String SERVICE_TIME = "Service time";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                forbiddenBerth(factory),
                berthClosing(factory),
                latestDeparture(factory),
                serviceTime(factory)
        };
    }

    Constraint forbiddenBerth(ConstraintFactory factory) {
        return placed(factory)
                .filter(vessel -> !vessel.allowedAt(vessel.getBerth()))
                .penalize(HardSoftScore.ONE_HARD)
                .justifyWith((vessel, score) -> new BerthJustification.ForbiddenBerth(vessel.getNumber(),
                        vessel.getBerth().getNumber()))
                .asConstraint(FORBIDDEN_BERTH);
    }

    Constraint berthClosing(ConstraintFactory factory) {
        return placed(factory)
                .filter(vessel -> vessel.getEnd() > vessel.getBerth().getCloses())
                .penalize(HardSoftScore.ONE_HARD, vessel -> vessel.getEnd() - vessel.getBerth().getCloses())
                .justifyWith((vessel, score) -> new BerthJustification.BerthClosed(vessel.getNumber(),
                        vessel.getBerth().getNumber(), vessel.getBerth().getCloses(), vessel.getEnd()))
                .asConstraint(BERTH_CLOSING);
    }

    Constraint latestDeparture(ConstraintFactory factory) {
        return placed(factory)
                .filter(vessel -> vessel.getEnd() > vessel.getLatestDeparture())
                .penalize(HardSoftScore.ONE_HARD, vessel -> vessel.getEnd() - vessel.getLatestDeparture())
                .justifyWith((vessel, score) -> new BerthJustification.LateDeparture(vessel.getNumber(),
                        vessel.getLatestDeparture(), vessel.getEnd()))
                .asConstraint(LATEST_DEPARTURE);
    }

    Constraint serviceTime(ConstraintFactory factory) {
        return placed(factory)
                .penalize(HardSoftScore.ONE_SOFT, PlannedVessel::serviceTime)
                .justifyWith((vessel, score) -> new BerthJustification.ServiceTime(vessel.getNumber(),
                        vessel.getBerth().getNumber(), vessel.waitingTime(), vessel.getEnd() - vessel.getStart()))
                .asConstraint(SERVICE_TIME);
    }

    private static UniConstraintStream<PlannedVessel> placed(ConstraintFactory factory) {
        return factory.forEach(PlannedVessel.class).filter(PlannedVessel::isPlaced);
    }
}
