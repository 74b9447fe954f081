package org.portops.ingest.anomaly;

/**
 * A signal's expected value as a linear function of a few features (the share of each duty in a window), learned
 * online by exponentially weighted least squares, with the spread of its one-step-ahead residuals. Weights are
 * count-adjusted ({@code max(1/n, 1/memory)}): a plain average while young, an exponential forgetting of old
 * samples afterwards, so the baseline follows slow legitimate change (seasons, a re-greased bearing) over about
 * {@code memory} samples. A small ridge pulls the weight of a feature never seen towards the overall mean, so an
 * unseen duty predicts the machine's average instead of nonsense. Fixed memory: {@code 2p² + 5p} numbers.
 */
final class LinearBaseline {

    private static final double RIDGE = 1e-6;
    /** A feature dominates a sample at or above this share. */
    private static final double DOMINANT = 0.5;
    /** A feature matters in a sample above this share. */
    private static final double PRESENT = 0.2;

    private final int features;
    private final double memory;
    private final double[] gram;
    private final double[] moment;
    private final double[] weights;
    private final double[] scratch;
    private final double[] solution;
    private final long[] dominated;
    private double mean;
    private long samples;
    private double residualVariance;
    private long residuals;

    LinearBaseline(int features, double memory) {
        this.features = features;
        this.memory = memory;
        this.gram = new double[features * features];
        this.moment = new double[features];
        this.weights = new double[features];
        this.scratch = new double[features * (features + 1)];
        this.solution = new double[features];
        this.dominated = new long[features];
    }

    /**
     * Whether every feature that matters in {@code x} has dominated at least {@code exposure} learned samples: a
     * regression is only trusted where it has seen data, not where it extrapolates (a crane starting hours of
     * laden work after days of odd jobs is a new regime, not a fault).
     */
    boolean familiar(double[] x, int exposure) {
        for (int i = 0; i < features; i++) {
            if (x[i] > PRESENT && dominated[i] < exposure) {
                return false;
            }
        }
        return true;
    }

    long samples() {
        return samples;
    }

    double predict(double[] x) {
        double sum = 0;
        for (int i = 0; i < features; i++) {
            sum += weights[i] * x[i];
        }
        return sum;
    }

    /** The standard deviation of the residuals seen so far, not below {@code floor}. */
    double residualSigma(double floor) {
        return Math.max(floor, Math.sqrt(residualVariance));
    }

    /** Records a residual (observed minus {@link #predict}, taken before {@link #learn}) in the spread. */
    void recordResidual(double residual) {
        residuals++;
        double rate = Math.max(1.0 / residuals, 1.0 / memory);
        residualVariance += rate * (residual * residual - residualVariance);
    }

    void learn(double[] x, double y) {
        samples++;
        for (int i = 0; i < features; i++) {
            if (x[i] >= DOMINANT) {
                dominated[i]++;
            }
        }
        double rate = Math.max(1.0 / samples, 1.0 / memory);
        for (int i = 0; i < features; i++) {
            for (int j = 0; j < features; j++) {
                gram[i * features + j] += rate * (x[i] * x[j] - gram[i * features + j]);
            }
            moment[i] += rate * (x[i] * y - moment[i]);
        }
        mean += rate * (y - mean);
        solve();
    }

    /** (G + ridge·I) w = m + ridge·mean by Gaussian elimination: G + ridge·I is symmetric positive definite. */
    private void solve() {
        int width = features + 1;
        for (int i = 0; i < features; i++) {
            for (int j = 0; j < features; j++) {
                scratch[i * width + j] = gram[i * features + j] + (i == j ? RIDGE : 0);
            }
            scratch[i * width + features] = moment[i] + RIDGE * mean;
        }
        for (int pivot = 0; pivot < features; pivot++) {
            double p = scratch[pivot * width + pivot];
            for (int row = pivot + 1; row < features; row++) {
                double factor = scratch[row * width + pivot] / p;
                for (int col = pivot; col < width; col++) {
                    scratch[row * width + col] -= factor * scratch[pivot * width + col];
                }
            }
        }
        for (int row = features - 1; row >= 0; row--) {
            double sum = scratch[row * width + features];
            for (int col = row + 1; col < features; col++) {
                sum -= scratch[row * width + col] * solution[col];
            }
            solution[row] = sum / scratch[row * width + row];
        }
        System.arraycopy(solution, 0, weights, 0, features);
    }
}
