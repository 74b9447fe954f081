package org.portops.crane.berth.quay.solver;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

import java.util.List;

/**
 * A constraint match on the quay explained in operator language, naming the calls it concerns; times are minutes
 * from the plan's epoch, shown as durations.
 */
public sealed interface QuayJustification extends ConstraintJustification
        permits QuayJustification.TooClose, QuayJustification.TooShallow, QuayJustification.BeyondCraneReach,
        QuayJustification.NoBollardWithinReach,
        QuayJustification.CranesOverCapacity, QuayJustification.TimeInPort, QuayJustification.BerthingMoved,
        QuayJustification.RequestedDeviation, QuayJustification.CranesFromElsewhere {

    List<String> calls();

    String describe();

    record TooClose(String call, String other, int gapMeters, int clearanceMeters, int minutesTogether)
            implements QuayJustification {
        public List<String> calls() {
            return List.of(call, other);
        }

        public String describe() {
            return call + " and " + other + " lie " + (gapMeters < 0 ? "overlapping by " + -gapMeters + " m"
                    : gapMeters + " m apart") + " for " + minutesTogether + " min; the clearance is " + clearanceMeters
                    + " m";
        }
    }

    record TooShallow(String call, String berth, double depthMeters, double draftMeters) implements QuayJustification {
        public List<String> calls() {
            return List.of(call);
        }

        public String describe() {
            return call + " draws " + draftMeters + " m over " + (berth.equals("-") ? "quay without a berth"
                    : "berth " + berth) + ", " + depthMeters + " m deep";
        }
    }

    record BeyondCraneReach(String call, int metersOffRail, double beamOverOutreach) implements QuayJustification {
        public List<String> calls() {
            return List.of(call);
        }

        public String describe() {
            return call + " is beyond the cranes' reach: " + metersOffRail + " m off the crane rail, "
                    + beamOverOutreach + " m wider than their outreach";
        }
    }

    record NoBollardWithinReach(String call, int fromMeter, int toMeter, double foreShortMeters, double aftShortMeters,
                                int reachMeters) implements QuayJustification {
        public List<String> calls() {
            return List.of(call);
        }

        public String describe() {
            return call + " at " + fromMeter + ".." + toMeter + " m cannot make its lines fast: the nearest bollard is "
                    + end(foreShortMeters, "bow") + " and " + end(aftShortMeters, "stern") + " (reach " + reachMeters
                    + " m)";
        }

        private static String end(double shortMeters, String end) {
            return shortMeters > 0 ? Math.round(shortMeters) + " m beyond reach at the " + end
                    : "within reach at the " + end;
        }
    }

    record CranesOverCapacity(String call, int cranesAtWork, int quayCranes) implements QuayJustification {
        public List<String> calls() {
            return List.of(call);
        }

        public String describe() {
            return "when " + call + " berths, " + cranesAtWork + " cranes would be at work; the quay has " + quayCranes;
        }
    }

    record TimeInPort(String call, int waitingMinutes, int stayMinutes, int cranes) implements QuayJustification {
        public List<String> calls() {
            return List.of(call);
        }

        public String describe() {
            return call + " spends " + (waitingMinutes + stayMinutes) + " min in port: waits " + waitingMinutes
                    + " min from its ETA, then " + stayMinutes + " min alongside with " + cranes + " cranes";
        }
    }

    record BerthingMoved(String call, int movedMinutes, int cost) implements QuayJustification {
        public List<String> calls() {
            return List.of(call);
        }

        public String describe() {
            return call + " berths " + Math.abs(movedMinutes) + " min " + (movedMinutes > 0 ? "later" : "earlier")
                    + " than last published; moving a published time costs " + cost + " min";
        }
    }

    record RequestedDeviation(String call, int minutesFromRequested) implements QuayJustification {
        public List<String> calls() {
            return List.of(call);
        }

        public String describe() {
            return call + " berths " + Math.abs(minutesFromRequested) + " min "
                    + (minutesFromRequested > 0 ? "after" : "before") + " the berthing its line asked for";
        }
    }

    record CranesFromElsewhere(String call, int cranes, int homedAlongside) implements QuayJustification {
        public List<String> calls() {
            return List.of(call);
        }

        public String describe() {
            return call + " is worked by " + cranes + " cranes, " + homedAlongside + " of them from its own stretch of"
                    + " quay; " + (cranes - homedAlongside) + " gantry in from other vessels' stretches";
        }
    }
}
