package org.portops.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portops.ingest.IngestHarness.eventually;
import static org.portops.state.testsupport.Await.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.PlacedContainer;
import org.portops.model.layout.SampleInventory;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.layout.TerminalLayoutLoader;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.BlockId;
import org.portops.model.yard.StackId;
import org.portops.model.yard.Tier;
import org.portops.model.yard.YardSlot;
import org.portops.sim.FleetSizer;
import org.portops.sim.SimulatorConfig;
import org.portops.sim.TerminalSimulator;
import org.portops.sim.engine.OperatingMode;
import org.portops.sim.engine.SimEngine;
import org.portops.state.ChangeResult;
import org.portops.state.ContainerView;

/**
 * Work instructions executed end to end: a dispatched instruction put into the live yard is sent by the ingest as
 * orders over a real broker, the simulated machines carry the move out and report it, and the instruction ends
 * DONE with the container at its destination in the live yard and in the durable move log. The simulator runs
 * directed, so nothing but the orders moves, and starts from the live yard's sample inventory. The two moves, on
 * machines of their own, run at the same time.
 */
class SimulatedTerminalOrdersTest {

    private static final Instant START = Instant.parse("2026-11-24T06:00:00Z");
    /** The live yard's sample-inventory seed, so the simulator's yard and vessels are the live yard's. */
    private static final long SAMPLE_SEED = 20261124L;
    private static final int MACHINES = 24;
    private static final double SPEED_UP = 10;

    @TempDir
    static Path folder;
    private static Brokers.Broker broker;
    private static IngestHarness harness;
    private static TerminalSimulator simulator;
    private static WorkInstruction shift;
    private static WorkInstruction discharge;

    @BeforeAll
    static void start() throws Exception {
        broker = Brokers.hiveMq(folder);
        TerminalLayout sample = TerminalLayoutLoader.sample();
        TerminalLayout layout = FleetSizer.resize(sample, MACHINES);
        ScaledClock simulatedTime = new ScaledClock(START, SPEED_UP);
        harness = new IngestHarness(broker.url(), layout, Clock.fixed(START, ZoneOffset.UTC), simulatedTime);
        harness.deploy(harness.config());
        simulator = TerminalSimulator.start(new SimulatorConfig(broker.url(), null, 2, SPEED_UP, SAMPLE_SEED, MACHINES,
                0, Clock.fixed(START, ZoneOffset.UTC), sample, "sim-" + System.nanoTime(), null, null)
                .withMode(OperatingMode.DIRECTED));
        simulatedTime.run();
        // Directed and without orders, the simulator's yard stands still: reading it from here is safe. Both moves
        // are chosen before either is dispatched, on different yard cranes, and then run at the same time.
        SimEngine engine = simulator.engine();
        shift = yardShift(engine);
        discharge = discharge(engine, shift.assigned().getFirst());
        for (WorkInstruction dispatched : List.of(shift, discharge)) {
            assertThat(await(harness.yard.updateInstruction(dispatched))).isEqualTo(ChangeResult.APPLIED);
        }
    }

    @AfterAll
    static void stop() {
        if (simulator != null) {
            simulator.stop();
        }
        if (harness != null) {
            harness.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void yardShiftDispatchedToOneYardCraneEndsDoneWithTheContainerMoved() {
        executed(shift);
    }

    @Test
    void dischargeDispatchedToQuayCraneTractorAndYardCraneEndsDoneWithTheContainerInTheYard() {
        executed(discharge);
        assertThat(harness.query("select machine_id, outcome from telemetry_event where instruction_id = ? and type = "
                + "'instructionAccepted' order by id", discharge.id().value())).extracting(row -> row.get(0) + " "
                + row.get(1)).containsExactlyInAnyOrderElementsOf(discharge.assigned().stream()
                .map(m -> m + " INSTRUCTION_UPDATED").toList());
    }

    /**
     * A yard shift worked by one yard crane: a box that crane can lift now and a free slot of its own, in another stack.
     */
    private static WorkInstruction yardShift(SimEngine engine) {
        for (PlacedContainer placed : engine.yard().containers()) {
            Optional<EquipmentId> working = engine.yardCraneWorking(placed.slot());
            if (placed.container().length().yardBays() == 1 && working.isPresent()
                    && engine.yard().whyNotLift(placed.container().number()).isEmpty()) {
                Optional<YardSlot> free = freeSlot(engine, placed.container(), placed.slot().block().value(),
                        working.get(), placed.slot().stack());
                if (free.isPresent()) {
                    return WorkInstruction.planned(new WorkInstructionId("WI-E2E-SHIFT"), placed.container().number(),
                            MoveKind.YARD_SHIFT, new YardLocation(placed.slot()), new YardLocation(free.get()), 1,
                            START).dispatch(List.of(working.get()), START);
                }
            }
        }
        throw new AssertionError("no box to shift");
    }

    /**
     * A discharge from the vessel alongside through its nearest quay crane, the first tractor and a yard crane other
     * than {@code busyYardCrane}, into a free slot of that crane's (so it cannot be the slot the other move fills).
     */
    private static WorkInstruction discharge(SimEngine engine, EquipmentId busyYardCrane) {
        Map.Entry<VesselLocation, ContainerNumber> aboard = engine.onBoardAlongside().entrySet().iterator().next();
        Container box = sampleContainer(aboard.getValue());
        for (BlockLayout block : engine.yard().layout().blocks()) {
            Optional<EquipmentId> working = engine.yardCraneWorking(StackId.of(block.id().value(), 1, 1)
                    .at(new Tier(1))).filter(crane -> !crane.equals(busyYardCrane));
            Optional<YardSlot> free = working.flatMap(c -> freeSlot(engine, box, block.id().value(), c, null));
            if (free.isPresent()) {
                List<EquipmentId> machines = List.of(engine.nearestQuayCrane(aboard.getKey()),
                        engine.tractors().getFirst(), working.get());
                return WorkInstruction.planned(new WorkInstructionId("WI-E2E-DISCHARGE"), box.number(),
                        MoveKind.DISCHARGE, aboard.getKey(), new YardLocation(free.get()), 2, START)
                        .dispatch(machines, START);
            }
        }
        throw new AssertionError("no yard slot for " + box.number());
    }

    /** Waits for the simulated machines to carry out the dispatched instruction, and checks where its box ended. */
    private static void executed(WorkInstruction dispatched) {
        WorkInstructionId id = dispatched.id();
        ContainerNumber container = dispatched.container();
        Location destination = dispatched.to();
        eventually(Duration.ofSeconds(150), () -> assertThat(await(harness.yard.reader().workInstruction(id)))
                .map(WorkInstruction::state).contains(WorkInstructionState.DONE));

        assertThat(await(harness.yard.reader().container(container)).map(ContainerView::location))
                .as("%s in the live yard", container).contains(destination);
        assertThat(harness.count("select count(*) from move_log where container = ? and to_location = ?",
                container.value(), destination.toString())).as("the move into %s in the move log", destination)
                .isEqualTo(1);
        assertThat(harness.query("select type, outcome, outcome_text from telemetry_event where instruction_id = ? "
                + "and outcome <> 'INSTRUCTION_UPDATED'", id.value())).as("instruction events not applied").isEmpty();
        assertThat(harness.query("select container, outcome, outcome_text from telemetry_event where container = ? "
                + "and outcome in ('MOVE_REFUSED', 'UNPAIRED')", container.value())).as("refused moves").isEmpty();
        // Readings may be quarantined for clock skew when the machine is loaded; events carry the move and must not be.
        assertThat(harness.query("select reason_code, reason_text from telemetry_quarantine where topic like "
                + "'%/events'")).as("quarantined events").isEmpty();
    }

    /** The master data of a container of the sample inventory both sides start from. */
    private static Container sampleContainer(ContainerNumber number) {
        return SampleInventory.generate(harness.layout, SAMPLE_SEED, START).vesselCalls().stream()
                .flatMap(call -> call.bayPlan().entries().stream()).map(BayPlanEntry::container)
                .filter(c -> c.number().equals(number)).findFirst().orElseThrow();
    }

    /** A slot of {@code block} worked by {@code crane} where {@code box} could be set down now. */
    private static Optional<YardSlot> freeSlot(SimEngine engine, Container box, String block, EquipmentId crane,
                                               StackId notStack) {
        BlockLayout layout = engine.yard().block(new BlockId(block)).orElseThrow();
        for (int bay = 1; bay + box.length().yardBays() - 1 <= layout.bays(); bay += 2) {
            for (int row = 1; row <= layout.rows(); row++) {
                StackId stack = StackId.of(block, bay, row);
                int height = engine.yard().height(stack);
                if (stack.equals(notStack) || height >= layout.maxTiers()) {
                    continue;
                }
                YardSlot slot = stack.at(new Tier(height + 1));
                boolean worked = engine.yardCraneWorking(slot).equals(Optional.of(crane))
                        && engine.yardCraneWorking(StackId.of(block, bay + box.length().yardBays() - 1, row)
                        .at(new Tier(height + 1))).equals(Optional.of(crane));
                if (worked && engine.yard().whyNotMove(box, slot).isEmpty()) {
                    return Optional.of(slot);
                }
            }
        }
        return Optional.empty();
    }
}
