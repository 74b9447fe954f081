package org.portops.bench.dispatch;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.vertx.core.json.JsonObject;
import org.portops.bench.support.Latencies;
import org.portops.bench.support.Table;
import org.portops.crane.dispatch.DispatchDecision;
import org.portops.crane.dispatch.DispatchPlan;
import org.portops.crane.dispatch.DispatchProblem;
import org.portops.crane.dispatch.DispatchRequest;
import org.portops.crane.dispatch.DispatchSettings;
import org.portops.crane.dispatch.PlannedTrip;
import org.portops.crane.dispatch.PublishedPlan;
import org.portops.crane.dispatch.TransportDispatcher;
import org.portops.crane.dispatch.TransportJob;
import org.portops.crane.dispatch.TransportJobId;
import org.portops.crane.dispatch.Vehicle;
import org.portops.crane.dispatch.VehicleRoute;
import org.portops.crane.dispatch.solver.Trip;
import org.portops.model.layout.TerminalLayoutLoader;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code ./portops bench dispatch}: the transport dispatcher in a rolling re-plan loop over one large vessel call
 * (default 2,000 moves, 6 quay cranes, 60 tractors, 30-minute horizon). Every event advances the clock, the
 * previous plan is carried out up to then (finished trips leave, the trip under way and the next one are
 * committed), now and then a tractor stalls, and the dispatcher re-plans from the published plan. Reports the
 * re-plan time percentiles and, per plan, crane waiting against a greedy baseline on the same problem (earliest
 * due job first, to the vehicle that reaches the crane earliest).
 */
@Command(name = "dispatch", mixinStandardHelpOptions = true,
        description = "Transport dispatch: re-plan time and crane waiting in a rolling loop, vs a greedy baseline.")
public final class DispatchBench implements Callable<Integer> {

    @Option(names = "--moves", defaultValue = "2000", description = "moves in the vessel call (default ${DEFAULT-VALUE})")
    int moves;

    @Option(names = "--cranes", defaultValue = "6", description = "quay cranes (default ${DEFAULT-VALUE})")
    int cranes;

    @Option(names = "--vehicles", defaultValue = "60", description = "tractors (default ${DEFAULT-VALUE})")
    int vehicles;

    @Option(names = "--horizon-minutes", defaultValue = "30", description = "planning horizon (default ${DEFAULT-VALUE})")
    int horizonMinutes;

    @Option(names = "--replans", defaultValue = "60", description = "measured re-plans (default ${DEFAULT-VALUE})")
    int replans;

    @Option(names = "--warmup", defaultValue = "10", description = "re-plans before measuring (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--event-seconds", defaultValue = "30", description = "time between events (default ${DEFAULT-VALUE})")
    int eventSeconds;

    @Option(names = "--time-limit-ms", defaultValue = "500",
            description = "solver budget per re-plan (default ${DEFAULT-VALUE})")
    int timeLimitMillis;

    @Option(names = "--unimproved-ms", defaultValue = "120",
            description = "stop after this long without improvement (default ${DEFAULT-VALUE})")
    int unimprovedMillis;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        ((Logger) LoggerFactory.getLogger("ai.timefold")).setLevel(Level.WARN);
        DispatchSettings settings = DispatchSettings.DEFAULTS.withHorizon(Duration.ofMinutes(horizonMinutes))
                .withTimeLimit(Duration.ofMillis(timeLimitMillis), Duration.ofMillis(unimprovedMillis)).withSeed(seed);
        TransportDispatcher dispatcher = new TransportDispatcher(TerminalLayoutLoader.sample(), settings,
                Clock.systemUTC());
        Random random = new Random(seed);
        VesselCallLoop loop = new VesselCallLoop(VesselCallLoop.generate(random, moves, cranes, vehicles), random);
        progress(String.format("%d moves, %d cranes, %d tractors, horizon %d min, budget %d ms (stop after %d ms"
                        + " without improvement), %d cores", moves, cranes, vehicles, horizonMinutes, timeLimitMillis,
                unimprovedMillis, Runtime.getRuntime().availableProcessors()));

        Latencies latencies = new Latencies();
        Totals totals = new Totals();
        DispatchRequest request = null;
        DispatchPlan plan = null;
        for (int event = 0; event < warmup + replans; event++) {
            request = loop.request();
            long started = System.nanoTime();
            plan = dispatcher.plan(request);
            long nanos = System.nanoTime() - started;
            if (event >= warmup) {
                latencies.record(nanos);
                totals.add(plan, greedy(request, settings, dispatcher));
            }
            if (event % 10 == 0) {
                progress(String.format("event %d at +%d s: %d jobs planned, %d deferred, %.0f ms, %s", event,
                        loop.elapsedSeconds(), plannedJobs(plan), plan.deferred().size(), nanos / 1e6, plan.score()));
            }
            loop.advance(plan, eventSeconds);
        }
        long decisionsStarted = System.nanoTime();
        List<DispatchDecision> decisions = dispatcher.decisions(request, plan);
        double decisionsMillis = (System.nanoTime() - decisionsStarted) / 1e6;

        report(latencies, totals, decisions.size(), decisionsMillis);
        return 0;
    }

    private void report(Latencies latencies, Totals totals, int decisions, double decisionsMillis) {
        double p50 = latencies.percentileMicros(0.50) / 1000;
        double p95 = latencies.percentileMicros(0.95) / 1000;
        double max = latencies.percentileMicros(1.0) / 1000;
        double waitPerPlan = totals.craneWaitSeconds / (double) replans;
        double greedyWaitPerPlan = totals.greedyWaitSeconds / (double) replans;
        System.out.println();
        System.out.printf("bench dispatch: %d moves, %d cranes, %d tractors, %d-minute horizon, %d re-plans every %d s"
                        + " (after %d warm-up), budget %d ms, %d cores%n", moves, cranes, vehicles, horizonMinutes,
                replans, eventSeconds, warmup, timeLimitMillis, Runtime.getRuntime().availableProcessors());
        Table table = new Table("figure", "value");
        table.row("jobs planned per re-plan (avg)", totals.jobs / (double) replans);
        table.row("re-plan time p50 ms", p50);
        table.row("re-plan time p95 ms", p95);
        table.row("re-plan time max ms", max);
        table.row("crane waiting per plan s (Timefold)", waitPerPlan);
        table.row("crane waiting per plan s (greedy)", greedyWaitPerPlan);
        table.row("late moves per plan (Timefold)", totals.lateMoves / (double) replans);
        table.row("empty driving per plan s (Timefold)", totals.emptySeconds / (double) replans);
        table.row("empty driving per plan s (greedy)", totals.greedyEmptySeconds / (double) replans);
        table.row("dual cycles per plan", totals.dualCycles / (double) replans);
        table.row("reassigned jobs per re-plan", totals.reassigned / (double) replans);
        table.row("vehicles per crane (avg distinct)", totals.vehiclesPerCrane / (double) replans);
        table.row("decision journal for last plan ms (" + decisions + " jobs)", decisionsMillis);
        table.print(System.out);
        System.out.println(new JsonObject()
                .put("bench", "dispatch")
                .put("moves", moves).put("cranes", cranes).put("vehicles", vehicles)
                .put("horizonMinutes", horizonMinutes).put("replans", replans).put("eventSeconds", eventSeconds)
                .put("timeLimitMillis", timeLimitMillis).put("unimprovedMillis", unimprovedMillis)
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("jobsPerReplan", round(totals.jobs / (double) replans))
                .put("replanP50Millis", round(p50)).put("replanP95Millis", round(p95)).put("replanMaxMillis", round(max))
                .put("craneWaitSecondsPerPlan", round(waitPerPlan))
                .put("greedyCraneWaitSecondsPerPlan", round(greedyWaitPerPlan))
                .put("craneWaitRatioToGreedy", greedyWaitPerPlan == 0 ? null : round(waitPerPlan / greedyWaitPerPlan))
                .put("emptySecondsPerPlan", round(totals.emptySeconds / (double) replans))
                .put("greedyEmptySecondsPerPlan", round(totals.greedyEmptySeconds / (double) replans))
                .put("dualCyclesPerPlan", round(totals.dualCycles / (double) replans))
                .put("reassignedPerReplan", round(totals.reassigned / (double) replans))
                .put("decisionsMillis", round(decisionsMillis))
                .encode());
    }

    /**
     * The greedy baseline's crane waiting on the same horizon: committed work stays, then jobs by due time, each to
     * the vehicle (of a kind that can carry it) that brings it to its crane soonest.
     */
    static Baseline greedy(DispatchRequest request, DispatchSettings settings, TransportDispatcher dispatcher) {
        DispatchProblem problem = DispatchProblem.of(request, settings.horizon(), dispatcher.lanes());
        int[] from = new int[problem.cars().size()];
        int[] free = new int[problem.cars().size()];
        long wait = 0;
        long empty = 0;
        java.util.Set<Integer> done = new java.util.HashSet<>();
        for (DispatchProblem.Car car : problem.cars()) {
            from[car.index()] = car.start();
            free[car.index()] = car.availableAt();
            for (int index : car.committed()) {
                Trip trip = Trip.of(problem, car.vehicle().kind(), from[car.index()], free[car.index()],
                        problem.jobs().get(index));
                wait += problem.jobs().get(index).job().servesCrane() ? trip.lateness() : 0;
                empty += trip.emptyDrive();
                from[car.index()] = problem.jobs().get(index).drop();
                free[car.index()] = trip.end();
                done.add(index);
            }
        }
        for (DispatchProblem.Job job : problem.jobs()) {
            if (done.contains(job.index())) {
                continue;
            }
            Trip best = null;
            DispatchProblem.Car bestCar = null;
            for (DispatchProblem.Car car : problem.cars()) {
                if (!job.job().carriers().contains(car.vehicle().kind())) {
                    continue;
                }
                Trip trip = Trip.of(problem, car.vehicle().kind(), from[car.index()], free[car.index()], job);
                if (best == null || trip.lateness() < best.lateness()
                        || trip.lateness() == best.lateness() && trip.end() < best.end()) {
                    best = trip;
                    bestCar = car;
                }
            }
            if (bestCar != null) {
                wait += job.job().servesCrane() ? best.lateness() : 0;
                empty += best.emptyDrive();
                from[bestCar.index()] = job.drop();
                free[bestCar.index()] = best.end();
            }
        }
        return new Baseline(wait, empty);
    }

    /** The greedy baseline's crane waiting and empty driving, in seconds. */
    record Baseline(long craneWaitSeconds, long emptySeconds) {
    }

    private static int plannedJobs(DispatchPlan plan) {
        return plan.routes().stream().mapToInt(route -> route.trips().size()).sum();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void progress(String message) {
        System.err.println("dispatch: " + message);
    }

    private static final class Totals {
        long jobs;
        long craneWaitSeconds;
        long greedyWaitSeconds;
        long greedyEmptySeconds;
        long lateMoves;
        long emptySeconds;
        long dualCycles;
        long reassigned;
        double vehiclesPerCrane;

        void add(DispatchPlan plan, Baseline greedy) {
            jobs += plannedJobs(plan);
            craneWaitSeconds += plan.figures().craneWaiting().toSeconds();
            greedyWaitSeconds += greedy.craneWaitSeconds();
            greedyEmptySeconds += greedy.emptySeconds();
            lateMoves += plan.figures().lateMoves();
            emptySeconds += plan.figures().emptyDriving().toSeconds();
            dualCycles += plan.figures().dualCycles();
            reassigned += plan.figures().reassigned();
            vehiclesPerCrane += plan.figures().pools().stream().mapToInt(p -> p.distinctVehicles()).average().orElse(0);
        }
    }

    /**
     * The vessel call carried out plan by plan: trips finished by the next event leave the job list and put their
     * vehicle at the drop; the trip under way and the next one due to start within a minute are committed.
     */
    static final class VesselCallLoop {
        private final Map<TransportJobId, TransportJob> open = new LinkedHashMap<>();
        private final Map<Object, Vehicle> vehicles = new LinkedHashMap<>();
        private final Random random;
        private final Instant start;
        private Instant now;
        private PublishedPlan published = PublishedPlan.NONE;

        VesselCallLoop(VesselCallFactory.Call call, Random random) {
            call.jobs().forEach(job -> open.put(job.id(), job));
            call.vehicles().forEach(vehicle -> vehicles.put(vehicle.id(), vehicle));
            this.random = random;
            this.start = call.start();
            this.now = call.start();
        }

        static VesselCallFactory.Call generate(Random random, int moves, int cranes, int vehicles) {
            return VesselCallFactory.generate(random, moves, cranes, vehicles);
        }

        long elapsedSeconds() {
            return Duration.between(start, now).toSeconds();
        }

        DispatchRequest request() {
            return new DispatchRequest(now, List.copyOf(open.values()), List.copyOf(vehicles.values()), published);
        }

        void advance(DispatchPlan plan, int seconds) {
            now = now.plusSeconds(seconds);
            Instant dispatchUntil = now.plusSeconds(60);
            Map<TransportJobId, Boolean> finished = new HashMap<>();
            for (VehicleRoute route : plan.routes()) {
                Vehicle vehicle = vehicles.get(route.vehicle());
                List<TransportJobId> committed = new ArrayList<>();
                var position = vehicle.position();
                Instant availableFrom = vehicle.availableFrom();
                for (PlannedTrip trip : route.trips()) {
                    if (!trip.free().isAfter(now)) {
                        finished.put(trip.id(), true);
                        position = trip.job().drop();
                        availableFrom = trip.free();
                    } else if (trip.departs().isBefore(dispatchUntil) && committed.size() < 2) {
                        // where and when it sets off on its first committed job: its plan's departure
                        availableFrom = committed.isEmpty() ? trip.departs() : availableFrom;
                        committed.add(trip.id());
                    }
                }
                if (committed.isEmpty() && random.nextInt(400) == 0) {
                    availableFrom = now.plus(Duration.ofMinutes(10));
                }
                vehicles.put(vehicle.id(), new Vehicle(vehicle.id(), vehicle.kind(), position, availableFrom, committed));
            }
            finished.keySet().forEach(open::remove);
            Map<org.portops.model.equipment.EquipmentId, List<TransportJobId>> routes = new HashMap<>();
            plan.toPublished().routes().forEach((vehicle, jobs) -> routes.put(vehicle,
                    jobs.stream().filter(open::containsKey).toList()));
            published = new PublishedPlan(routes);
        }
    }
}
