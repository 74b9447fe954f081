package org.portops.crane.dispatch.solver;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.RecommendedAssignment;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import org.portops.crane.dispatch.DispatchDecision;
import org.portops.crane.dispatch.DispatchJustification;
import org.portops.crane.dispatch.DispatchProblem;
import org.portops.crane.dispatch.TransportJobId;
import org.portops.model.equipment.EquipmentId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Timefold side of transport dispatch: builds the planning problem from a {@link DispatchProblem} and vehicle
 * routes, solves it, and explains a plan (justifications per job, best alternative vehicles per job). Only records
 * and lists of job indexes cross this class's boundary.
 */
public final class DispatchSolving {
    private final SolverFactory<DispatchSolution> factory;
    private final SolutionManager<DispatchSolution, HardSoftLongScore> manager;

    /** Building a solver factory reads the domain model; it is done once per dispatcher, not per re-plan. */
    public DispatchSolving(Limits limits) {
        this.factory = SolverFactory.create(solverConfig(limits));
        this.manager = SolutionManager.create(factory);
    }

    /** The solver's budget: a wall-clock limit, how long it may go without improving, a seed. */
    public record Limits(Duration timeLimit, Duration unimprovedLimit, long randomSeed) {
    }

    /** The best routes found (job indexes per vehicle index) and their score. */
    public record Outcome(List<List<Integer>> routes, HardSoftLongScore score) {
        public Outcome {
            routes = routes.stream().map(List::copyOf).toList();
        }
    }

    /** Solves from each vehicle's committed jobs followed by its warm start; the rest are inserted by construction. */
    public Outcome solve(DispatchProblem problem) {
        List<List<Integer>> start = startRoutes(problem);
        DispatchSolution solution = solution(problem, start);
        if (problem.cars().isEmpty() && !problem.jobs().isEmpty()) {
            throw new IllegalArgumentException("no vehicle to dispatch " + problem.jobs().size() + " jobs to");
        }
        boolean anythingToPlan = solution.getJobs().stream().anyMatch(job -> job.getVehicle() == null)
                || solution.getVehicles().stream().anyMatch(v -> v.getJobs().size() > v.getPinnedCount());
        if (!anythingToPlan) {
            return new Outcome(start, score(problem, start));
        }
        Solver<DispatchSolution> solver = factory.buildSolver();
        DispatchSolution best = solver.solve(solution);
        List<String> unplanned = best.getJobs().stream().filter(job -> job.getVehicle() == null)
                .map(job -> job.id().value()).toList();
        if (!unplanned.isEmpty()) {
            throw new IllegalStateException("dispatch left jobs without a vehicle: " + unplanned);
        }
        return new Outcome(routes(best), best.getScore());
    }

    /** Each vehicle's committed jobs followed by what is left of its published route: where a re-plan starts. */
    public static List<List<Integer>> startRoutes(DispatchProblem problem) {
        return problem.cars().stream().map(car -> {
            List<Integer> route = new ArrayList<>(car.committed());
            route.addAll(car.warmStart());
            return List.copyOf(route);
        }).toList();
    }

    /** The score of the given routes, as the solver would score them. */
    public HardSoftLongScore score(DispatchProblem problem, List<List<Integer>> routes) {
        return manager.update(solution(problem, routes));
    }

    /** Times every job on the given routes, as the solver times them: per vehicle index, per position. */
    public static List<List<Trip>> trips(DispatchProblem problem, List<List<Integer>> routes) {
        List<List<Trip>> trips = new ArrayList<>();
        for (DispatchProblem.Car car : problem.cars()) {
            List<Trip> timed = new ArrayList<>();
            int from = car.start();
            int free = car.availableAt();
            for (int index : routes.get(car.index())) {
                DispatchProblem.Job job = problem.jobs().get(index);
                Trip trip = Trip.of(problem, car.vehicle().kind(), from, free, job);
                timed.add(trip);
                from = job.drop();
                free = trip.end();
            }
            trips.add(timed);
        }
        return trips;
    }

    /** Per job index, the constraint matches it caused, from score analysis of the given routes. */
    public Map<Integer, List<DispatchDecision.Reason>> reasons(DispatchProblem problem, List<List<Integer>> routes) {
        ScoreAnalysis<HardSoftLongScore> analysis = manager.analyze(solution(problem, routes));
        Map<Integer, List<DispatchDecision.Reason>> reasons = new HashMap<>();
        Map<TransportJobId, Integer> indexOfJob = new HashMap<>();
        problem.jobs().forEach(job -> indexOfJob.put(job.job().id(), job.index()));
        for (ConstraintAnalysis<HardSoftLongScore> constraint : analysis.constraintMap().values()) {
            if (constraint.matches() == null) {
                continue;
            }
            for (MatchAnalysis<HardSoftLongScore> match : constraint.matches()) {
                DispatchJustification justification = (DispatchJustification) match.justification();
                reasons.computeIfAbsent(indexOfJob.get(justification.job()), i -> new ArrayList<>())
                        .add(new DispatchDecision.Reason(constraint.constraintRef().constraintName(),
                                match.score().toString(), justification));
            }
        }
        return reasons;
    }

    /**
     * The best other vehicles for job {@code jobIndex} on the given routes, at most {@code limit}, best first: the job
     * is taken off its vehicle and Timefold's assignment recommendation scores every place on every vehicle; each
     * vehicle's best place is compared with the plan as it stands ({@code planScore}, from {@link #score}).
     */
    public List<DispatchDecision.Alternative> alternatives(DispatchProblem problem, List<List<Integer>> routes,
                                                           HardSoftLongScore planScore, int jobIndex, int limit) {
        List<List<Integer>> without = routes.stream()
                .map(route -> route.stream().filter(index -> index != jobIndex).toList()).toList();
        int owner = -1;
        for (int v = 0; v < routes.size(); v++) {
            if (routes.get(v).contains(jobIndex)) {
                owner = v;
            }
        }
        DispatchSolution unassigned = solution(problem, without);
        HardSoftLongScore withoutScore = manager.update(unassigned);
        PlannedJob job = unassigned.getJobs().get(jobIndex);
        List<RecommendedAssignment<Placement, HardSoftLongScore>> recommended = manager.recommendAssignment(
                unassigned, job, placed -> new Placement(placed.getVehicle().getIndex(),
                        placed.getVehicle().getJobs().indexOf(placed)), ScoreAnalysisFetchPolicy.FETCH_SHALLOW);
        Map<Integer, DispatchDecision.Alternative> best = new LinkedHashMap<>();
        for (RecommendedAssignment<Placement, HardSoftLongScore> recommendation : recommended) {
            Placement placement = recommendation.proposition();
            if (placement.vehicle() == owner || best.containsKey(placement.vehicle())) {
                continue;
            }
            HardSoftLongScore difference = withoutScore.add(recommendation.scoreAnalysisDiff().score()).subtract(planScore);
            EquipmentId vehicle = problem.cars().get(placement.vehicle()).vehicle().id();
            best.put(placement.vehicle(), new DispatchDecision.Alternative(vehicle, placement.position(),
                    difference.toString(), difference.hardScore(), difference.softScore()));
            if (best.size() == limit) {
                break;
            }
        }
        return List.copyOf(best.values());
    }

    /** Where a recommendation puts the job: vehicle index and position in its list. */
    private record Placement(int vehicle, int position) {
    }

    public static SolverConfig solverConfig(Limits limits) {
        return new SolverConfig()
                .withSolutionClass(DispatchSolution.class)
                .withEntityClasses(PlannedVehicle.class, PlannedJob.class)
                .withConstraintProviderClass(DispatchConstraintProvider.class)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withRandomSeed(limits.randomSeed())
                // the budget bounds improvement only: construction always finishes, so every job gets a vehicle
                .withPhases(new ConstructionHeuristicPhaseConfig(), new LocalSearchPhaseConfig()
                        .withTerminationConfig(new TerminationConfig().withSpentLimit(limits.timeLimit())
                                .withUnimprovedSpentLimit(limits.unimprovedLimit())));
    }

    /**
     * The planning problem with each vehicle's list set to its route (job indexes); jobs on no route are left
     * unassigned for the construction heuristic. Shadow values are set here as the listener would set them.
     */
    public static DispatchSolution solution(DispatchProblem problem, List<List<Integer>> routes) {
        List<PlannedJob> jobs = problem.jobs().stream().map(PlannedJob::new).toList();
        List<PlannedVehicle> vehicles = new ArrayList<>();
        List<List<Trip>> trips = trips(problem, routes);
        for (DispatchProblem.Car car : problem.cars()) {
            PlannedVehicle vehicle = new PlannedVehicle(car);
            List<PlannedJob> assigned = new ArrayList<>();
            List<Integer> route = routes.get(car.index());
            for (int position = 0; position < route.size(); position++) {
                PlannedJob job = jobs.get(route.get(position));
                Trip trip = trips.get(car.index()).get(position);
                job.setVehicle(vehicle);
                job.setPrevious(assigned.isEmpty() ? null : assigned.getLast());
                job.times(trip.emptyDrive(), trip.lateness(), trip.end());
                assigned.add(job);
            }
            vehicle.setJobs(assigned);
            vehicles.add(vehicle);
        }
        return new DispatchSolution(problem, vehicles, jobs);
    }

    private static List<List<Integer>> routes(DispatchSolution solution) {
        List<List<Integer>> routes = new ArrayList<>();
        for (PlannedVehicle vehicle : solution.getVehicles()) {
            routes.add(vehicle.getJobs().stream().map(PlannedJob::getIndex).toList());
        }
        return routes;
    }
}
