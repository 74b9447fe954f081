package org.portops.bench.bap;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The linear relaxation of the set-partitioning model, solved by column generation with OR-Tools' GLOP, and from its
 * duals a lower bound on the total service time of any plan that uses a given column (Lagrangian bound).
 * <p>
 * For duals π_i (one per vessel) and μ_bp ≤ 0 (one per berth and checked time), write d_c = cost_c − π_i −
 * Σ_{p covered by c} μ_bp and D_i = min(0, min over i's columns d_c). Any plan x then costs Σ π_i + Σ μ_bp
 * (Σ_{c covers p} x_c) + Σ d_c x_c ≥ Σ π + Σ μ + Σ_i D_i, and a plan using column c of vessel i at least that minus D_i
 * plus d_c. This holds for any such duals, optimal or not, so rounding in the LP can weaken the bound but never make
 * it wrong.
 */
final class SetPartitioningRelaxation {
    private static final double EPSILON = 1e-6;
    private static final int COLUMNS_PER_ROUND = 3;

    /**
     * The LP bound L on every plan; per column the bound on every plan that uses it, and its reduced cost d_c; per
     * berth the duals μ_bp ≤ 0 of the checked times, so that any plan costs L + Σ d_c x_c + Σ (−μ_bp)(1 − cover_bp)
     * less the D_i terms (zero once column generation converged).
     */
    record Bounds(double bound, double[] byColumn, double[] reducedCost, Map<Integer, double[]> pointDuals) {
    }

    private final List<BerthColumns.Column> columns;
    private final int vessels;
    private final Map<Integer, int[]> pointsByBerth;
    private final MPSolver lp = MPSolver.createSolver("GLOP");
    private final MPConstraint[] vesselRows;
    private final Map<Integer, MPConstraint[]> pointRows = new TreeMap<>();
    private final boolean[] inLp;

    private SetPartitioningRelaxation(List<BerthColumns.Column> columns, int vessels,
                                      Map<Integer, int[]> pointsByBerth) {
        this.columns = columns;
        this.vessels = vessels;
        this.pointsByBerth = pointsByBerth;
        this.vesselRows = new MPConstraint[vessels + 1];
        this.inLp = new boolean[columns.size()];
    }

    /**
     * Column generation until no column prices out or {@code deadline} passes; {@code points} are the times per
     * berth the model checks for overlap, {@code start} the columns to begin with (a known plan's).
     */
    static Bounds of(List<BerthColumns.Column> columns, int vessels, Map<Integer, int[]> points, List<Integer> start,
                     Instant deadline) {
        SetPartitioningRelaxation relaxation = new SetPartitioningRelaxation(columns, vessels, points);
        try {
            return relaxation.solve(start, deadline);
        } finally {
            relaxation.lp.delete();
        }
    }

    private Bounds solve(List<Integer> start, Instant deadline) {
        MPObjective objective = lp.objective();
        objective.setMinimization();
        // an artificial column per vessel keeps every restricted LP feasible; it stays only if the LP has no plan
        double artificialCost = 1.0 + columns.stream().mapToDouble(BerthColumns.Column::cost).max().orElse(0) * vessels;
        for (int i = 1; i <= vessels; i++) {
            vesselRows[i] = lp.makeConstraint(1, 1, "vessel" + i);
            MPVariable artificial = lp.makeNumVar(0, MPSolver.infinity(), "artificial" + i);
            vesselRows[i].setCoefficient(artificial, 1);
            objective.setCoefficient(artificial, artificialCost);
        }
        pointsByBerth.forEach((berth, points) -> {
            MPConstraint[] rows = new MPConstraint[points.length];
            for (int k = 0; k < points.length; k++) {
                rows[k] = lp.makeConstraint(-MPSolver.infinity(), 1, "berth" + berth + "_" + points[k]);
            }
            pointRows.put(berth, rows);
        });
        start.forEach(this::add);
        double[] pi = new double[vessels + 1];
        Map<Integer, double[]> mu = new TreeMap<>();
        double[] reduced = new double[columns.size()];
        // the duals of the last solved LP give the bound; a column added after it changes nothing in it
        while (lp.solve() == MPSolver.ResultStatus.OPTIMAL) {
            readDuals(pi, mu);
            price(pi, mu, reduced);
            if (Instant.now().isAfter(deadline) || !addMostNegative(reduced)) {
                break;
            }
        }
        return bounds(pi, mu, reduced);
    }

    private void add(int c) {
        if (inLp[c]) {
            return;
        }
        inLp[c] = true;
        BerthColumns.Column column = columns.get(c);
        MPVariable x = lp.makeNumVar(0, MPSolver.infinity(), "x" + c);
        lp.objective().setCoefficient(x, column.cost());
        vesselRows[column.vessel()].setCoefficient(x, 1);
        int[] points = pointsByBerth.get(column.berth());
        MPConstraint[] rows = pointRows.get(column.berth());
        for (int k = firstAtOrAfter(points, column.start()); k < points.length && points[k] < column.end(); k++) {
            rows[k].setCoefficient(x, 1);
        }
    }

    private void readDuals(double[] pi, Map<Integer, double[]> mu) {
        for (int i = 1; i <= vessels; i++) {
            pi[i] = vesselRows[i].dualValue();
        }
        // μ must be ≤ 0 for the bound to hold; GLOP's may stray by rounding, so clamp
        pointRows.forEach((berth, rows) -> {
            double[] prefix = new double[rows.length + 1];
            for (int k = 0; k < rows.length; k++) {
                prefix[k + 1] = prefix[k] + Math.min(0, rows[k].dualValue());
            }
            mu.put(berth, prefix);
        });
    }

    private void price(double[] pi, Map<Integer, double[]> mu, double[] reduced) {
        for (int c = 0; c < columns.size(); c++) {
            BerthColumns.Column column = columns.get(c);
            int[] points = pointsByBerth.get(column.berth());
            double[] prefix = mu.get(column.berth());
            double covered = prefix[firstAtOrAfter(points, column.end())] - prefix[firstAtOrAfter(points, column.start())];
            reduced[c] = column.cost() - pi[column.vessel()] - covered;
        }
    }

    /**
     * Adds, per vessel and berth, the {@link #COLUMNS_PER_ROUND} columns of most negative reduced cost (fewer LP
     * solves than one at a time); false if no column prices out.
     */
    private boolean addMostNegative(double[] reduced) {
        Map<Long, PriorityQueue<Integer>> best = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            if (!inLp[c] && reduced[c] < -EPSILON) {
                long key = (long) columns.get(c).vessel() << 32 | columns.get(c).berth();
                // a max-heap on reduced cost: its head is the worst of the best kept so far
                PriorityQueue<Integer> kept = best.computeIfAbsent(key,
                        k -> new PriorityQueue<>((x, y) -> Double.compare(reduced[y], reduced[x])));
                kept.add(c);
                if (kept.size() > COLUMNS_PER_ROUND) {
                    kept.poll();
                }
            }
        }
        best.values().forEach(kept -> kept.forEach(this::add));
        return !best.isEmpty();
    }

    private Bounds bounds(double[] pi, Map<Integer, double[]> mu, double[] reduced) {
        double[] least = new double[vessels + 1];
        for (int c = 0; c < columns.size(); c++) {
            int i = columns.get(c).vessel();
            least[i] = Math.min(least[i], reduced[c]);
        }
        double bound = 0;
        for (int i = 1; i <= vessels; i++) {
            bound += pi[i] + least[i];
        }
        for (double[] prefix : mu.values()) {
            bound += prefix[prefix.length - 1];
        }
        double[] byColumn = new double[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            byColumn[c] = bound - least[columns.get(c).vessel()] + reduced[c];
        }
        Map<Integer, double[]> pointDuals = new TreeMap<>();
        mu.forEach((berth, prefix) -> {
            double[] duals = new double[prefix.length - 1];
            for (int k = 0; k < duals.length; k++) {
                duals[k] = prefix[k + 1] - prefix[k];
            }
            pointDuals.put(berth, duals);
        });
        return new Bounds(bound, byColumn, reduced, pointDuals);
    }

    /** Index of the first of the sorted {@code points} at or after {@code time} (their length if none). */
    static int firstAtOrAfter(int[] points, int time) {
        int index = Arrays.binarySearch(points, time);
        return index >= 0 ? index : -index - 1;
    }
}
