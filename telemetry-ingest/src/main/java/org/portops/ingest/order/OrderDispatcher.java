package org.portops.ingest.order;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.telemetry.Order;
import org.portops.model.telemetry.TelemetryTopic;
import org.portops.model.telemetry.Topic;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionState;

/**
 * Turns a dispatched work instruction into one {@link Order} per assigned machine, on the machine's {@code order}
 * topic, with PortOps's own per-machine sequence. The sequences start from the microseconds of the ingest's start,
 * so they keep growing across ingest restarts without being stored. Not thread-safe: used on the ingest's context.
 */
public final class OrderDispatcher {

    /** An order and the topic it goes on. */
    public record Outgoing(Topic topic, Order order) {
    }

    private final String terminal;
    private final Set<EquipmentId> machines;
    private final Clock clock;
    private final long firstSequence;
    private final Map<EquipmentId, Long> sequences = new HashMap<>();

    public OrderDispatcher(String terminal, Set<EquipmentId> machines, Clock clock) {
        this.terminal = terminal;
        this.machines = machines;
        this.clock = clock;
        this.firstSequence = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
    }

    /** The orders for an instruction that has just been dispatched; none for any other state. */
    public List<Outgoing> orders(WorkInstruction instruction) {
        if (instruction.state() != WorkInstructionState.DISPATCHED) {
            return List.of();
        }
        List<Outgoing> orders = new ArrayList<>();
        Instant now = clock.instant();
        for (EquipmentId machine : instruction.assigned()) {
            if (machines.contains(machine)) {
                long sequence = sequences.merge(machine, firstSequence, (last, first) -> last + 1);
                orders.add(new Outgoing(Topic.of(terminal, machine, TelemetryTopic.ORDER), new Order(machine, sequence,
                        now, instruction.id(), instruction.container(), instruction.kind(), instruction.from(),
                        instruction.to())));
            }
        }
        return orders;
    }
}
