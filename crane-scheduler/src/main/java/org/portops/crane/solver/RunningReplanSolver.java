package org.portops.crane.solver;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.change.ProblemChange;
import ai.timefold.solver.core.api.solver.change.ProblemChangeDirector;
import ai.timefold.solver.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import ai.timefold.solver.core.impl.solver.DefaultSolver;
import ai.timefold.solver.core.impl.solver.scope.SolverScope;
import org.portops.crane.qcsp.QcspInstance;
import org.portops.crane.solver.CraneReplanning.Limits;
import org.portops.crane.solver.CraneReplanning.Outcome;
import org.portops.crane.solver.CraneReplanning.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Re-planning with Timefold's real-time planning: one daemon {@link Solver} per vessel call keeps running between
 * events, and each event reaches it as a {@link ProblemChange} ({@code Solver.addProblemChange}). The solver applies
 * the change to its best solution, restarts its phases (their time limits start afresh) and, when they terminate,
 * waits for the next change without using a core.
 *
 * <p>The change is the whole re-planning problem of the event: the model renumbers the remaining tasks 1..n at every
 * event and the decoder ({@link ScheduleListener}) reads the instance record, whose crane ready times, bays and
 * processing times all move with time, so the change swaps instance, facts, cranes and tasks. Because it removes an
 * entity, Timefold re-reads the whole working solution after it (the problem change director's
 * {@code updateShadowVariables} resets the score director), exactly as a fresh solve does; what is saved is
 * building the solver. {@code bench replan --solving problem-changes} measures it against warm re-solves.
 *
 * <p>A re-plan is answered when the restarted phases on its problem end (the solver's own termination: the time
 * limit, or the unimproved limit), with the best they found.
 */
final class RunningReplanSolver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningReplanSolver.class);
    /** Beyond the time limit, how long to wait for the solver to apply a change before giving up on it. */
    private static final long APPLY_GRACE_NANOS = 5_000_000_000L;

    private final Solver<ReplanSolution> solver;
    private final long timeLimitNanos;
    private final Object lock = new Object();
    private Thread thread;
    /** The instance and outcome of the last search that ended; the solver then waits for the next change. */
    private QcspInstance endedOn;
    private Outcome ended;
    private Throwable failure;

    RunningReplanSolver(SolverFactory<ReplanSolution> daemonFactory, Limits limits) {
        this.solver = daemonFactory.buildSolver();
        this.timeLimitNanos = limits.timeLimit().toNanos();
        // Timefold's public events report new bests only; the end of each restart's phases is what a re-plan waits
        // for (the search it would have had as a warm re-solve), heard through the solver's lifecycle listener
        ((DefaultSolver<ReplanSolution>) solver).addPhaseLifecycleListener(new PhaseLifecycleListenerAdapter<>() {
            @Override
            public void solvingEnded(SolverScope<ReplanSolution> scope) {
                ReplanSolution best = scope.getBestSolution();
                Outcome outcome = new Outcome(sequences(best), best.getScore().toString(),
                        best.getScore().isFeasible());
                synchronized (lock) {
                    endedOn = best.getInstance();
                    ended = outcome;
                    lock.notifyAll();
                }
            }
        });
    }

    /** Solves the problem on the running solver (started with it on the first call); empty if it did not answer. */
    Optional<Outcome> solve(Problem problem) {
        long deadline = System.nanoTime() + timeLimitNanos + APPLY_GRACE_NANOS;
        if (thread == null) {
            ReplanSolution initial = CraneReplanning.solution(problem);
            thread = Thread.ofPlatform().daemon().name("crane-replan-solver").start(() -> {
                try {
                    solver.solve(initial);
                } catch (RuntimeException | Error e) {
                    LOG.error("the running crane re-plan solver stopped", e);
                    synchronized (lock) {
                        failure = e;
                        lock.notifyAll();
                    }
                }
            });
        } else {
            solver.addProblemChange(new SwapProblem(problem));
        }
        synchronized (lock) {
            while (endedOn != problem.instance()) {
                long left = deadline - System.nanoTime();
                if (failure != null || left <= 0) {
                    if (failure == null) {
                        LOG.warn("the running crane re-plan solver did not finish the change within {} ms",
                                (timeLimitNanos + APPLY_GRACE_NANOS) / 1_000_000);
                    }
                    return Optional.empty();
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
            return Optional.of(ended);
        }
    }

    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        solver.terminateEarly();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<List<Integer>> sequences(ReplanSolution solution) {
        return solution.getCranes().stream().sorted(Comparator.comparing(PlannedCrane::getNumber))
                .map(crane -> crane.getTasks().stream().map(PlannedTask::getNumber).toList()).toList();
    }

    /**
     * The event's problem in place of the solver's: every field of the working solution replaced by the new
     * problem's. Registered as the removal of an old crane (the new ones share its planning ids, so registering an
     * addition would clash with the old crane still indexed) so Timefold re-reads the whole working solution after.
     */
    private record SwapProblem(Problem problem) implements ProblemChange<ReplanSolution> {
        @Override
        public void doChange(ReplanSolution working, ProblemChangeDirector director) {
            ReplanSolution next = CraneReplanning.solution(problem);
            director.removeEntity(working.getCranes().getFirst(), crane -> {
                working.setInstance(next.getInstance());
                working.setPrecedences(next.getPrecedences());
                working.setWindows(next.getWindows());
                working.setCranes(next.getCranes());
                working.setTasks(next.getTasks());
                working.setPublishedAssignments(next.getPublishedAssignments());
                working.setPinnedPlaces(next.getPinnedPlaces());
                working.setScore(null);
            });
        }
    }
}
