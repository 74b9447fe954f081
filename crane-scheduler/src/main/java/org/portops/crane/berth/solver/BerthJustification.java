package org.portops.crane.berth.solver;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/** A constraint match explained in operator language, naming the vessel it concerns. */
public sealed interface BerthJustification extends ConstraintJustification
        permits BerthJustification.ForbiddenBerth, BerthJustification.BerthClosed,
        BerthJustification.LateDeparture, BerthJustification.ServiceTime {

    int vessel();

    String describe();

    record ForbiddenBerth(int vessel, int berth) implements BerthJustification {
        public String describe() {
            return "vessel " + vessel + " is placed at berth " + berth + ", which cannot take it";
        }
    }

    record BerthClosed(int vessel, int berth, int closes, int departure) implements BerthJustification {
        public String describe() {
            return "vessel " + vessel + " leaves berth " + berth + " at " + departure + ", " + (departure - closes)
                    + " after it closes at " + closes;
        }
    }

    record LateDeparture(int vessel, int latestDeparture, int departure) implements BerthJustification {
        public String describe() {
            return "vessel " + vessel + " leaves at " + departure + ", " + (departure - latestDeparture)
                    + " after its latest departure " + latestDeparture;
        }
    }

    record ServiceTime(int vessel, int berth, int waiting, int handling) implements BerthJustification {
        public String describe() {
            return "vessel " + vessel + " spends " + (waiting + handling) + " in port: waits " + waiting
                    + " for berth " + berth + ", then is handled for " + handling;
        }
    }
}
