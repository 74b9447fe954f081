package org.portops.yard.dwell;

import java.time.Duration;

/** Predicted dwell quantiles: 10 %, median, 90 %; {@code [p10, p90]} is the 80 % interval. */
public record DwellForecast(Duration p10, Duration p50, Duration p90) {

    public DwellForecast {
        if (p10.compareTo(p50) > 0 || p50.compareTo(p90) > 0) {
            throw new IllegalArgumentException("quantiles out of order: " + p10 + ", " + p50 + ", " + p90);
        }
    }

    public boolean within80(Duration dwell) {
        return dwell.compareTo(p10) >= 0 && dwell.compareTo(p90) <= 0;
    }
}
