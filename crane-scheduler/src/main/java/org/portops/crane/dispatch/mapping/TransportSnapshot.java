package org.portops.crane.dispatch.mapping;

import io.vertx.core.Future;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.Location;
import org.portops.model.work.WorkInstruction;
import org.portops.state.ContainerView;
import org.portops.state.YardStateReader;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the transport mapping needs of the live yard at one moment, as immutable values: every machine's last reported
 * state, every work instruction, where the containers of the queued crane moves are, the vessel calls, and each quay
 * crane's work queue. {@link #read} gathers it through {@link YardStateReader} futures; {@link TransportRequestMapper}
 * turns it into a dispatch request in plain Java.
 */
public record TransportSnapshot(Instant at, List<EquipmentState> equipment, List<WorkInstruction> instructions,
                                Map<ContainerNumber, Location> containers, List<VesselCall> calls,
                                List<CraneWorkQueue> queues) {

    public TransportSnapshot {
        if (at == null) {
            throw new IllegalArgumentException("the time of a transport snapshot must be given");
        }
        equipment = List.copyOf(equipment);
        instructions = List.copyOf(instructions);
        containers = Map.copyOf(containers);
        calls = List.copyOf(calls);
        queues = List.copyOf(queues);
    }

    /**
     * Reads the live yard for {@code queues}; completes on the reader's context without blocking it. The time of the
     * snapshot is taken when the reads are done, so nothing in it is newer than its time.
     */
    public static Future<TransportSnapshot> read(YardStateReader reader, List<CraneWorkQueue> queues, Clock clock) {
        Future<List<EquipmentState>> equipment = reader.equipment();
        Future<List<WorkInstruction>> instructions = reader.workInstructions();
        Future<List<VesselCall>> calls = reader.vesselCalls();
        Set<ContainerNumber> wanted = new LinkedHashSet<>();
        queues.forEach(queue -> queue.moves().forEach(move -> wanted.add(move.instruction().container())));
        List<Future<Optional<ContainerView>>> containers = new ArrayList<>();
        wanted.forEach(number -> containers.add(reader.container(number)));
        return Future.all(List.of(equipment, instructions, calls, Future.all(containers))).map(done -> {
            Map<ContainerNumber, Location> where = new HashMap<>();
            containers.forEach(found -> found.result().ifPresent(view ->
                    where.put(view.container().number(), view.location())));
            return new TransportSnapshot(clock.instant(), equipment.result(), instructions.result(), where,
                    calls.result(), queues);
        });
    }
}
