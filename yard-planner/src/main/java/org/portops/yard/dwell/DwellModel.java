package org.portops.yard.dwell;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerLength;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * A dwell-time model learnt from the move history: a Tribuo CART regression tree on log dwell (so multiplicative
 * effects — a slow line, a weekend arrival — become splits of one scale), and the quantiles of its residuals on the
 * training history per category and customs status, added back in log space. The tree gives the centre; the residual
 * quantiles give the spread, which differs most between categories and with a customs hold.
 */
public final class DwellModel {
    static final int MAX_DEPTH = 8;
    static final float MIN_CHILD_WEIGHT = 25;
    private static final RegressionFactory FACTORY = new RegressionFactory();
    private static final String TARGET = "log_dwell_hours";

    private final Model<Regressor> tree;
    private final Map<String, double[]> residualQuantiles;
    private final double[] fallbackQuantiles;

    private DwellModel(Model<Regressor> tree, Map<String, double[]> residualQuantiles, double[] fallbackQuantiles) {
        this.tree = tree;
        this.residualQuantiles = residualQuantiles;
        this.fallbackQuantiles = fallbackQuantiles;
    }

    /** Learns from at least 100 observations; fails with the count otherwise. */
    public static DwellModel train(List<DwellObservation> history) {
        if (history.size() < 100) {
            throw new IllegalArgumentException("a dwell model needs at least 100 observations, got " + history.size());
        }
        MutableDataset<Regressor> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("yard move history", FACTORY), FACTORY);
        for (DwellObservation o : history) {
            data.add(example(o.features(), new Regressor(TARGET, logHours(o.dwell()))));
        }
        CARTRegressionTrainer trainer = new CARTRegressionTrainer(MAX_DEPTH, MIN_CHILD_WEIGHT, 0f, 1f,
                new MeanSquaredError(), 1L);
        Model<Regressor> tree = trainer.train(data);
        Map<String, List<Double>> residuals = new HashMap<>();
        List<Double> all = new ArrayList<>();
        for (DwellObservation o : history) {
            double residual = logHours(o.dwell()) - centre(tree, o.features());
            residuals.computeIfAbsent(group(o.features()), g -> new ArrayList<>()).add(residual);
            all.add(residual);
        }
        Map<String, double[]> quantiles = new HashMap<>();
        residuals.forEach((g, values) -> {
            if (values.size() >= 30) {
                quantiles.put(g, quantiles(values));
            }
        });
        return new DwellModel(tree, quantiles, quantiles(all));
    }

    public DwellForecast forecast(DwellFeatures features) {
        double centre = centre(tree, features);
        double[] q = residualQuantiles.getOrDefault(group(features), fallbackQuantiles);
        return new DwellForecast(hours(centre + q[0]), hours(centre + q[1]), hours(centre + q[2]));
    }

    /** Scores the model on held-back history, against the category's median dwell as a baseline. */
    public Calibration calibrate(List<DwellObservation> heldBack, Map<ContainerCategory, Duration> categoryMedians) {
        int inside = 0;
        int below = 0;
        int above = 0;
        double[] errors = new double[heldBack.size()];
        double[] baseline = new double[heldBack.size()];
        for (int i = 0; i < heldBack.size(); i++) {
            DwellObservation o = heldBack.get(i);
            DwellForecast f = forecast(o.features());
            if (o.dwell().compareTo(f.p10()) < 0) {
                below++;
            } else if (o.dwell().compareTo(f.p90()) > 0) {
                above++;
            } else {
                inside++;
            }
            errors[i] = Math.abs(o.dwell().minus(f.p50()).toSeconds()) / 3600.0;
            Duration median = categoryMedians.getOrDefault(o.features().category(), f.p50());
            baseline[i] = Math.abs(o.dwell().minus(median).toSeconds()) / 3600.0;
        }
        double n = heldBack.size();
        return new Calibration(heldBack.size(), inside / n, below / n, above / n, median(errors), median(baseline));
    }

    private static double centre(Model<Regressor> tree, DwellFeatures features) {
        return tree.predict(example(features, FACTORY.getUnknownOutput())).getOutput().getValues()[0];
    }

    private static String group(DwellFeatures f) {
        return f.category() + (f.customsHold() ? "/hold" : "");
    }

    private static ArrayExample<Regressor> example(DwellFeatures f, Regressor output) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        names.add("line=" + f.line().code());
        names.add("category=" + f.category());
        names.add("reefer");
        values.add(1.0);
        values.add(1.0);
        values.add(f.reefer() ? 1.0 : 0.0);
        names.add("length=" + (f.length() == ContainerLength.TWENTY ? "20" : "40"));
        values.add(1.0);
        names.add("weekday");
        values.add((double) f.arrivalDay().getValue());
        names.add("weekend_ahead");
        values.add(f.arrivalDay() == DayOfWeek.FRIDAY || f.arrivalDay() == DayOfWeek.SATURDAY ? 1.0 : 0.0);
        names.add("customs_hold");
        values.add(f.customsHold() ? 1.0 : 0.0);
        return new ArrayExample<>(output, names.toArray(String[]::new),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double logHours(Duration dwell) {
        return Math.log(dwell.toSeconds() / 3600.0);
    }

    private static Duration hours(double logHours) {
        return Duration.ofSeconds(Math.max(60, Math.round(Math.exp(logHours) * 3600)));
    }

    /** 10 %, 50 % and 90 % quantiles, nearest rank. */
    private static double[] quantiles(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {rank(sorted, 0.1), rank(sorted, 0.5), rank(sorted, 0.9)};
    }

    private static double rank(double[] sorted, double q) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1))];
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
