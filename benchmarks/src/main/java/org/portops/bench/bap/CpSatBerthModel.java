package org.portops.bench.bap;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import org.portops.crane.berth.BerthAssignment;
import org.portops.crane.berth.BerthInstance;
import org.portops.crane.berth.BerthPlan;
import org.portops.crane.berth.BerthPlanChecker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The same berth allocation problem solved exactly with OR-Tools, in the generalised set-partitioning form of
 * Buhrkal et al. (2011), the exact method of the literature for these instances: one Boolean per column (vessel,
 * berth, berthing time; reduced by {@link BerthColumns}), exactly one column per vessel, and at each berth and each
 * time a column there may start, at most one of the columns alongside then; objective Σ service time of the chosen
 * columns.
 * <p>
 * CP-SAT alone cannot take the full model in seconds (tens of thousands of columns, a million literals in the
 * at-most-one constraints). So its linear relaxation is solved first by column generation (GLOP), which bounds, per
 * column, the total of any plan that uses it ({@link SetPartitioningRelaxation}); CP-SAT then solves the model on the
 * columns whose bound is at most a cap K, with the budget Σ d_c x_c + Σ (−μ) idle ≤ K − L that every plan of total
 * ≤ K keeps. If its optimum is ≤ K, no plan using a left-out column can beat it: proven optimal for the whole model.
 * If no plan of total ≤ K exists, the optimum is above K and the next round raises K by a small step. A round out of
 * its time still bounds every plan of total ≤ K; then one last, wider round without the budget looks for a plan.
 * The known plan's total U caps K: columns bounded above U are in no optimal plan. Proofs in docs/berth-planning.md.
 */
public final class CpSatBerthModel {
    private static final double EPSILON = 1e-6;
    /** Reduced costs enter CP-SAT as integers in thousandths, rounded down (so the budget never cuts a valid plan). */
    private static final double SCALE = 1000;
    private static final double SCALE_SLACK = 0.01;

    /** The solver's answer: the plan if it found one, whether it proved it optimal, its bound, when it found it. */
    public record Outcome(Optional<BerthPlan> plan, CpSolverStatus status, double bestBound, Duration timeToBest) {
        public boolean provedOptimal() {
            return status == CpSolverStatus.OPTIMAL;
        }
    }

    private static final class NativeLibraries {
        static {
            Loader.loadNativeLibraries();
        }

        static void load() {
            // loading happens once, in the static initialiser
        }
    }

    private CpSatBerthModel() {
    }

    /**
     * Solves within {@code timeLimit} (relaxation and CP-SAT together) with CP-SAT on {@code workers} threads,
     * starting from {@code hint} (a plan to improve on, as the Timefold planner starts from the same
     * first-come-first-served plan; may be null). A hint that passes {@link BerthPlanChecker} also bounds the
     * columns: none that only plans costlier than it can use is built.
     */
    public static Outcome solve(BerthInstance instance, Duration timeLimit, int workers, BerthPlan hint) {
        NativeLibraries.load();
        long started = System.nanoTime();
        Instant deadline = Instant.now().plus(timeLimit);
        boolean validHint = hint != null && BerthPlanChecker.check(instance, hint).isEmpty();
        long upper = validHint ? hint.objective() : Long.MAX_VALUE;
        List<BerthColumns.Column> columns = BerthColumns.of(instance,
                validHint ? OptionalLong.of(upper) : OptionalLong.empty());
        int vessels = instance.vessels().size();
        Map<Integer, int[]> points = checkedTimes(columns);
        SetPartitioningRelaxation.Bounds relaxation = SetPartitioningRelaxation.of(columns, vessels, points,
                columnsOf(columns, validHint ? hint : null), deadline);
        long lower = (long) Math.ceil(relaxation.bound() - EPSILON);
        long[] bound = new long[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            bound[c] = (long) Math.ceil(relaxation.byColumn()[c] - EPSILON);
        }

        BerthPlan best = validHint ? hint : null;
        Duration bestFound = Duration.ZERO;
        // small steps: a round that only has to refute "a plan of total ≤ cap" keeps few columns and is quick
        long step = Math.max(2, lower / 1000);
        long margin = step;
        boolean lastRound = false;
        while (true) {
            long cap = upper == Long.MAX_VALUE ? lower + margin : Math.min(upper, lower + margin);
            List<BerthColumns.Column> kept = new ArrayList<>();
            List<Long> scaledReducedCosts = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                if (bound[c] <= cap) {
                    kept.add(columns.get(c));
                    scaledReducedCosts.add((long) Math.floor(relaxation.reducedCost()[c] * SCALE));
                }
            }
            // with no known plan, the last round takes every column and no cap, so that its answer is conclusive
            boolean conclusive = upper == Long.MAX_VALUE && kept.size() == columns.size();
            // the budget only helps refute; the last round leaves it out, as CP-SAT finds plans more easily without
            Budget budget = conclusive || lastRound ? Budget.NONE
                    : new Budget(scaledReducedCosts, relaxation.pointDuals(),
                    (long) Math.floor((cap - relaxation.bound()) * SCALE + SCALE_SLACK));
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                return unproved(best, lower, bestFound);
            }
            Duration offset = Duration.ofNanos(System.nanoTime() - started);
            // a refuting round gets half of what is left, so that a wider last round can still find a plan
            Duration slice = lastRound ? left : left.dividedBy(2);
            Restricted round = solveRestricted(instance, kept, points, budget, slice, workers, best);
            switch (round.status()) {
                case OPTIMAL -> {
                    BerthPlan plan = round.plan().orElseThrow();
                    if (plan.objective() <= cap || conclusive) {
                        // every plan of total ≤ cap uses kept columns only and keeps to the budget: none beats this
                        return new Outcome(Optional.of(plan), CpSolverStatus.OPTIMAL, plan.objective(),
                                offset.plus(round.timeToBest()));
                    }
                    // no plan of total ≤ cap; this one bounds the next round, which is then conclusive
                    if (best == null || plan.objective() < best.objective()) {
                        best = plan;
                        bestFound = offset.plus(round.timeToBest());
                    }
                    upper = Math.min(upper, plan.objective());
                    lower = cap + 1;
                    margin = upper - lower;
                }
                case INFEASIBLE -> {
                    if (conclusive) {
                        return new Outcome(Optional.empty(), CpSolverStatus.INFEASIBLE, lower, Duration.ZERO);
                    }
                    // no plan of total ≤ cap: the optimum is above it
                    lower = cap + 1;
                    step = upper == Long.MAX_VALUE ? step * 4 : step;
                    margin = step;
                }
                default -> {
                    if (!conclusive) {
                        // every plan of total ≤ cap is in this round's model, so none costs less than its bound
                        lower = Math.max(lower, Math.min((long) Math.ceil(round.bound() - EPSILON), cap + 1));
                    }
                    if (round.plan().isPresent()
                            && (best == null || round.plan().get().objective() < best.objective())) {
                        best = round.plan().get();
                        bestFound = offset.plus(round.timeToBest());
                    }
                    if (best != null) {
                        upper = Math.min(upper, best.objective());
                    }
                    if (lastRound || (best != null && best.objective() <= lower)) {
                        return unproved(best, lower, bestFound);
                    }
                    // out of its slice: one last, wider round with the rest of the time
                    lastRound = true;
                    margin = Math.max(margin, 4 * step);
                }
            }
        }
    }

    /** Out of time: the best plan known, proven optimal after all if it meets the lower bound. */
    private static Outcome unproved(BerthPlan best, long lower, Duration bestFound) {
        if (best == null) {
            return new Outcome(Optional.empty(), CpSolverStatus.UNKNOWN, lower, Duration.ZERO);
        }
        return new Outcome(Optional.of(best), best.objective() <= lower ? CpSolverStatus.OPTIMAL : CpSolverStatus.FEASIBLE,
                Math.min(lower, best.objective()), bestFound);
    }

    /**
     * Σ d_c x_c ≤ cap − bound, in thousandths: every plan of total at most cap keeps to it, as its total is at least
     * the relaxation's bound plus the reduced costs of its columns ({@link SetPartitioningRelaxation}).
     */
    private record Budget(List<Long> scaledReducedCosts, Map<Integer, double[]> pointDuals, long limit) {
        static final Budget NONE = new Budget(List.of(), Map.of(), Long.MAX_VALUE);

        /** −μ_bp in thousandths, rounded down. */
        long scaledIdleCost(int berth, int k) {
            double[] duals = pointDuals.get(berth);
            return duals == null ? 0 : (long) Math.floor(-duals[k] * SCALE);
        }
    }

    private record Restricted(Optional<BerthPlan> plan, CpSolverStatus status, double bound, Duration timeToBest) {
    }

    /** CP-SAT on the set-partitioning model over {@code columns} only. */
    private static Restricted solveRestricted(BerthInstance instance, List<BerthColumns.Column> columns,
                                              Map<Integer, int[]> points, Budget budget, Duration timeLimit,
                                              int workers, BerthPlan hint) {
        CpModel model = new CpModel();
        Literal[] chosen = new Literal[columns.size()];
        List<List<Literal>> byVessel = new ArrayList<>();
        for (int i = 0; i <= instance.vessels().size(); i++) {
            byVessel.add(new ArrayList<>());
        }
        Map<Integer, List<Integer>> byBerth = new TreeMap<>();
        LinearExprBuilder objective = LinearExpr.newBuilder();
        for (int c = 0; c < columns.size(); c++) {
            BerthColumns.Column column = columns.get(c);
            chosen[c] = model.newBoolVar("x" + column.vessel() + "_" + column.berth() + "_" + column.start());
            byVessel.get(column.vessel()).add(chosen[c]);
            byBerth.computeIfAbsent(column.berth(), b -> new ArrayList<>()).add(c);
            objective.addTerm(chosen[c], column.cost());
        }
        // a vessel with no column has no berth in time: the empty constraint makes CP-SAT report the model infeasible
        byVessel.subList(1, byVessel.size()).forEach(model::addExactlyOne);
        LinearExprBuilder spent = LinearExpr.newBuilder();
        for (int c = 0; c < columns.size(); c++) {
            spent.addTerm(chosen[c], budget == Budget.NONE ? 0 : budget.scaledReducedCosts().get(c));
        }
        byBerth.forEach((berth, here) -> {
            int[] times = points.get(berth);
            for (int k = 0; k < times.length; k++) {
                List<Literal> alongside = new ArrayList<>();
                for (int c : here) {
                    if (columns.get(c).start() <= times[k] && times[k] < columns.get(c).end()) {
                        alongside.add(chosen[c]);
                    }
                }
                long idleCost = budget.scaledIdleCost(berth, k);
                if (idleCost > 0) {
                    // the berth idle at this time costs −μ of the budget: a literal for it, so the budget sees it
                    Literal idle = model.newBoolVar("idle" + berth + "_" + times[k]);
                    alongside.add(idle);
                    model.addExactlyOne(alongside);
                    spent.addTerm(idle, idleCost);
                } else if (alongside.size() > 1) {
                    model.addAtMostOne(alongside);
                }
            }
        });
        if (budget != Budget.NONE) {
            model.addLessOrEqual(spent, budget.limit());
        }
        model.minimize(objective);
        if (hint != null) {
            Set<BerthAssignment> hinted = new HashSet<>(hint.assignments());
            for (int c = 0; c < columns.size(); c++) {
                model.addHint(chosen[c], hinted.contains(columns.get(c).assignment()));
            }
        }

        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(timeLimit.toMillis() / 1000.0).setNumWorkers(workers);
        TimeToBest timeToBest = new TimeToBest();
        CpSolverStatus status = solver.solve(model, timeToBest);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return new Restricted(Optional.empty(), status, solver.bestObjectiveBound(), Duration.ZERO);
        }
        List<BerthAssignment> assignments = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (solver.booleanValue(chosen[c])) {
                assignments.add(columns.get(c).assignment());
            }
        }
        assignments.sort(Comparator.comparingInt(BerthAssignment::vessel));
        BerthPlan plan = new BerthPlan(instance.name(), Math.round(solver.objectiveValue()), assignments);
        return new Restricted(Optional.of(plan), status, solver.bestObjectiveBound(),
                Duration.ofMillis(Math.round(timeToBest.seconds * 1000)));
    }

    /**
     * Per berth, the times at which "at most one vessel alongside" is checked. Two stays overlap exactly when the
     * later one starts while the earlier is alongside, so the times a column starts suffice; and a start time p is
     * left out when no column ends in (p, next start time], as every column alongside at p is then alongside at the
     * next one too. (The same times serve any subset of the columns: a left-out time's columns meet again later.)
     */
    static Map<Integer, int[]> checkedTimes(List<BerthColumns.Column> columns) {
        Map<Integer, TreeSet<Integer>> starts = new TreeMap<>();
        Map<Integer, TreeSet<Integer>> ends = new TreeMap<>();
        for (BerthColumns.Column column : columns) {
            starts.computeIfAbsent(column.berth(), b -> new TreeSet<>()).add(column.start());
            ends.computeIfAbsent(column.berth(), b -> new TreeSet<>()).add(column.end());
        }
        Map<Integer, int[]> checked = new TreeMap<>();
        starts.forEach((berth, times) -> {
            List<Integer> kept = new ArrayList<>();
            for (int p : times) {
                Integer next = times.higher(p);
                Integer endAfter = ends.get(berth).higher(p);
                if (next == null || (endAfter != null && endAfter <= next)) {
                    kept.add(p);
                }
            }
            checked.put(berth, kept.stream().mapToInt(Integer::intValue).toArray());
        });
        return checked;
    }

    /** The indices of {@code plan}'s columns among {@code columns} (none if there is no plan). */
    private static List<Integer> columnsOf(List<BerthColumns.Column> columns, BerthPlan plan) {
        List<Integer> indices = new ArrayList<>();
        if (plan != null) {
            Set<BerthAssignment> assignments = new HashSet<>(plan.assignments());
            for (int c = 0; c < columns.size(); c++) {
                if (assignments.contains(columns.get(c).assignment())) {
                    indices.add(c);
                }
            }
        }
        return indices;
    }

    private static final class TimeToBest extends CpSolverSolutionCallback {
        private double seconds;

        @Override
        public void onSolutionCallback() {
            seconds = wallTime();
        }
    }
}
