package org.portops.sim.twin;

import org.portops.model.equipment.EquipmentId;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.Inventory;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.telemetry.GeoReference;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.sim.engine.EngineConfig;
import org.portops.sim.engine.Injection;
import org.portops.sim.engine.OperatingMode;
import org.portops.sim.engine.SimEngine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * One what-if run: the simulated terminal from a starting state (the live yard's snapshot or the sample terminal),
 * run on its own (autonomous operation: vessels worked by their gangs, trucks through the gate) as fast as the
 * machine allows under a {@link Scenario}, and measured. Deterministic: the engine steps fixed ticks of simulated time
 * with one seeded random source, and the scenario's events are applied between ticks at their simulated times, so
 * the same start, scenario and seed give the same figures on any machine at any speed.
 */
public final class TwinRun {
    /** Readings are not needed to measure; the engine's slowest rate keeps its work down. */
    private static final double RATE_HZ = 1;
    private static final Duration STEP = Duration.ofMinutes(5);

    private final TerminalLayout layout;
    private final Inventory start;
    private final Instant startTime;
    private final long seed;

    public TwinRun(TerminalLayout layout, Inventory start, Instant startTime, long seed) {
        this.layout = layout;
        this.start = start;
        this.startTime = startTime;
        this.seed = seed;
    }

    /**
     * Runs {@code scenario} for {@code hours}; {@code progress} hears the share done (0..1) every few simulated
     * minutes.
     *
     * @throws IllegalArgumentException when an event names a machine, block or vessel call the terminal does not
     *                                  have, or shifts a call already alongside
     */
    public TwinKpis run(Scenario scenario, Duration hours, DoubleConsumer progress) {
        if (hours.isNegative() || hours.isZero() || hours.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("a what-if runs for more than 0 and at most 7 days, was " + hours);
        }
        Inventory inventory = shifted(scenario);
        SimEngine engine = new SimEngine(new EngineConfig(layout, inventory, layout.terminalCode(), seed, startTime,
                RATE_HZ, Duration.ofMinutes(5), GeoReference.SAMPLE, OperatingMode.AUTONOMOUS, 0), message -> { });
        List<Timed> actions = actions(scenario, engine);
        Duration done = Duration.ZERO;
        int next = 0;
        while (done.compareTo(hours) < 0) {
            Duration until = done.plus(STEP).compareTo(hours) > 0 ? hours : done.plus(STEP);
            while (next < actions.size() && actions.get(next).at().compareTo(until) < 0) {
                Timed action = actions.get(next++);
                engine.advance(action.at().minus(done));
                done = action.at();
                action.apply().run();
            }
            engine.advance(until.minus(done));
            done = until;
            progress.accept((double) done.toSeconds() / hours.toSeconds());
        }
        return kpis(scenario, engine, hours);
    }

    /** An action on the engine at a simulated time. */
    private record Timed(Duration at, int order, Runnable apply) {
    }

    private List<Timed> actions(Scenario scenario, SimEngine engine) {
        List<Timed> actions = new ArrayList<>();
        List<EquipmentId> tractors = engine.tractors();
        for (ScenarioEvent event : scenario.events()) {
            int order = actions.size();
            switch (event) {
                case ScenarioEvent.Breakdown breakdown -> {
                    EquipmentId machine = breakdown.machine();
                    if (!engine.machines().contains(machine)) {
                        throw new IllegalArgumentException("scenario " + scenario.name() + ": no machine "
                                + machine.value() + " in the terminal");
                    }
                    actions.add(new Timed(breakdown.at(), order, () -> engine.inject(new Injection.Breakdown(machine,
                            "WHATIF_BREAKDOWN", "what-if breakdown"))));
                    actions.add(new Timed(breakdown.at().plus(breakdown.repairAfter()), order,
                            () -> engine.inject(new Injection.Repair(machine))));
                }
                case ScenarioEvent.VesselShift ignored -> {
                    // applied to the starting state
                }
                case ScenarioEvent.BlockClosed closed -> {
                    if (layout.blocks().stream().noneMatch(b -> b.id().equals(closed.block()))) {
                        throw new IllegalArgumentException("scenario " + scenario.name() + ": no block "
                                + closed.block().value() + " in the terminal");
                    }
                    actions.add(new Timed(closed.at(), order, () -> engine.closeBlock(closed.block(), true)));
                    actions.add(new Timed(closed.at().plus(closed.duration()), order,
                            () -> engine.closeBlock(closed.block(), false)));
                }
                case ScenarioEvent.GateSurge surge -> {
                    actions.add(new Timed(surge.at(), order, () -> engine.gateArrivalFactor(surge.factor())));
                    actions.add(new Timed(surge.at().plus(surge.duration()), order, () -> engine.gateArrivalFactor(1)));
                }
                case ScenarioEvent.TractorShortage shortage -> {
                    if (shortage.tractors() > tractors.size()) {
                        throw new IllegalArgumentException("scenario " + scenario.name() + ": " + shortage.tractors()
                                + " tractors out, but the terminal has " + tractors.size());
                    }
                    List<EquipmentId> out = tractors.subList(0, shortage.tractors());
                    actions.add(new Timed(shortage.at(), order,
                            () -> out.forEach(t -> engine.inject(new Injection.Stall(t)))));
                    actions.add(new Timed(shortage.at().plus(shortage.duration()), order,
                            () -> out.forEach(t -> engine.inject(new Injection.Repair(t)))));
                }
            }
        }
        // stable order: by time, then by the event's place in the scenario
        actions.sort(Comparator.comparing(Timed::at).thenComparingInt(Timed::order));
        return actions;
    }

    private Inventory shifted(Scenario scenario) {
        Map<VesselCallId, Duration> shifts = new HashMap<>();
        for (ScenarioEvent event : scenario.events()) {
            if (event instanceof ScenarioEvent.VesselShift shift) {
                shifts.merge(shift.call(), shift.shift(), Duration::plus);
            }
        }
        List<VesselCall> calls = new ArrayList<>();
        for (VesselCall call : start.vesselCalls()) {
            Duration shift = shifts.remove(call.id());
            if (shift == null) {
                calls.add(call);
                continue;
            }
            Instant berthing = call.etb() != null ? call.etb() : call.eta();
            if (!berthing.isAfter(startTime)) {
                throw new IllegalArgumentException("scenario " + scenario.name() + ": vessel call " + call.id().value()
                        + " is alongside at the start; only calls still to come can arrive earlier or later");
            }
            calls.add(call.withTimes(call.eta().plus(shift), call.etb() == null ? null : call.etb().plus(shift),
                    call.etd().plus(shift)));
        }
        if (!shifts.isEmpty()) {
            throw new IllegalArgumentException("scenario " + scenario.name() + ": no vessel call "
                    + shifts.keySet().stream().map(VesselCallId::value).sorted().toList() + " in the starting state");
        }
        return new Inventory(start.containers(), calls);
    }

    private TwinKpis kpis(Scenario scenario, SimEngine engine, Duration hours) {
        long shareSeconds = engine.quayCraneShareSeconds().values().stream().mapToLong(Long::longValue).sum();
        long waitingSeconds = engine.quayCraneWaitingSeconds().values().stream().mapToLong(Long::longValue).sum();
        List<Double> turns = engine.truckTurnSeconds().stream().sorted().toList();
        double mean = turns.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN) / 60;
        double p95 = turns.isEmpty() ? Double.NaN : turns.get((int) Math.ceil(0.95 * turns.size()) - 1) / 60;
        long groundSlots = 0;
        for (BlockLayout block : layout.blocks()) {
            groundSlots += (long) block.bays() * block.rows() * block.maxTiers();
        }
        Map<VesselCallId, Instant> berthed = engine.berthedAt();
        Map<VesselCallId, Instant> sailed = engine.sailedAt();
        List<TwinKpis.VesselOutcome> vessels = new ArrayList<>();
        for (VesselCall call : start.vesselCalls()) {
            vessels.add(new TwinKpis.VesselOutcome(call.id(), hoursFromStart(berthed.get(call.id())),
                    hoursFromStart(sailed.get(call.id()))));
        }
        int moves = engine.vesselMoves();
        return new TwinKpis(scenario.name(), scenario.describe(), seed, hours.toSeconds() / 3600.0, moves,
                shareSeconds == 0 ? 0 : moves / (shareSeconds / 3600.0), waitingSeconds / 3600.0,
                shareSeconds == 0 ? 0 : (double) waitingSeconds / shareSeconds, turns.size(), mean, p95,
                groundSlots == 0 ? 0 : (double) engine.yard().size() / groundSlots, vessels, engine.quayCraneMoves());
    }

    private Double hoursFromStart(Instant at) {
        return at == null ? null : Duration.between(startTime, at).toSeconds() / 3600.0;
    }
}
