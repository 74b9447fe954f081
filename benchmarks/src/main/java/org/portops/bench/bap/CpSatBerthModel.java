package org.portops.bench.bap;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import org.portops.crane.berth.Berth;
import org.portops.crane.berth.BerthAssignment;
import org.portops.crane.berth.BerthInstance;
import org.portops.crane.berth.BerthPlan;
import org.portops.crane.berth.CallingVessel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The same berth allocation problem as an OR-Tools CP-SAT model, the peer an engineer would otherwise pick: one
 * berthing time S_i per vessel; per vessel and berth that can take it in time, a presence literal x_ib and an
 * optional interval [S_i, S_i + h_ib); exactly one x_ib per vessel; no overlap of the intervals of a berth; where
 * x_ib holds, S_i is at or after the berth's opening and S_i + h_ib at or before the earlier of the berth's closing
 * and the vessel's latest departure (S_i ≥ arrival is its domain). Objective: Σ S_i + Σ h_ib x_ib − Σ a_i.
 */
public final class CpSatBerthModel {

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
     * Solves within {@code timeLimit} on {@code workers} threads, starting from {@code hint} (a plan to improve
     * on, as the Timefold planner starts from the same first-come-first-served plan; may be null).
     */
    public static Outcome solve(BerthInstance instance, Duration timeLimit, int workers, BerthPlan hint) {
        NativeLibraries.load();
        CpModel model = new CpModel();
        int n = instance.vessels().size();
        int horizon = instance.berths().stream().mapToInt(Berth::closes).max().orElseThrow();
        IntVar[] start = new IntVar[n + 1];
        Literal[][] present = new Literal[n + 1][instance.berths().size() + 1];
        List<List<IntervalVar>> intervalsByBerth = new ArrayList<>();
        instance.berths().forEach(berth -> intervalsByBerth.add(new ArrayList<>()));
        LinearExprBuilder objective = LinearExpr.newBuilder();
        long arrivals = 0;
        for (CallingVessel vessel : instance.vessels()) {
            int i = vessel.number();
            start[i] = model.newIntVar(vessel.arrival(), Math.max(vessel.arrival(), horizon), "S" + i);
            objective.add(start[i]);
            arrivals += vessel.arrival();
            List<Literal> choices = new ArrayList<>();
            for (var entry : vessel.handlingTimeByBerth().entrySet()) {
                int b = entry.getKey();
                int handling = entry.getValue();
                Berth berth = instance.berth(b);
                int latestStart = instance.deadline(i, b) - handling;
                if (Math.max(vessel.arrival(), berth.opens()) > latestStart) {
                    continue;
                }
                Literal x = model.newBoolVar("x" + i + "_" + b);
                present[i][b] = x;
                choices.add(x);
                intervalsByBerth.get(b - 1).add(model.newOptionalFixedSizeIntervalVar(start[i], handling, x, "I" + i + "_" + b));
                model.addGreaterOrEqual(start[i], berth.opens()).onlyEnforceIf(x);
                model.addLessOrEqual(start[i], latestStart).onlyEnforceIf(x);
                objective.addTerm(x, handling);
            }
            // no berth in time leaves the constraint empty: CP-SAT then reports the model infeasible
            model.addExactlyOne(choices);
        }
        intervalsByBerth.forEach(model::addNoOverlap);
        objective.add(-arrivals);
        model.minimize(objective);
        if (hint != null) {
            for (BerthAssignment assignment : hint.assignments()) {
                model.addHint(start[assignment.vessel()], assignment.start());
                for (int b = 1; b <= instance.berths().size(); b++) {
                    if (present[assignment.vessel()][b] != null) {
                        model.addHint(present[assignment.vessel()][b], b == assignment.berth());
                    }
                }
            }
        }

        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(timeLimit.toMillis() / 1000.0).setNumWorkers(workers);
        TimeToBest timeToBest = new TimeToBest();
        CpSolverStatus status = solver.solve(model, timeToBest);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return new Outcome(Optional.empty(), status, solver.bestObjectiveBound(), Duration.ZERO);
        }
        List<BerthAssignment> assignments = new ArrayList<>();
        for (CallingVessel vessel : instance.vessels()) {
            for (int b = 1; b <= instance.berths().size(); b++) {
                Literal x = present[vessel.number()][b];
                if (x != null && solver.booleanValue(x)) {
                    assignments.add(new BerthAssignment(vessel.number(), b, (int) solver.value(start[vessel.number()])));
                }
            }
        }
        BerthPlan plan = new BerthPlan(instance.name(), Math.round(solver.objectiveValue()), assignments);
        return new Outcome(Optional.of(plan), status, solver.bestObjectiveBound(),
                Duration.ofMillis(Math.round(timeToBest.seconds * 1000)));
    }

    private static final class TimeToBest extends CpSolverSolutionCallback {
        private double seconds;

        @Override
        public void onSolutionCallback() {
            seconds = wallTime();
        }
    }
}
