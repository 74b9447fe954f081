package org.portops.bench.replan;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.portops.bench.state.BenchYard;
import org.portops.bench.support.Latencies;
import org.portops.bench.support.Table;
import org.portops.crane.dispatch.DispatchSettings;
import org.portops.crane.dispatch.TransportDispatcher;
import org.portops.crane.dispatch.mapping.MappingSettings;
import org.portops.crane.dispatch.mapping.TransportRequestMapper;
import org.portops.crane.dispatch.mapping.TransportRound;
import org.portops.crane.dispatch.mapping.YardCranes;
import org.portops.crane.journal.DecisionJournal;
import org.portops.crane.journal.TimeRange;
import org.portops.crane.live.BayPlanWorkSource;
import org.portops.crane.live.CallWork;
import org.portops.crane.live.CraneScheduler;
import org.portops.crane.live.CraneSchedulerVerticle;
import org.portops.crane.live.GeneratedCalls;
import org.portops.crane.live.LiveEvent;
import org.portops.crane.live.LivePlan;
import org.portops.crane.live.ReplanOutcome;
import org.portops.crane.live.SimulatedOperations;
import org.portops.crane.live.SteppingClock;
import org.portops.crane.live.YardRoom;
import org.portops.crane.solver.CraneReplanning;
import org.portops.crane.vessel.VesselWorkRules;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.EquipmentStatus;
import org.portops.model.equipment.Position;
import org.portops.model.equipment.Spreader;
import org.portops.model.event.Addresses;
import org.portops.model.event.EquipmentUpdated;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.vessel.VesselCallId;
import org.portops.state.json.YardEventJson;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@code ./portops bench replan}: the live crane scheduler on one vessel call (2,000 moves, 6 cranes) against the
 * real live yard (Hazelcast, PostgreSQL) and decision journal, fed a seeded stream of events at a steady rate —
 * machines starting and finishing moves (reported through live state, as the ingest does), crane faults and
 * returns, operator overrides, stalled vehicles, call changes. Measures event → new plan published in live state,
 * p50/p95/p99, and plan churn (voluntary reassignments per hour of simulated time); then replays the same stream
 * without the stability cost, so the churn it saves shows as a ratio.
 */
@Command(name = "replan", mixinStandardHelpOptions = true,
        description = "Continuous re-planning: event -> plan published latency (p50/p95/p99) and plan churn, 2,000 moves, 6 cranes.")
public final class ReplanBench implements Callable<Integer> {
    private static final Duration TARGET_P95 = Duration.ofSeconds(1);

    @Option(names = "--moves", defaultValue = "2000", description = "moves of the vessel call (default ${DEFAULT-VALUE})")
    int moves;

    @Option(names = "--cranes", defaultValue = "6", description = "quay cranes (default ${DEFAULT-VALUE})")
    int cranes;

    @Option(names = "--events", defaultValue = "120", description = "events per run (default ${DEFAULT-VALUE})")
    int events;

    @Option(names = "--interval-ms", defaultValue = "1000",
            description = "wall-clock time between events (default ${DEFAULT-VALUE}); each stands for 30 s on the quay")
    long intervalMillis;

    @Option(names = "--seed", defaultValue = "2026", description = "seed of the call and the event stream")
    long seed;

    @Option(names = "--vehicles", defaultValue = "60", description = "vehicles in service (default ${DEFAULT-VALUE});"
            + " above 0 the call is the sample terminal's berthed vessel call, mapped from its bay plan, and a"
            + " transport round plans the vehicles after every crane plan; 0: a seeded call of --moves, cranes only")
    int vehicles;

    @Option(names = "--solving", defaultValue = "warm-resolve",
            description = "how each event is searched: warm-resolve (a solver built per re-plan, the default) or"
                    + " problem-changes (one daemon solver per call, each event a Timefold ProblemChange)")
    String solving;

    private CraneReplanning.Solving solving() {
        return switch (solving) {
            case "warm-resolve" -> CraneReplanning.Solving.WARM_RESOLVE;
            case "problem-changes" -> CraneReplanning.Solving.PROBLEM_CHANGES;
            default -> throw new IllegalArgumentException("--solving must be warm-resolve or problem-changes, was "
                    + solving);
        };
    }

    private record Run(String label, Latencies latencies, Map<String, Integer> kinds, int refused, long voluntary,
                       long forced, double churnPerHour, long journalRows, double simulatedHours, int versions,
                       double solveP50Ms, double solveP95Ms, int moves, int cranes, double[] dispatchMs,
                       long dispatchRounds) {
    }

    @Override
    public Integer call() throws Exception {
        ((Logger) LoggerFactory.getLogger("ai.timefold")).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger("com.hazelcast")).setLevel(Level.WARN);
        progress(String.format("%d moves, %d cranes, %d events every %d ms, %d cores", moves, cranes, events,
                intervalMillis, Runtime.getRuntime().availableProcessors()));
        Run stable;
        Run free;
        if (vehicles > 0) {
            // the sample call is planned once per live yard: each run gets a fresh one
            try (BenchYard yard = new BenchYard(TerminalLayoutLoader.sample(), 1)) {
                stable = run(yard, "stability 300 s", 300, null);
            }
            try (BenchYard yard = new BenchYard(TerminalLayoutLoader.sample(), 1)) {
                free = run(yard, "no stability cost", 0, null);
            }
        } else {
            try (BenchYard yard = new BenchYard(TerminalLayoutLoader.sample(), 1)) {
                stable = run(yard, "stability 300 s", 300, "BENCH-" + seed);
                free = run(yard, "no stability cost", 0, "BENCH-" + seed + "-FREE");
            }
        }
        report(stable, free);
        double p95 = vehicles > 0 ? stable.dispatchMs()[1] * 1000 : stable.latencies().percentileMicros(0.95);
        return p95 <= TARGET_P95.toNanos() / 1_000.0 ? 0 : 1;
    }

    /**
     * The sample terminal's berthed call, its work mapped from its bay plan, and the transport round: {@code vehicles}
     * of the layout's horizontal-transport machines in service, the rest reported offline so the dispatcher leaves them.
     */
    private TransportRound transport(BenchYard yard, SteppingClock time) {
        TerminalLayout layout = TerminalLayoutLoader.sample();
        List<EquipmentId> fleet = layout.allEquipment().stream().filter(e -> e.kind().isHorizontalTransport())
                .map(Equipment::id).toList();
        if (fleet.size() < vehicles) {
            throw new IllegalArgumentException("the sample terminal has " + fleet.size() + " vehicles, asked for "
                    + vehicles);
        }
        for (EquipmentId vehicle : fleet.subList(vehicles, fleet.size())) {
            EquipmentState state = join(yard.yard().reader().equipment(vehicle)).orElseThrow();
            join(yard.yard().updateEquipment(new EquipmentState(vehicle, state.kind(), state.position(), 0, 0,
                    EquipmentStatus.OFFLINE, state.spreader(), null, List.of(), time.instant())));
        }
        return new TransportRound(yard.vertx(), yard.yard(), new TransportRequestMapper(layout, MappingSettings.DEFAULTS),
                new TransportDispatcher(layout, DispatchSettings.DEFAULTS, time), YardCranes.of(layout), time);
    }

    /**
     * The first {@code --cranes} quay cranes of the layout in quay order: the target's 6 cranes on the berthed call,
     * as a crane split giving it that many would (its berth's share alone is 3 of the sample's 14).
     */
    private List<EquipmentId> quayCranes(TerminalLayout layout) {
        return layout.allEquipment().stream().filter(e -> e.kind() == EquipmentKind.QUAY_CRANE).map(Equipment::id)
                .sorted(Comparator.comparing(EquipmentId::value)).limit(cranes).toList();
    }

    /** @param generatedCall the id of a seeded call to plan; null: the sample terminal's berthed call */
    private Run run(BenchYard yard, String label, int stabilitySeconds, String generatedCall) throws Exception {
        Vertx vertx = yard.vertx();
        SteppingClock time = new SteppingClock(Instant.now());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DecisionJournal journal = new DecisionJournal(vertx, yard.pool());
        CraneScheduler.Settings settings = new CraneScheduler.Settings(
                new CraneReplanning.Limits(Duration.ofMillis(500), Duration.ofMillis(150), seed), stabilitySeconds, 2,
                new CraneReplanning.Limits(Duration.ofSeconds(10), Duration.ofSeconds(2), seed), solving());
        TerminalLayout layout = TerminalLayoutLoader.sample();
        BayPlanWorkSource bayPlans = new BayPlanWorkSource(yard.yard().reader(), layout,
                new YardRoom(yard.yard().reader(), layout), new BayPlanWorkSource.Settings(cranes, 30, 20,
                VesselWorkRules.defaults(Instant.EPOCH)), time);
        CallWork work = generatedCall != null
                ? GeneratedCalls.generate(seed, generatedCall, moves, 40, cranes, time.instant())
                : join(bayPlans.workOf(join(yard.yard().reader().vesselCalls()).stream()
                .filter(c -> c.berth() != null).findFirst().orElseThrow())).withCranes(quayCranes(layout));
        String callId = work.call().value();
        CraneSchedulerVerticle verticle = new CraneSchedulerVerticle(yard.yard(), journal, bayPlans,
                generatedCall != null ? null : transport(yard, time), settings, time, registry);
        String deployment = join(vertx.deployVerticle(verticle));
        AtomicLong lastVersion = new AtomicLong();
        PlanWaiter waiter = new PlanWaiter();
        MessageConsumer<JsonObject> facts = vertx.eventBus().consumer(Addresses.CRANE_PLAN_PUBLISHED, message -> {
            if (message.body().getString("call").equals(callId)) {
                lastVersion.set(message.body().getLong("version"));
                waiter.published(message.body().getLong("version"));
            }
        });
        MessageConsumer<JsonObject> refusals = vertx.eventBus().consumer(Addresses.CRANE_PLAN_REFUSED, message -> {
            if (message.body().getString("call").equals(callId)) {
                waiter.refused();
            }
        });
        join(facts.completion());
        join(refusals.completion());
        Instant started = time.instant();
        VesselCallId call = work.call();
        int callMoves = work.tasks().stream().mapToInt(task -> task.moves().size()).sum();
        progress(label + ": first plan of " + work.tasks().size() + " tasks");
        ReplanOutcome first = join(verticle.startCall(work));
        if (!(first instanceof ReplanOutcome.Published)) {
            throw new IllegalStateException("no first plan: " + first);
        }
        SimulatedOperations operations = new SimulatedOperations(seed, 0.12);
        Latencies latencies = new Latencies();
        Map<String, Integer> kinds = new TreeMap<>();
        int refused = 0;
        long next = System.nanoTime();
        for (int i = 0; i < events; i++) {
            next += TimeUnit.MILLISECONDS.toNanos(intervalMillis);
            sleepUntil(next);
            time.advance(Duration.ofSeconds(30));
            LivePlan plan = onContext(vertx, () -> verticle.currentPlan(call));
            LiveEvent event = operations.next(plan, work, time.instant());
            if (event instanceof LiveEvent.CallChanged changed) {
                work = changed.work();
            }
            long version = lastVersion.get();
            Future<Long> published = waiter.after(version);
            long sent = System.nanoTime();
            boolean accepted = accepted(inject(yard, vertx, verticle, plan, event), published);
            if (accepted) {
                latencies.record(System.nanoTime() - sent);
                kinds.merge(event.kind(), 1, Integer::sum);
            } else {
                refused++;
            }
            if ((i + 1) % 20 == 0) {
                progress(String.format("%s: %d/%d events, p95 so far %.0f ms", label, i + 1, events,
                        latencies.percentileMicros(0.95) / 1000));
            }
        }
        double hours = Duration.between(started, time.instant()).toSeconds() / 3600.0;
        double voluntary = registry.find("portops.crane.replan.reassignments").tag("kind", "voluntary").counter().count();
        double forced = registry.find("portops.crane.replan.reassignments").tag("kind", "forced").counter().count();
        ValueAtPercentile[] solve = registry.find("portops.crane.replan.solve").timer().takeSnapshot().percentileValues();
        var dispatchTimer = registry.find("portops.crane.replan.dispatch.latency").timer();
        ValueAtPercentile[] dispatch = dispatchTimer.takeSnapshot().percentileValues();
        double[] dispatchMs = {round(dispatch[0].value(TimeUnit.MILLISECONDS)),
                round(dispatch[1].value(TimeUnit.MILLISECONDS)), round(dispatch[2].value(TimeUnit.MILLISECONDS))};
        FunctionCounter answered = registry.find("portops.crane.replan.problem.changes").functionCounter();
        progress(String.format("%s: %s, %.0f re-plans answered by problem changes", label, solving,
                answered == null ? 0 : answered.count()));
        join(vertx.undeploy(deployment));
        facts.unregister();
        refusals.unregister();
        long rows = join(journal.byVesselCall(call, new TimeRange(started.minusSeconds(1),
                time.instant().plusSeconds(3600)), 1_000_000).map(list -> (long) list.size()));
        return new Run(label, latencies, kinds, refused, (long) voluntary, (long) forced, voluntary / hours, rows, hours,
                (int) lastVersion.get(), round(solve[0].value(TimeUnit.MILLISECONDS)),
                round(solve[1].value(TimeUnit.MILLISECONDS)), callMoves, work.cranes().size(), dispatchMs,
                dispatchTimer.count());
    }

    /**
     * Delivers an event the way it reaches the scheduler in service: a machine's start or end of a move as its new
     * version in live state, a crane fault as the live yard's equipment fact, an override as the operator's command;
     * the rest straight to the scheduler (the bay-plan mapping that turns a changed vessel call into work is not
     * plugged in yet). Completes with the outcome where the path gives one, else empty (the fact tells).
     */
    private Future<Optional<Boolean>> inject(BenchYard yard, Vertx vertx, CraneSchedulerVerticle verticle,
                                             LivePlan plan, LiveEvent event) {
        return switch (event) {
            // from the version live state holds: it names the vehicle and yard crane transport added
            case LiveEvent.MoveStarted started -> yard.yard().reader().workInstruction(started.instruction())
                    .compose(held -> yard.yard().updateInstruction(held.orElseThrow().start(started.at())))
                    .map(result -> result.applied() ? Optional.empty() : Optional.of(false));
            case LiveEvent.MoveDone done -> yard.yard().reader().workInstruction(done.instruction())
                    .compose(held -> yard.yard().updateInstruction(held.orElseThrow().complete(done.at())))
                    .map(result -> result.applied() ? Optional.empty() : Optional.of(false));
            case LiveEvent.CraneOut out -> {
                vertx.eventBus().publish(Addresses.EQUIPMENT_UPDATED, YardEventJson.encode(new EquipmentUpdated(0,
                        out.at(), new EquipmentState(out.crane(), EquipmentKind.QUAY_CRANE, Position.ORIGIN, 0, 0,
                        EquipmentStatus.FAULT, Spreader.UNLOCKED, null, List.of("F17"), out.at()))));
                yield Future.succeededFuture(Optional.empty());
            }
            case LiveEvent.OperatorOverride override -> vertx.eventBus().<JsonObject>request(Addresses.CRANE_OVERRIDE,
                            new JsonObject().put("instruction", override.instruction().value())
                                    .put("crane", override.crane().value()).put("operator", override.operator()))
                    .map(reply -> Optional.of(true))
                    .recover(refused -> Future.succeededFuture(Optional.of(false)));
            case LiveEvent.CraneBack back -> outcome(verticle.submit(plan.call(), back));
            case LiveEvent.VehicleStalled stalled -> outcome(verticle.submit(plan.call(), stalled));
            case LiveEvent.CallChanged changed -> outcome(verticle.submit(plan.call(), changed));
        };
    }

    private static Future<Optional<Boolean>> outcome(Future<ReplanOutcome> outcome) {
        return outcome.map(o -> Optional.of(o instanceof ReplanOutcome.Published));
    }

    /** Whether the event led to a published plan: its outcome where known, else the plan or refusal fact. */
    private static boolean accepted(Future<Optional<Boolean>> delivered, Future<Long> published) {
        Optional<Boolean> known = join(delivered);
        if (known.isPresent()) {
            return known.get() && join(published) > 0;
        }
        try {
            return published.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS) > 0;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void report(Run stable, Run free) {
        Table table = new Table("run", "moves", "cranes", "events", "refused", "p50 ms", "p95 ms", "p99 ms", "max ms",
                "+vehicles p50/p95/p99 ms", "rounds", "solve p50/p95 ms", "plans", "reassigned (voluntary)", "forced",
                "churn /h", "journal rows");
        for (Run run : List.of(stable, free)) {
            table.row(run.label(), run.moves(), run.cranes(), run.latencies().count(), run.refused(),
                    ms(run.latencies(), 0.50), ms(run.latencies(), 0.95), ms(run.latencies(), 0.99),
                    ms(run.latencies(), 1.0), vehicles == 0 ? "-" : run.dispatchMs()[0] + " / " + run.dispatchMs()[1]
                            + " / " + run.dispatchMs()[2], run.dispatchRounds(),
                    run.solveP50Ms() + " / " + run.solveP95Ms(), run.versions(),
                    run.voluntary(), run.forced(), String.format(Locale.ROOT, "%.1f", run.churnPerHour()),
                    run.journalRows());
        }
        table.print(System.out);
        System.out.println("events by kind (stability run): " + stable.kinds());
        System.out.printf(Locale.ROOT, "p95 / target (1 s): %.2f; churn with / without stability cost: %s%n",
                stable.latencies().percentileMicros(0.95) / 1_000_000.0,
                free.churnPerHour() == 0 ? "n/a (none without)" : String.format(Locale.ROOT, "%.2f",
                        stable.churnPerHour() / free.churnPerHour()));
        JsonObject json = new JsonObject().put("bench", "replan").put("solving", solving).put("moves", stable.moves())
                .put("cranes", stable.cranes()).put("vehicles", vehicles)
                .put("vehiclesP50Ms", stable.dispatchMs()[0]).put("vehiclesP95Ms", stable.dispatchMs()[1])
                .put("vehiclesP99Ms", stable.dispatchMs()[2]).put("transportRounds", stable.dispatchRounds()).put("events", stable.latencies().count()).put("refused", stable.refused())
                .put("p50Ms", ms(stable.latencies(), 0.50)).put("p95Ms", ms(stable.latencies(), 0.95))
                .put("p99Ms", ms(stable.latencies(), 0.99)).put("maxMs", ms(stable.latencies(), 1.0))
                .put("solveP50Ms", stable.solveP50Ms()).put("solveP95Ms", stable.solveP95Ms())
                .put("churnPerHour", round(stable.churnPerHour()))
                .put("churnPerHourWithoutStability", round(free.churnPerHour()))
                .put("p95NoStabilityMs", ms(free.latencies(), 0.95))
                .put("simulatedHours", round(stable.simulatedHours()))
                .put("journalRows", stable.journalRows());
        System.out.println(json.encode());
    }

    private static double ms(Latencies latencies, double q) {
        return round(latencies.percentileMicros(q) / 1000.0);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static <T> T onContext(Vertx vertx, Supplier<T> read) {
        Promise<T> promise = Promise.promise();
        vertx.runOnContext(v -> promise.complete(read.get()));
        return join(promise.future());
    }

    private static <T> T join(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().orTimeout(60, TimeUnit.SECONDS).join();
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static void progress(String line) {
        System.err.println("[bench replan] " + line);
    }

    /** Waits for the published-plan fact of a version after a given one. */
    private static final class PlanWaiter {
        private long after = Long.MAX_VALUE;
        private Promise<Long> promise;

        synchronized Future<Long> after(long version) {
            after = version;
            promise = Promise.promise();
            return promise.future();
        }

        synchronized void published(long version) {
            if (promise != null && version > after) {
                promise.tryComplete(version);
            }
        }

        /** The scheduler kept its plan: completes the wait with -1. */
        synchronized void refused() {
            if (promise != null) {
                promise.tryComplete(-1L);
            }
        }
    }
}
