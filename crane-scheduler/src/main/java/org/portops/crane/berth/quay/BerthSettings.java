package org.portops.crane.berth.quay;

import java.time.Duration;

/**
 * How the berth planner reckons: crane productivity, the time for mooring and unmooring added to every stay, the
 * grid of berthing times and quay positions it searches, how far ahead, what moving an already published berthing
 * time costs, and how long a re-plan may search.
 *
 * @param movesPerCraneHour     moves one quay crane makes in an hour
 * @param mooringMinutes        mooring plus unmooring, added to every stay
 * @param timeStepMinutes       berthing times are searched on this grid from each vessel's earliest berthing
 * @param horizonHours          how far past its earliest berthing a vessel may be planned
 * @param positionStepMeters    quay positions are searched on this grid from metre 0
 * @param metersPerCrane        a vessel takes at most one crane per this many metres of its length
 * @param maxCranesPerVessel    and never more than this
 * @param outreachMeters        the cranes' outreach: the widest beam they can work
 * @param clearanceMeters       kept between two vessels alongside
 * @param stabilityMinutes      what moving a published berthing time costs, in minutes of time in port, on top of
 *                              a quarter of the minutes it moves by: a plan changes a published time only for
 *                              more gain
 * @param mooringReachMeters    how far from each end of a vessel the nearest bollard may stand for its head and
 *                              stern lines (on a quay whose layout lists bollards)
 * @param solveTime             how long one (re-)plan searches
 */
public record BerthSettings(int movesPerCraneHour, int mooringMinutes, int timeStepMinutes, int horizonHours,
                            int positionStepMeters, int metersPerCrane, int maxCranesPerVessel, double outreachMeters,
                            int clearanceMeters, int stabilityMinutes, int mooringReachMeters, Duration solveTime) {

    public BerthSettings {
        if (movesPerCraneHour < 1 || mooringMinutes < 0 || timeStepMinutes < 1 || horizonHours < 1
                || positionStepMeters < 1 || metersPerCrane < 1 || maxCranesPerVessel < 1 || !(outreachMeters > 0)
                || clearanceMeters < 0 || stabilityMinutes < 0 || mooringReachMeters < 0 || solveTime.isNegative()
                || solveTime.isZero()) {
            throw new IllegalArgumentException("berth settings out of range: " + this);
        }
    }

    /**
     * 25 moves per crane hour, 30 minutes mooring, a 15-minute and 10-metre grid over 72 hours, one crane per 40 m
     * up to 6, a 22-row outreach (55 m), 20 m between vessels, 60 minutes for moving a published time, a bollard
     * within 30 m of each end, 2 s a plan.
     */
    public static BerthSettings defaults() {
        return new BerthSettings(25, 30, 15, 72, 10, 40, 6, 55.0, 20, 60, 30, Duration.ofSeconds(2));
    }

    public BerthSettings withSolveTime(Duration time) {
        return new BerthSettings(movesPerCraneHour, mooringMinutes, timeStepMinutes, horizonHours, positionStepMeters,
                metersPerCrane, maxCranesPerVessel, outreachMeters, clearanceMeters, stabilityMinutes,
                mooringReachMeters, time);
    }

    /** The cranes a vessel of this length can take. */
    public int maxCranes(int lengthMeters) {
        return Math.max(1, Math.min(maxCranesPerVessel, lengthMeters / metersPerCrane));
    }

    /** Minutes alongside for {@code moves} with {@code cranes} cranes: the crane time, rounded up, plus mooring. */
    public int stayMinutes(int moves, int cranes) {
        return mooringMinutes + (int) Math.ceil(moves * 60.0 / ((double) cranes * movesPerCraneHour));
    }
}
