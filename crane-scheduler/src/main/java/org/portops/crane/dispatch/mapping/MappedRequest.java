package org.portops.crane.dispatch.mapping;

import org.portops.crane.dispatch.DispatchRequest;
import org.portops.crane.dispatch.TransportJobId;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dispatch request made from a {@link TransportSnapshot}, and what publishing its plan needs to know: the work
 * instruction behind every job ({@code instructions}: the live version, or the crane planner's version of a move live
 * state does not have yet — those ids are in {@code created}), the transport fleet, the vehicles that may take no new
 * work and why, each crane's measured delay, and the moves that could not be made jobs, with the reason.
 */
public record MappedRequest(DispatchRequest request, Map<TransportJobId, WorkInstruction> instructions,
                            Set<TransportJobId> created, Set<EquipmentId> fleet, Map<EquipmentId, String> unavailable,
                            Map<EquipmentId, CraneDelay> delays, List<String> skipped) {

    public MappedRequest {
        instructions = Map.copyOf(instructions);
        created = Set.copyOf(created);
        fleet = Set.copyOf(fleet);
        unavailable = Map.copyOf(unavailable);
        delays = Map.copyOf(delays);
        skipped = List.copyOf(skipped);
    }

    /**
     * How far behind its plan a crane is: its last done move ({@code measuredOn}) was done {@code delay} after the end
     * the plan gave it. Its later moves' due times are shifted by {@code delay}; a crane ahead of plan counts 0.
     */
    public record CraneDelay(EquipmentId crane, Duration delay, WorkInstructionId measuredOn) {
    }
}
