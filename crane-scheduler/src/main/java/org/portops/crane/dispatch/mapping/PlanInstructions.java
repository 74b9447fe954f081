package org.portops.crane.dispatch.mapping;

import org.portops.crane.dispatch.DispatchPlan;
import org.portops.crane.dispatch.PlannedTrip;
import org.portops.crane.dispatch.TransportJobId;
import org.portops.crane.dispatch.VehicleRoute;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A dispatch plan → work instruction updates. The rules:
 * <ul>
 *   <li>one instruction per container move, shared by its machines: the dispatcher owns only the transport vehicle in
 *   its {@code assigned} list and leaves the crane and yard crane there as they are;</li>
 *   <li>only the next job of each vehicle is DISPATCHED (sent to the machine), and only when the vehicle has no other
 *   dispatched job waiting: the driver's tablet shows one job, and later jobs stay PLANNED, with the vehicle named,
 *   so the next re-plan can still move them;</li>
 *   <li>a move its crane has already DISPATCHED without a vehicle gets one only as that vehicle's next job (naming a
 *   vehicle on a dispatched move sends it the order);</li>
 *   <li>IN_PROGRESS, SUSPENDED and finished moves, and moves committed to a vehicle, are never touched; nor is new work
 *   given to a vehicle that is not available;</li>
 *   <li>a move dispatched to a vehicle that is no longer available (stalled, faulted, offline) and not started goes to
 *   the vehicle the plan gives it: named and dispatched as its next job, else handed back to its crane without a
 *   vehicle until it is that vehicle's next job;</li>
 *   <li>a move that is already as planned gives no update.</li>
 * </ul>
 */
public final class PlanInstructions {

    private PlanInstructions() {
    }

    /** The updates that publish {@code plan}, made at {@code at}, and the job moves they amount to. */
    public static DispatchChanges changes(MappedRequest mapped, DispatchPlan plan, Instant at) {
        List<InstructionUpdate> updates = new ArrayList<>();
        List<JobMove> moves = new ArrayList<>();
        List<String> untouched = new ArrayList<>();
        for (VehicleRoute route : plan.routes()) {
            EquipmentId vehicle = route.vehicle();
            String unavailable = mapped.unavailable().get(vehicle);
            boolean mayDispatch = unavailable == null && route.trips().stream().filter(PlannedTrip::pinned)
                    .noneMatch(trip -> state(mapped, trip.id()) == WorkInstructionState.DISPATCHED);
            boolean next = true;
            for (PlannedTrip trip : route.trips()) {
                if (trip.pinned()) {
                    continue;
                }
                boolean dispatch = mayDispatch && next;
                next = false;
                WorkInstruction current = mapped.instructions().get(trip.id());
                Optional<WorkInstruction> planned = planned(mapped, current, vehicle, dispatch, unavailable, at,
                        untouched);
                boolean created = mapped.created().contains(trip.id());
                if (planned.isEmpty() || planned.get().equals(current) && !created) {
                    continue;
                }
                WorkInstruction version = planned.get();
                updates.add(created ? new InstructionUpdate.Create(version)
                        : new InstructionUpdate.Change(current, version));
                EquipmentId from = vehicleOf(current, mapped.fleet())
                        .or(() -> mapped.request().published().vehicleOf(trip.id())).orElse(null);
                if (!vehicle.equals(from)) {
                    moves.add(new JobMove(trip.id(), from, vehicle,
                            version.state() == WorkInstructionState.DISPATCHED));
                }
            }
        }
        return new DispatchChanges(updates, moves, untouched);
    }

    /** The move's next version on {@code vehicle}, or empty when the rules leave it as it is (reason noted). */
    private static Optional<WorkInstruction> planned(MappedRequest mapped, WorkInstruction current, EquipmentId vehicle,
                                                     boolean dispatch, String unavailable, Instant at,
                                                     List<String> untouched) {
        if (unavailable != null) {
            untouched.add(current.id() + ": not given to " + vehicle + ", " + unavailable);
            return Optional.empty();
        }
        List<EquipmentId> assigned = new ArrayList<>(current.assigned().stream()
                .filter(machine -> !mapped.fleet().contains(machine)).toList());
        assigned.add(vehicle);
        return switch (current.state()) {
            case PLANNED -> Optional.of(dispatch ? withAssignment(current, assigned, WorkInstructionState.DISPATCHED, at)
                    : withAssignment(current, assigned, WorkInstructionState.PLANNED, at));
            case DISPATCHED -> {
                Optional<EquipmentId> had = vehicleOf(current, mapped.fleet());
                if (had.isPresent() && !had.get().equals(vehicle) && mapped.unavailable().containsKey(had.get())) {
                    // the new vehicle takes the stalled one's place among the machines, or the move waits without one
                    List<EquipmentId> machines = new ArrayList<>(current.assigned());
                    if (dispatch) {
                        machines.set(machines.indexOf(had.get()), vehicle);
                    } else {
                        machines.remove(had.get());
                    }
                    yield Optional.of(withAssignment(current, machines, WorkInstructionState.DISPATCHED, at));
                }
                if (had.isPresent()) {
                    untouched.add(current.id() + ": committed to " + current.assigned());
                    yield Optional.empty();
                }
                if (!dispatch) {
                    untouched.add(current.id() + ": dispatched by its crane; " + vehicle
                            + " is named on it only when it is that vehicle's next job");
                    yield Optional.empty();
                }
                yield Optional.of(withAssignment(current, assigned, WorkInstructionState.DISPATCHED, at));
            }
            case IN_PROGRESS, SUSPENDED, DONE, FAILED, CANCELLED -> {
                untouched.add(current.id() + ": " + current.state() + ", never changed by a dispatch plan");
                yield Optional.empty();
            }
        };
    }

    /**
     * The same move with these machines in {@code target} state. PLANNED → DISPATCHED goes through the state machine;
     * staying in a state only changes the machines. The exception reason is kept: nothing the driver flagged is lost.
     */
    private static WorkInstruction withAssignment(WorkInstruction current, List<EquipmentId> assigned,
                                                  WorkInstructionState target, Instant at) {
        if (current.assigned().equals(assigned) && current.state() == target) {
            return current;
        }
        // a version older than the one held is refused by live state, so never date it before the current one
        Instant when = at.isBefore(current.updatedAt()) ? current.updatedAt() : at;
        if (target != current.state()) {
            return current.dispatch(assigned, when);
        }
        return new WorkInstruction(current.id(), current.container(), current.kind(), current.from(), current.to(),
                assigned, current.sequence(), target, current.exception(), when, current.twinWith());
    }

    private static WorkInstructionState state(MappedRequest mapped, TransportJobId job) {
        return mapped.instructions().get(job).state();
    }

    static Optional<EquipmentId> vehicleOf(WorkInstruction instruction, Set<EquipmentId> fleet) {
        return instruction.assigned().stream().filter(fleet::contains).findFirst();
    }
}
