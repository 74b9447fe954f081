package org.portops.crane.split;

/** Forecast wind of {@code metresPerSecond} over [{@code from}, {@code until}), seconds from the plan start. */
public record WindPeriod(int from, int until, double metresPerSecond) {
    public WindPeriod {
        if (from < 0 || until <= from) {
            throw new IllegalArgumentException("a wind period must start at 0 or later and end after it starts, was "
                    + from + ".." + until);
        }
        if (!(metresPerSecond >= 0)) {
            throw new IllegalArgumentException("wind speed must be 0 m/s or more, was " + metresPerSecond);
        }
    }
}
