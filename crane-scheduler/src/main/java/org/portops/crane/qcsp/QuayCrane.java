package org.portops.crane.qcsp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A quay crane of a QCSP instance: its 1-based number (cranes are numbered along the quay, 1 at the lowest bay),
 * the time it becomes available and the bay it stands at until then; how fast it works; the wind speed (m/s) above
 * which it must stop; the windows in which it stands still (maintenance, breaks, work elsewhere, wind); and the time
 * from which it starts no task at all ({@code outOfServiceFrom}, after a breakdown: it is then moved out of the
 * way along the rail, so it keeps no bay).
 */
public record QuayCrane(int number, int readyTime, int initialBay, Productivity productivity, double windLimit,
                        List<Unavailability> unavailable, int outOfServiceFrom) {
    public static final int IN_SERVICE = Integer.MAX_VALUE;
    public static final double NO_WIND_LIMIT = Double.POSITIVE_INFINITY;

    public QuayCrane {
        if (number < 1) {
            throw new IllegalArgumentException("crane number must be 1 or more, was " + number);
        }
        if (readyTime < 0) {
            throw new IllegalArgumentException("crane " + number + ": ready time must be 0 or more, was " + readyTime);
        }
        if (initialBay < 1) {
            throw new IllegalArgumentException("crane " + number + ": initial bay must be 1 or more, was " + initialBay);
        }
        if (productivity == null) {
            throw new IllegalArgumentException("crane " + number + ": productivity is missing");
        }
        if (!(windLimit > 0)) {
            throw new IllegalArgumentException("crane " + number + ": wind limit must be positive, was " + windLimit);
        }
        if (outOfServiceFrom < 0) {
            throw new IllegalArgumentException("crane " + number + ": out of service from must be 0 or more, was "
                    + outOfServiceFrom);
        }
        unavailable = unavailable.stream().sorted(Comparator.comparingInt(Unavailability::from)
                .thenComparingInt(Unavailability::until)).toList();
    }

    /** A Kim &amp; Park crane: nominal productivity, no wind limit, always available after its ready time. */
    public QuayCrane(int number, int readyTime, int initialBay) {
        this(number, readyTime, initialBay, Productivity.NOMINAL, NO_WIND_LIMIT, List.of(), IN_SERVICE);
    }

    public QuayCrane withProductivity(Productivity rate) {
        return new QuayCrane(number, readyTime, initialBay, rate, windLimit, unavailable, outOfServiceFrom);
    }

    public QuayCrane withWindLimit(double metresPerSecond) {
        return new QuayCrane(number, readyTime, initialBay, productivity, metresPerSecond, unavailable, outOfServiceFrom);
    }

    public QuayCrane withUnavailability(Unavailability window) {
        List<Unavailability> windows = new ArrayList<>(unavailable);
        windows.add(window);
        return new QuayCrane(number, readyTime, initialBay, productivity, windLimit, windows, outOfServiceFrom);
    }

    public QuayCrane outOfServiceFrom(int time) {
        return new QuayCrane(number, readyTime, initialBay, productivity, windLimit, unavailable,
                Math.min(outOfServiceFrom, time));
    }

    /** The windows in which the crane stands at a bay: those it is still in service for. */
    public List<Unavailability> standingWindows() {
        return outOfServiceFrom == IN_SERVICE ? unavailable
                : unavailable.stream().filter(w -> w.from() < outOfServiceFrom).toList();
    }

    /** The time a task of {@code work} units takes on this crane. */
    public int duration(int work) {
        return productivity.duration(work);
    }
}
