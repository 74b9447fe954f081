package org.portops.sim.engine;

import java.time.Duration;
import java.time.Instant;
import org.portops.model.layout.Inventory;
import org.portops.model.layout.SampleInventory;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.telemetry.GeoReference;

/** The sample terminal as tests simulate it. */
final class Scenes {

    static final Instant START = Instant.parse("2026-11-24T06:00:00Z");
    static final TerminalLayout LAYOUT = TerminalLayoutLoader.sample();
    /** The sample inventory every scene starts from. */
    static final Inventory INVENTORY = SampleInventory.generate(LAYOUT, 7, START);

    private Scenes() {
    }

    static EngineConfig sample(long seed, double rateHz) {
        return sample(seed, rateHz, INVENTORY);
    }

    /** The sample terminal starting from {@code inventory} instead of the sample one. */
    static EngineConfig sample(long seed, double rateHz, Inventory inventory) {
        return new EngineConfig(LAYOUT, inventory, LAYOUT.terminalCode(), seed, START,
                rateHz, Duration.ofMinutes(1), GeoReference.SAMPLE);
    }
}
