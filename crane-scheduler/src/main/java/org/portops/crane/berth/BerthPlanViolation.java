package org.portops.crane.berth;

/** Why a berth plan breaks the model: each kind names the vessels, berths and times involved. */
public sealed interface BerthPlanViolation {

    String message();

    record UnknownVessel(int vessel) implements BerthPlanViolation {
        public String message() {
            return "vessel " + vessel + " is not in the instance";
        }
    }

    record UnknownBerth(int vessel, int berth) implements BerthPlanViolation {
        public String message() {
            return "vessel " + vessel + " is placed at berth " + berth + ", which is not in the instance";
        }
    }

    record VesselMissing(int vessel) implements BerthPlanViolation {
        public String message() {
            return "vessel " + vessel + " is not placed";
        }
    }

    record VesselRepeated(int vessel, int times) implements BerthPlanViolation {
        public String message() {
            return "vessel " + vessel + " is placed " + times + " times";
        }
    }

    record ForbiddenBerth(int vessel, int berth) implements BerthPlanViolation {
        public String message() {
            return "vessel " + vessel + " is placed at berth " + berth + ", where it is not allowed";
        }
    }

    record BeforeArrival(int vessel, int arrival, int start) implements BerthPlanViolation {
        public String message() {
            return "vessel " + vessel + " berths at " + start + ", before it arrives at " + arrival;
        }
    }

    record BeforeBerthOpens(int vessel, int berth, int opens, int start) implements BerthPlanViolation {
        public String message() {
            return "vessel " + vessel + " berths at " + start + ", before berth " + berth + " opens at " + opens;
        }
    }

    record AfterBerthCloses(int vessel, int berth, int closes, int departure) implements BerthPlanViolation {
        public String message() {
            return "vessel " + vessel + " leaves berth " + berth + " at " + departure + ", after it closes at " + closes;
        }
    }

    record AfterLatestDeparture(int vessel, int latestDeparture, int departure) implements BerthPlanViolation {
        public String message() {
            return "vessel " + vessel + " leaves at " + departure + ", after its latest departure " + latestDeparture;
        }
    }

    /** Two vessels alongside one berth at the same time, for {@code overlap} time units. */
    record BerthOverlap(int berth, int vessel, int otherVessel, int overlap) implements BerthPlanViolation {
        public String message() {
            return "vessels " + vessel + " and " + otherVessel + " are both alongside berth " + berth + " for " + overlap;
        }
    }

    record WrongObjective(long declared, long actual) implements BerthPlanViolation {
        public String message() {
            return "the plan claims a total service time of " + declared + " but its assignments give " + actual;
        }
    }
}
