package org.portops.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.PlacedContainer;
import org.portops.model.telemetry.EquipmentEvent;
import org.portops.model.telemetry.EquipmentEvent.InstructionAccepted;
import org.portops.model.telemetry.EquipmentEvent.InstructionCompleted;
import org.portops.model.telemetry.EquipmentEvent.InstructionRejected;
import org.portops.model.telemetry.EquipmentEvent.SpreaderUnlocked;
import org.portops.model.telemetry.EventMessage;
import org.portops.model.telemetry.Order;
import org.portops.model.work.Location;
import org.portops.model.work.MoveKind;
import org.portops.model.work.VesselLocation;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.StackId;
import org.portops.model.yard.Tier;
import org.portops.model.yard.YardSlot;
import org.portops.sim.yard.YardInvariants;

/**
 * Random orders, good and bad, sent into a mixed-mode terminal that keeps working on its own: whatever comes, the
 * simulator answers every instruction, finishes every one it accepted with the box where the order said, and its
 * yard obeys the yard rules throughout. Seeded; the seed is in every message.
 */
class RandomOrdersTest {

    private static final Duration ORDER_GAP = Duration.ofSeconds(20);
    private static final int ORDERS = 60;

    @Test
    void everyOrderIsAnsweredAndEveryAcceptedMoveEndsWhereItShould() {
        for (long seed : List.of(1L, 2L, 3L)) {
            run(seed);
        }
    }

    private static void run(long seed) {
        Random random = new Random(seed);
        RecordingSink sink = new RecordingSink();
        SimEngine engine = new SimEngine(Scenes.sample(seed, 1).withMode(OperatingMode.MIXED), sink);
        Map<String, Order> sent = new LinkedHashMap<>();
        for (int i = 0; i < ORDERS; i++) {
            String instruction = "WI-R" + i;
            List<Order> orders = random.nextBoolean() ? shift(engine, random, instruction)
                    : discharge(engine, random, instruction);
            orders.forEach(engine::order);
            orders.stream().findFirst().ifPresent(o -> sent.put(instruction, o));
            engine.advance(ORDER_GAP);
            assertThat(YardInvariants.violations(engine.yard().layout(), engine.yard().containers()))
                    .as("yard rules, seed %d, after order %d", seed, i).isEmpty();
        }
        engine.advance(Duration.ofHours(1));

        List<EventMessage> events = sink.events();
        Set<String> answered = new LinkedHashSet<>();
        Set<String> accepted = new LinkedHashSet<>();
        Set<String> completed = new LinkedHashSet<>();
        for (EventMessage message : events) {
            if (message.event() instanceof InstructionAccepted a) {
                answered.add(a.instruction().value());
                accepted.add(a.instruction().value());
            } else if (message.event() instanceof InstructionRejected r) {
                answered.add(r.instruction().value());
            } else if (message.event() instanceof InstructionCompleted c) {
                completed.add(c.instruction().value());
            }
        }
        assertThat(answered).as("answered instructions, seed %d", seed).containsExactlyInAnyOrderElementsOf(
                sent.keySet());
        assertThat(completed).as("accepted instructions completed, seed %d", seed)
                .containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(accepted).as("some orders were good, seed %d", seed).isNotEmpty();
        for (String instruction : completed) {
            Order order = sent.get(instruction);
            assertThat(lastUnlockBefore(events, instruction, order.container()))
                    .as("where %s set %s down, seed %d", instruction, order.container(), seed).contains(order.to());
        }
    }

    private static Optional<Location> lastUnlockBefore(List<EventMessage> events, String instruction,
                                                       ContainerNumber container) {
        Location last = null;
        for (EventMessage message : events) {
            EquipmentEvent event = message.event();
            if (event instanceof SpreaderUnlocked unlocked && unlocked.container().equals(container)) {
                last = unlocked.location();
            }
            if (event instanceof InstructionCompleted done && done.instruction().value().equals(instruction)) {
                return Optional.ofNullable(last);
            }
        }
        return Optional.empty();
    }

    /** A yard shift of a random yard box to a random slot of its block, for the yard crane of its slot (or none). */
    private static List<Order> shift(SimEngine engine, Random random, String instruction) {
        List<PlacedContainer> yard = engine.yard().containers();
        PlacedContainer box = yard.get(random.nextInt(yard.size()));
        BlockLayout block = engine.yard().block(box.slot().block()).orElseThrow();
        StackId stack = StackId.of(block.id().value(), 1 + random.nextInt(block.bays()), 1 + random.nextInt(block.rows()));
        YardSlot to = stack.at(new Tier(Math.min(block.maxTiers(), engine.yard().height(stack) + 1)));
        EquipmentId crane = engine.yardCraneWorking(box.slot())
                .orElse(engine.quayCranes().get(random.nextInt(engine.quayCranes().size())));
        if (to.equals(box.slot())) {
            return List.of();
        }
        return List.of(order(engine, crane, instruction, box.container().number(), MoveKind.YARD_SHIFT,
                new YardLocation(box.slot()), new YardLocation(to)));
    }

    /** A discharge of a random box aboard to a random yard slot, for a quay crane, a tractor and a yard crane. */
    private static List<Order> discharge(SimEngine engine, Random random, String instruction) {
        List<Map.Entry<VesselLocation, ContainerNumber>> aboard = new ArrayList<>(engine.onBoardAlongside().entrySet());
        if (aboard.isEmpty()) {
            return List.of();
        }
        Map.Entry<VesselLocation, ContainerNumber> box = aboard.get(random.nextInt(aboard.size()));
        List<BlockLayout> blocks = engine.yard().layout().blocks();
        BlockLayout block = blocks.get(random.nextInt(blocks.size()));
        StackId stack = StackId.of(block.id().value(), 1 + random.nextInt(block.bays()), 1 + random.nextInt(block.rows()));
        YardSlot to = stack.at(new Tier(Math.min(block.maxTiers(), engine.yard().height(stack) + 1)));
        Optional<EquipmentId> yardCrane = engine.yardCraneWorking(to);
        if (yardCrane.isEmpty()) {
            return List.of();
        }
        List<EquipmentId> tractors = engine.tractors();
        List<Order> orders = new ArrayList<>();
        for (EquipmentId machine : List.of(engine.nearestQuayCrane(box.getKey()),
                tractors.get(random.nextInt(tractors.size())), yardCrane.get())) {
            orders.add(order(engine, machine, instruction, box.getValue(), MoveKind.DISCHARGE, box.getKey(),
                    new YardLocation(to)));
        }
        return orders;
    }

    private static Order order(SimEngine engine, EquipmentId machine, String instruction, ContainerNumber container,
                               MoveKind kind, Location from, Location to) {
        return new Order(machine, 0, engine.now(), new WorkInstructionId(instruction), container, kind, from, to);
    }
}
