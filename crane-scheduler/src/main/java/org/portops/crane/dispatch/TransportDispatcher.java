package org.portops.crane.dispatch;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.portops.crane.dispatch.solver.DispatchSolving;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.layout.TerminalLayout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Horizontal transport dispatch: assigns every move due within the horizon to a tractor, straddle carrier or AGV so
 * that the quay cranes do not wait, starting from the published plan and keeping dispatched work where it is.
 * Pooling is the solver's choice: any vehicle may serve any crane, and the plan reports how many each crane got.
 *
 * <p>{@link #plan} runs on the caller's thread: construction, then at most the settings' time limit of improvement;
 * call it from a worker, never from an event loop. {@link #decisions} costs a few milliseconds per job: run it for
 * the journal after the plan is published.
 */
public final class TransportDispatcher {
    /** How many alternative vehicles a decision names. */
    public static final int ALTERNATIVES = 3;

    private final LaneNetwork lanes;
    private final DispatchSettings settings;
    private final Clock clock;
    private final DispatchSolving solving;

    public TransportDispatcher(TerminalLayout layout, DispatchSettings settings, Clock clock) {
        this.lanes = new LaneNetwork(layout);
        this.settings = settings;
        this.clock = clock;
        this.solving = new DispatchSolving(new DispatchSolving.Limits(settings.timeLimit(), settings.unimprovedLimit(),
                settings.randomSeed()));
    }

    public LaneNetwork lanes() {
        return lanes;
    }

    public DispatchSettings settings() {
        return settings;
    }

    /**
     * Plans the request's horizon: published routes first, new jobs inserted by construction (which always
     * finishes), then improved until the settings' budget ends or the plan stops improving.
     */
    public DispatchPlan plan(DispatchRequest request) {
        Instant started = clock.instant();
        DispatchProblem problem = DispatchProblem.of(request, settings.horizon(), lanes);
        DispatchSolving.Outcome outcome = solving.solve(problem);
        return PlanMapping.plan(problem, outcome.routes(), DispatchSolving.trips(problem, outcome.routes()),
                outcome.score().toString(), outcome.score().isFeasible(), Duration.between(started, clock.instant()));
    }

    /** Scores a plan (for instance an operator's edit of one) against the request it answers. */
    public String score(DispatchRequest request, DispatchPlan plan) {
        DispatchProblem problem = DispatchProblem.of(request, settings.horizon(), lanes);
        HardSoftLongScore score = solving.score(problem, routes(problem, plan));
        return score.toString();
    }

    /** Why each planned job went to its vehicle, and what the best other vehicles would cost, in plan order. */
    public List<DispatchDecision> decisions(DispatchRequest request, DispatchPlan plan) {
        return decisions(request, plan, job -> true);
    }

    /**
     * The decisions about the jobs {@code concern} accepts only, in plan order: the journal asks about the jobs a
     * round changed, and each job's alternatives cost a few milliseconds.
     */
    public List<DispatchDecision> decisions(DispatchRequest request, DispatchPlan plan,
                                            Predicate<TransportJobId> concern) {
        DispatchProblem problem = DispatchProblem.of(request, settings.horizon(), lanes);
        List<List<Integer>> routes = routes(problem, plan);
        Map<Integer, List<DispatchDecision.Reason>> reasons = solving.reasons(problem, routes);
        HardSoftLongScore planScore = solving.score(problem, routes);
        List<DispatchDecision> decisions = new ArrayList<>();
        for (DispatchProblem.Car car : problem.cars()) {
            List<Integer> route = routes.get(car.index());
            for (int position = 0; position < route.size(); position++) {
                int index = route.get(position);
                if (!concern.test(problem.jobs().get(index).job().id())) {
                    continue;
                }
                boolean pinned = position < car.committed().size();
                decisions.add(new DispatchDecision(problem.jobs().get(index).job().id(), car.vehicle().id(), pinned,
                        reasons.getOrDefault(index, List.of()),
                        pinned ? List.of() : solving.alternatives(problem, routes, planScore, index, ALTERNATIVES)));
            }
        }
        return decisions;
    }

    /** The plan's routes as job indexes of {@code problem}; refuses a plan that does not answer the request. */
    private static List<List<Integer>> routes(DispatchProblem problem, DispatchPlan plan) {
        if (!plan.planStart().equals(problem.epoch())) {
            throw new IllegalArgumentException("plan of " + plan.planStart() + " does not answer the request of "
                    + problem.epoch());
        }
        Map<TransportJobId, Integer> indexes = new HashMap<>();
        problem.jobs().forEach(job -> indexes.put(job.job().id(), job.index()));
        Map<EquipmentId, List<Integer>> byVehicle = new HashMap<>();
        for (VehicleRoute route : plan.routes()) {
            List<Integer> jobs = new ArrayList<>();
            for (TransportJobId id : route.jobIds()) {
                Integer index = indexes.get(id);
                if (index == null) {
                    throw new IllegalArgumentException("plan routes job " + id + " on " + route.vehicle()
                            + ", which the request does not plan in this horizon");
                }
                jobs.add(index);
            }
            byVehicle.put(route.vehicle(), jobs);
        }
        return problem.cars().stream().map(car -> byVehicle.getOrDefault(car.vehicle().id(), List.of())).toList();
    }
}
