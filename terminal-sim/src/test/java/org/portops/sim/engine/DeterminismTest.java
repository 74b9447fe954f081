package org.portops.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portops.model.telemetry.EventMessage;

class DeterminismTest {

    private static RecordingSink run(long seed) {
        RecordingSink sink = new RecordingSink();
        SimEngine engine = new SimEngine(Scenes.sample(seed, 1), sink);
        engine.advance(Duration.ofMinutes(20));
        return sink;
    }

    @Test
    void sameSeedGivesTheSameEventsAndReadings() {
        RecordingSink first = run(42);
        RecordingSink second = run(42);
        List<EventMessage> events = first.events();
        assertThat(events).as("events of seed 42").hasSizeGreaterThan(50);
        assertThat(second.events()).as("events of seed 42, second run").isEqualTo(events);
        assertThat(second.readings()).as("readings of seed 42, second run").isEqualTo(first.readings());
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        assertThat(run(43).events()).isNotEqualTo(run(42).events());
    }
}
