package org.portops.state;

import io.vertx.core.Future;
import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.yard.StackId;

import java.util.List;
import java.util.Optional;

/**
 * Reads the live yard. Every method returns at once; nothing blocks an event loop. A container's position is
 * resolved through the containers map, so no read shows a container lost or in two places.
 */
public interface YardStateReader {

    /** Occupancy, equipment and vessel calls at a glance (the operator map's header, {@code GET /api/yard/summary}). */
    Future<YardSummary> summary();

    /** Where a container is, empty when it is not in the terminal. */
    Future<Optional<ContainerView>> container(ContainerNumber number);

    /** Every container in the terminal and where it is, in no particular order (the operator map's first view). */
    Future<List<ContainerView>> containers();

    /** A stack's contents tier by tier; fails with {@link IllegalArgumentException} for a stack outside the yard. */
    Future<StackView> stack(StackId stack);

    Future<Optional<EquipmentState>> equipment(EquipmentId id);

    Future<List<EquipmentState>> equipment();

    Future<Optional<VesselCall>> vesselCall(VesselCallId id);

    Future<List<VesselCall>> vesselCalls();

    /**
     * The vessel calls whose bay plan names the container, each cut down to that container's entries, by ETA:
     * what one container's status needs, without reading whole bay plans.
     */
    Future<List<VesselCall>> vesselCallsCarrying(ContainerNumber container);

    Future<Optional<WorkInstruction>> workInstruction(WorkInstructionId id);

    Future<List<WorkInstruction>> workInstructions();

    /** One container's work instructions in any state, by sequence, selected where they are stored. */
    Future<List<WorkInstruction>> workInstructions(ContainerNumber container);
}
