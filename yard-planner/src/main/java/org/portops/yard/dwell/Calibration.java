package org.portops.yard.dwell;

/**
 * How a dwell model did on history it was not trained on.
 *
 * @param coverage80            share of true dwells inside the 80 % interval (ideal 0.80)
 * @param belowP10              share below the 10 % quantile (ideal 0.10)
 * @param aboveP90              share above the 90 % quantile (ideal 0.10)
 * @param medianAbsErrorHours   median of |true dwell − predicted median|, hours
 * @param baselineAbsErrorHours the same for the category's median dwell, for comparison
 */
public record Calibration(int containers, double coverage80, double belowP10, double aboveP90,
                          double medianAbsErrorHours, double baselineAbsErrorHours) {
}
