package org.portops.yard.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.portops.yard.dwell.DwellFeatures;
import org.portops.yard.dwell.DwellForecast;
import org.portops.yard.dwell.DwellModel;
import org.portops.yard.slot.Departure;

/**
 * Learns the dwell model from the stays of the move log and decides whether slot allocation should use it: the
 * stays are ordered by arrival, the model learns from the earlier part and is scored on the latest
 * {@link #HELD_BACK} of them against the forecast in use. It is adopted only when the middle of its 80 % window (the
 * point slot allocation compares, {@link Departure#chanceLeavesAfter}) errs less on the held-back stays than the
 * middle of the forecast in use.
 */
public final class DwellLearning {

    /** Share of the newest stays kept out of training to score the model on. */
    static final double HELD_BACK = 0.2;
    /** Fewer stays than this and the model is not trained: 100 to learn from, the rest to score on. */
    static final int LEAST_STAYS = 125;

    /**
     * What a round of learning found, in hours.
     *
     * @param modelMedianMaeHours   mean |true dwell − the model's median|
     * @param modelMaeHours         mean |true dwell − middle of the model's 80 % window|
     * @param currentMaeHours       mean |true dwell − middle of the forecast in use's window|
     * @param modelCoverage80       share of held-back dwells inside the model's 80 % window
     * @param currentCoverage       share inside the window of the forecast in use
     */
    public record Report(int stays, int trainedOn, int heldBack, double modelMedianMaeHours, double modelMaeHours,
                  double currentMaeHours, double modelCoverage80, double currentCoverage, boolean adopted,
                  String reason) {
    }

    record Outcome(Report report, Optional<DepartureForecast> forecast) {
    }

    private DwellLearning() {
    }

    static Outcome learn(List<Stay> stays, DepartureForecast current) {
        if (stays.size() < LEAST_STAYS) {
            return new Outcome(new Report(stays.size(), 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, false, "only " + stays.size() + " stays in the move log, " + LEAST_STAYS
                    + " needed"), Optional.empty());
        }
        List<Stay> byArrival = stays.stream().sorted(Comparator.comparing(Stay::arrived)).toList();
        int cut = (int) Math.round(byArrival.size() * (1 - HELD_BACK));
        List<Stay> training = byArrival.subList(0, cut);
        List<Stay> heldBack = byArrival.subList(cut, byArrival.size());
        DwellModel model = DwellModel.train(training.stream().map(Stay::observation).toList());
        DepartureForecast learnt = forecast(model);
        double medianError = 0;
        double modelError = 0;
        double currentError = 0;
        int modelInside = 0;
        int currentInside = 0;
        for (Stay stay : heldBack) {
            DwellForecast f = model.forecast(stay.features());
            medianError += hours(stay.dwell().minus(f.p50()));
            Departure byModel = learnt.departure(stay.container(), stay.arrived());
            Departure byCurrent = current.departure(stay.container(), stay.arrived());
            modelError += hours(stay.left(), middle(byModel));
            currentError += hours(stay.left(), middle(byCurrent));
            modelInside += inside(stay.left(), byModel) ? 1 : 0;
            currentInside += inside(stay.left(), byCurrent) ? 1 : 0;
        }
        double n = heldBack.size();
        boolean adopted = modelError < currentError;
        Report report = new Report(stays.size(), training.size(), heldBack.size(), medianError / n, modelError / n,
                currentError / n, modelInside / n, currentInside / n, adopted,
                adopted ? "the model's window errs less on the held-back stays"
                        : "the forecast in use errs no more on the held-back stays");
        return new Outcome(report, adopted ? Optional.of(learnt) : Optional.empty());
    }

    /** The model's 80 % window from the moment the container is announced. */
    static DepartureForecast forecast(DwellModel model) {
        return (container, at) -> {
            DwellForecast f = model.forecast(DwellFeatures.of(container, at, false));
            return new Departure(at.plus(f.p10()), at.plus(f.p90()));
        };
    }

    private static Instant middle(Departure d) {
        return d.earliest().plus(Duration.between(d.earliest(), d.latest()).dividedBy(2));
    }

    private static boolean inside(Instant left, Departure d) {
        return !left.isBefore(d.earliest()) && !left.isAfter(d.latest());
    }

    private static double hours(Instant a, Instant b) {
        return hours(Duration.between(a, b));
    }

    private static double hours(Duration d) {
        return Math.abs(d.toSeconds()) / 3600.0;
    }
}
