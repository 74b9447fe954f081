package org.portops.sim.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.portops.model.layout.Inventory;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.telemetry.GeoReference;

/**
 * What the engine simulates: the terminal (layout, as resized to the wanted fleet) and its starting inventory,
 * the terminal code used in topics, the seed of all randomness, the simulated start time, how often each machine
 * reports (1..10 Hz) and how often the reefer monitors report, who decides the machines' work ({@code mode}) and
 * how often each machine publishes its position on {@code visualization} (0 = never, else 1..10 Hz).
 */
public record EngineConfig(TerminalLayout layout, Inventory inventory, String terminalCode, long seed, Instant start,
                           double rateHz, Duration reeferPeriod, GeoReference geo, OperatingMode mode,
                           double visualizationHz) {

    public EngineConfig {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(terminalCode, "terminal code");
        Objects.requireNonNull(start, "start");
        if (!(rateHz >= 1 && rateHz <= 10)) {
            throw new IllegalArgumentException("reading rate must be 1..10 Hz, was " + rateHz);
        }
        Objects.requireNonNull(reeferPeriod, "reefer period");
        if (reeferPeriod.compareTo(Sim.TICK) < 0) {
            throw new IllegalArgumentException("reefer period must be at least " + Sim.TICK + ", was " + reeferPeriod);
        }
        Objects.requireNonNull(geo, "geo reference");
        Objects.requireNonNull(mode, "operating mode");
        if (!(visualizationHz == 0 || visualizationHz >= 1 && visualizationHz <= 10)) {
            throw new IllegalArgumentException("visualization rate must be 0 (off) or 1..10 Hz, was " + visualizationHz);
        }
    }

    /** Mixed mode, no visualization messages. */
    public EngineConfig(TerminalLayout layout, Inventory inventory, String terminalCode, long seed, Instant start,
                        double rateHz, Duration reeferPeriod, GeoReference geo) {
        this(layout, inventory, terminalCode, seed, start, rateHz, reeferPeriod, geo, OperatingMode.MIXED, 0);
    }

    public EngineConfig withMode(OperatingMode newMode) {
        return new EngineConfig(layout, inventory, terminalCode, seed, start, rateHz, reeferPeriod, geo, newMode,
                visualizationHz);
    }

    public EngineConfig withVisualization(double hz) {
        return new EngineConfig(layout, inventory, terminalCode, seed, start, rateHz, reeferPeriod, geo, mode, hz);
    }
}
