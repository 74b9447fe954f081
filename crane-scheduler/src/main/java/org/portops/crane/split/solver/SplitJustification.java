package org.portops.crane.split.solver;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

import java.util.List;
import java.util.function.IntFunction;

/**
 * A crane split constraint match in operator language, naming the cranes and vessels it concerns; times are seconds
 * from the plan start and {@code clock} turns them into wall-clock text.
 */
public sealed interface SplitJustification extends ConstraintJustification
        permits SplitJustification.CranesCross, SplitJustification.OverCraneLimit, SplitJustification.CraneUnavailable,
        SplitJustification.VesselNotAlongside, SplitJustification.VesselLate, SplitJustification.VesselWorked, SplitJustification.CraneMoves,
        SplitJustification.GantryDistance, SplitJustification.CraneReassigned {

    List<String> cranes();

    List<String> vessels();

    String describe(IntFunction<String> clock);

    record CranesCross(String lowerCrane, String lowerVessel, String upperCrane, String upperVessel, int at)
            implements SplitJustification {
        public List<String> cranes() {
            return List.of(lowerCrane, upperCrane);
        }

        public List<String> vessels() {
            return List.of(lowerVessel, upperVessel);
        }

        public String describe(IntFunction<String> clock) {
            return lowerCrane + " at " + lowerVessel + " would have to pass " + upperCrane + " at " + upperVessel
                    + " at " + clock.apply(at);
        }
    }

    record OverCraneLimit(String vessel, int at, List<String> onVessel, int limit) implements SplitJustification {
        public List<String> cranes() {
            return onVessel;
        }

        public List<String> vessels() {
            return List.of(vessel);
        }

        public String describe(IntFunction<String> clock) {
            return vessel + " has room for " + limit + " cranes but " + String.join(", ", onVessel)
                    + " stand on it at " + clock.apply(at);
        }
    }

    record CraneUnavailable(String crane, String vessel, int from, int until, String reason, int minutes)
            implements SplitJustification {
        public List<String> cranes() {
            return List.of(crane);
        }

        public List<String> vessels() {
            return List.of(vessel);
        }

        public String describe(IntFunction<String> clock) {
            return crane + " is planned on " + vessel + " " + clock.apply(from) + "-" + clock.apply(until) + " but is out ("
                    + reason + ") " + minutes + " min of it";
        }
    }

    record VesselNotAlongside(String crane, String vessel, int from, int berthing) implements SplitJustification {
        public List<String> cranes() {
            return List.of(crane);
        }

        public List<String> vessels() {
            return List.of(vessel);
        }

        public String describe(IntFunction<String> clock) {
            return crane + " is planned on " + vessel + " from " + clock.apply(from) + " but " + vessel + " berths at "
                    + clock.apply(berthing);
        }
    }

    record VesselLate(String vessel, int completion, int departure, int minutes) implements SplitJustification {
        public List<String> cranes() {
            return List.of();
        }

        public List<String> vessels() {
            return List.of(vessel);
        }

        public String describe(IntFunction<String> clock) {
            return vessel + " is estimated to finish at " + clock.apply(completion) + ", " + minutes
                    + " min after its planned departure at " + clock.apply(departure);
        }
    }

    record VesselWorked(String vessel, int berthing, int completion) implements SplitJustification {
        public List<String> cranes() {
            return List.of();
        }

        public List<String> vessels() {
            return List.of(vessel);
        }

        public String describe(IntFunction<String> clock) {
            return vessel + " is worked from " + clock.apply(berthing) + " to an estimated " + clock.apply(completion);
        }
    }

    record CraneMoves(String crane, List<String> moves) implements SplitJustification {
        public List<String> cranes() {
            return List.of(crane);
        }

        public List<String> vessels() {
            return List.of();
        }

        public String describe(IntFunction<String> clock) {
            return crane + " moves between vessels " + moves.size() + " time" + (moves.size() == 1 ? "" : "s") + ": "
                    + String.join(", ", moves);
        }
    }

    record GantryDistance(String crane, long meters) implements SplitJustification {
        public List<String> cranes() {
            return List.of(crane);
        }

        public List<String> vessels() {
            return List.of();
        }

        public String describe(IntFunction<String> clock) {
            return crane + " gantries " + meters + " m along the quay";
        }
    }

    record CraneReassigned(String crane, int from, String before, String now) implements SplitJustification {
        public List<String> cranes() {
            return List.of(crane);
        }

        public List<String> vessels() {
            return java.util.stream.Stream.of(before, now).filter(v -> !v.equals(IDLE)).distinct().toList();
        }

        public String describe(IntFunction<String> clock) {
            return crane + " from " + clock.apply(from) + " goes to " + now + " instead of " + before + " as planned before";
        }
    }

    String IDLE = "no vessel";
}
