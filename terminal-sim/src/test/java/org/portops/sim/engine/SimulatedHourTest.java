package org.portops.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.KindLimits;
import org.portops.model.telemetry.EquipmentEvent.SpreaderLocked;
import org.portops.model.telemetry.EquipmentEvent.SpreaderUnlocked;
import org.portops.model.telemetry.EventMessage;
import org.portops.model.telemetry.StateReading;
import org.portops.model.work.VesselLocation;
import org.portops.sim.yard.YardInvariants;

/** One autonomous simulated hour of the sample terminal at 2 Hz, checked from what the machines reported. */
class SimulatedHourTest {

    private static final long SEED = 20261124L;
    private static SimEngine engine;
    private static List<StateReading> readings;
    private static List<EventMessage> events;
    private static int yardSizeAtStart;

    @BeforeAll
    static void runOneHour() {
        RecordingSink sink = new RecordingSink();
        engine = new SimEngine(Scenes.sample(SEED, 2), sink);
        yardSizeAtStart = engine.yard().size();
        engine.advance(Duration.ofHours(1));
        readings = sink.readings();
        events = sink.events();
    }

    private static Map<EquipmentId, List<StateReading>> byMachine() {
        Map<EquipmentId, List<StateReading>> by = new LinkedHashMap<>();
        readings.forEach(r -> by.computeIfAbsent(r.machineId(), id -> new ArrayList<>()).add(r));
        return by;
    }

    @Test
    void everyMachineReportsAtTheConfiguredRateWithGrowingSequence() {
        Map<EquipmentId, List<StateReading>> by = byMachine();
        assertThat(by.keySet()).containsExactlyInAnyOrderElementsOf(engine.machines().stream()
                .filter(id -> !id.value().startsWith("RMS-")).toList());
        by.forEach((id, list) -> {
            assertThat(list).as("readings of %s", id).hasSizeBetween(7199, 7201);
            for (int i = 1; i < list.size(); i++) {
                assertThat(list.get(i).sequence()).as("sequence of %s", id).isGreaterThan(list.get(i - 1).sequence());
                assertThat(list.get(i).timestamp()).isAfter(list.get(i - 1).timestamp());
            }
        });
    }

    @Test
    void speedAndAccelerationStayWithinTheKindsLimits() {
        byMachine().forEach((id, list) -> {
            KindLimits limits = KindLimits.of(list.getFirst().kind());
            for (int i = 1; i < list.size(); i++) {
                StateReading a = list.get(i - 1);
                StateReading b = list.get(i);
                double dt = Duration.between(a.timestamp(), b.timestamp()).toMillis() / 1000.0;
                String context = id + " seed " + SEED + " at " + b.timestamp();
                assertThat(b.speedMetresPerSecond()).as("speed of %s", context)
                        .isLessThanOrEqualTo(limits.maxSpeedMetresPerSecond() + 1e-9);
                assertThat(Math.abs(b.speedMetresPerSecond() - a.speedMetresPerSecond()) / dt)
                        .as("acceleration of %s", context)
                        .isLessThanOrEqualTo(limits.maxAccelerationMetresPerSecond2() * 1.01 + 1e-9);
                assertThat(a.position().distanceTo(b.position()) / dt).as("ground speed of %s", context)
                        .isLessThanOrEqualTo(limits.maxSpeedMetresPerSecond() * 1.01 + 1e-6);
            }
        });
    }

    @Test
    void positionsStayInsideTheTerminal() {
        TerminalGeometry geometry = engine.geometry();
        assertThat(readings).allSatisfy(r -> assertThat(geometry.inside(r.position()))
                .as("%s at %s, seed %d", r.machineId(), r.position(), SEED).isTrue());
    }

    @Test
    void workingQuayCranesMakeTwentyFiveToFortyMovesAnHour() {
        Map<EquipmentId, Integer> moves = engine.quayCraneMoves();
        List<Integer> working = moves.values().stream().filter(m -> m > 0).toList();
        assertThat(working).as("moves per working crane, seed %d: %s", SEED, moves).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(m -> assertThat(m).isBetween(25, 40));
    }

    @Test
    void yardInvariantsHoldAfterAnAutonomousHour() {
        assertThat(YardInvariants.violations(engine.yard().layout(), engine.yard().containers()))
                .as("seed %d", SEED).isEmpty();
        assertThat(engine.yard().size()).isNotEqualTo(yardSizeAtStart);
    }

    @Test
    void spreaderEventsNameTheContainerAndAlternateLockUnlockPerCrane() {
        Map<EquipmentId, EventMessage> lastLock = new HashMap<>();
        int loads = 0;
        for (EventMessage message : events) {
            switch (message.event()) {
                case SpreaderLocked locked -> assertThat(lastLock.put(message.machineId(), message))
                        .as("%s locked twice", message.machineId()).isNull();
                case SpreaderUnlocked unlocked -> {
                    EventMessage lock = lastLock.remove(message.machineId());
                    assertThat(lock).as("%s unlocked without lock", message.machineId()).isNotNull();
                    assertThat(((SpreaderLocked) lock.event()).container()).isEqualTo(unlocked.container());
                    assertThat(unlocked.location()).isNotEqualTo(((SpreaderLocked) lock.event()).location());
                    loads += unlocked.location() instanceof VesselLocation ? 1 : 0;
                }
                default -> {
                }
            }
        }
        assertThat(loads).as("boxes loaded onto the vessel").isPositive();
        assertThat(events.stream().filter(e -> e.event() instanceof SpreaderUnlocked u
                && u.location().toString().startsWith("gate:"))).as("boxes handed to trucks or taken from them")
                .isNotEmpty();
    }
}
