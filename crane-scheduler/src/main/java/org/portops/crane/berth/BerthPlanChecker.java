package org.portops.crane.berth;

import org.portops.crane.berth.BerthPlanViolation.AfterBerthCloses;
import org.portops.crane.berth.BerthPlanViolation.AfterLatestDeparture;
import org.portops.crane.berth.BerthPlanViolation.BeforeArrival;
import org.portops.crane.berth.BerthPlanViolation.BeforeBerthOpens;
import org.portops.crane.berth.BerthPlanViolation.BerthOverlap;
import org.portops.crane.berth.BerthPlanViolation.ForbiddenBerth;
import org.portops.crane.berth.BerthPlanViolation.UnknownBerth;
import org.portops.crane.berth.BerthPlanViolation.UnknownVessel;
import org.portops.crane.berth.BerthPlanViolation.VesselMissing;
import org.portops.crane.berth.BerthPlanViolation.VesselRepeated;
import org.portops.crane.berth.BerthPlanViolation.WrongObjective;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a berth plan against the instance with no solver code involved: every vessel placed once, at a berth it is
 * allowed at, not before its arrival or the berth's opening, gone by the berth's closing and its latest departure,
 * never two vessels alongside one berth at once, and the claimed total service time equal to what the assignments
 * give. Returns the reasons, empty for a valid plan.
 */
public final class BerthPlanChecker {

    private BerthPlanChecker() {
    }

    public static List<BerthPlanViolation> check(BerthInstance instance, BerthPlan plan) {
        List<BerthPlanViolation> violations = new ArrayList<>();
        int n = instance.vessels().size();
        int[] count = new int[n + 1];
        List<Stay> stays = new ArrayList<>();
        boolean timed = true;
        long objective = 0;
        for (BerthAssignment assignment : plan.assignments()) {
            if (assignment.vessel() < 1 || assignment.vessel() > n) {
                violations.add(new UnknownVessel(assignment.vessel()));
                timed = false;
                continue;
            }
            count[assignment.vessel()]++;
            if (assignment.berth() < 1 || assignment.berth() > instance.berths().size()) {
                violations.add(new UnknownBerth(assignment.vessel(), assignment.berth()));
                timed = false;
                continue;
            }
            CallingVessel vessel = instance.vessel(assignment.vessel());
            if (!vessel.allowedAt(assignment.berth())) {
                violations.add(new ForbiddenBerth(vessel.number(), assignment.berth()));
                timed = false;
                continue;
            }
            Stay stay = new Stay(vessel.number(), assignment.berth(), assignment.start(),
                    assignment.start() + vessel.handlingTime(assignment.berth()));
            stays.add(stay);
            objective += stay.end() - vessel.arrival();
            checkWindows(instance, vessel, stay, violations);
        }
        for (int vessel = 1; vessel <= n; vessel++) {
            if (count[vessel] == 0) {
                violations.add(new VesselMissing(vessel));
                timed = false;
            } else if (count[vessel] > 1) {
                violations.add(new VesselRepeated(vessel, count[vessel]));
                timed = false;
            }
        }
        checkOverlaps(stays, violations);
        // the total is only defined when every vessel has exactly one handling time
        if (timed && objective != plan.objective()) {
            violations.add(new WrongObjective(plan.objective(), objective));
        }
        return violations;
    }

    private static void checkWindows(BerthInstance instance, CallingVessel vessel, Stay stay,
                                     List<BerthPlanViolation> violations) {
        Berth berth = instance.berth(stay.berth());
        if (stay.start() < vessel.arrival()) {
            violations.add(new BeforeArrival(vessel.number(), vessel.arrival(), stay.start()));
        }
        if (stay.start() < berth.opens()) {
            violations.add(new BeforeBerthOpens(vessel.number(), berth.number(), berth.opens(), stay.start()));
        }
        if (stay.end() > berth.closes()) {
            violations.add(new AfterBerthCloses(vessel.number(), berth.number(), berth.closes(), stay.end()));
        }
        if (stay.end() > vessel.latestDeparture()) {
            violations.add(new AfterLatestDeparture(vessel.number(), vessel.latestDeparture(), stay.end()));
        }
    }

    /** Every overlapping pair, not only neighbours in time: a long stay can cover several short ones. */
    private static void checkOverlaps(List<Stay> stays, List<BerthPlanViolation> violations) {
        List<Stay> sorted = new ArrayList<>(stays);
        sorted.sort(Comparator.comparingInt(Stay::berth).thenComparingInt(Stay::start).thenComparingInt(Stay::vessel));
        for (int i = 0; i < sorted.size(); i++) {
            Stay stay = sorted.get(i);
            for (int j = i + 1; j < sorted.size() && sorted.get(j).berth() == stay.berth()
                    && sorted.get(j).start() < stay.end(); j++) {
                Stay other = sorted.get(j);
                int overlap = Math.min(stay.end(), other.end()) - other.start();
                violations.add(new BerthOverlap(stay.berth(), Math.min(stay.vessel(), other.vessel()),
                        Math.max(stay.vessel(), other.vessel()), overlap));
            }
        }
    }

    private record Stay(int vessel, int berth, int start, int end) {
    }
}
