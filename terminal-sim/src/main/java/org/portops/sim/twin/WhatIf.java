package org.portops.sim.twin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Several scenarios side by side, the baseline first: each a {@link TwinRun} from the same starting state and seed,
 * run in parallel on up to {@code threads} threads (each run is single-threaded and deterministic, so running them
 * together changes nothing but the wall time).
 */
public final class WhatIf {

    /** How far each scenario has got, for a progress line. */
    public record Progress(String scenario, double done) {
    }

    private final TwinRun run;
    private final int threads;

    public WhatIf(TwinRun run, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a what-if needs at least 1 thread, was " + threads);
        }
        this.run = run;
        this.threads = threads;
    }

    /**
     * Runs the baseline and each scenario for {@code hours}; the results come in the same order, the baseline first.
     *
     * @throws IllegalArgumentException when a scenario does not fit the terminal (the first such, with its reason),
     *                                  or two scenarios share a name
     */
    public List<TwinKpis> compare(List<Scenario> scenarios, Duration hours, Consumer<Progress> progress) {
        List<Scenario> all = new ArrayList<>();
        all.add(Scenario.BASELINE);
        all.addAll(scenarios);
        if (all.stream().map(Scenario::name).distinct().count() != all.size()) {
            throw new IllegalArgumentException("scenario names must differ from each other and from 'baseline': "
                    + all.stream().map(Scenario::name).toList());
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, all.size()), r -> {
            Thread thread = new Thread(r, "portops-twin");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<TwinKpis>> runs = all.stream().map(scenario -> pool.submit(() -> run.run(scenario, hours,
                    done -> progress.accept(new Progress(scenario.name(), done))))).toList();
            List<TwinKpis> results = new ArrayList<>();
            for (Future<TwinKpis> future : runs) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("what-if interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw bad;
            }
            throw new IllegalStateException("what-if run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
