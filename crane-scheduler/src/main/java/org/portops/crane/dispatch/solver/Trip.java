package org.portops.crane.dispatch.solver;

import org.portops.crane.dispatch.DispatchProblem;
import org.portops.model.equipment.EquipmentKind;

/**
 * One job's timeline on a vehicle that is free at {@code free} (seconds from the epoch) at point {@code from}:
 * drive empty to the pickup, take the box, drive it to the drop, hand it over.
 *
 * <ul>
 *   <li>Discharge: the crane sets the box down at its due time, or when the vehicle arrives if that is later (the
 *   crane waits); the yard crane lifts it off after the drive.</li>
 *   <li>Load: the yard crane puts the box on; the vehicle drives to the crane and is free when the crane takes the
 *   box at its due time, or on arrival if later (the crane waits).</li>
 *   <li>Yard shift: a yard crane at each end; late when done after its due time.</li>
 * </ul>
 */
public record Trip(int emptyFrom, int emptyDrive, int atPickup, int pickedUp, int atDrop, int end, int lateness) {

    public static Trip of(DispatchProblem problem, EquipmentKind kind, int from, int free, DispatchProblem.Job job) {
        int empty = problem.seconds(kind, from, job.pickup());
        int loaded = problem.seconds(kind, job.pickup(), job.drop());
        int atPickup = free + empty;
        int handling = job.yardHandling();
        return switch (job.job().kind()) {
            case DISCHARGE -> {
                int pickedUp = Math.max(atPickup, job.due());
                int atDrop = pickedUp + loaded;
                yield new Trip(from, empty, atPickup, pickedUp, atDrop, atDrop + handling,
                        Math.max(0, atPickup - job.due()));
            }
            case LOAD -> {
                int pickedUp = atPickup + handling;
                int atDrop = pickedUp + loaded;
                yield new Trip(from, empty, atPickup, pickedUp, atDrop, Math.max(atDrop, job.due()),
                        Math.max(0, atDrop - job.due()));
            }
            case YARD_SHIFT -> {
                int pickedUp = atPickup + handling;
                int atDrop = pickedUp + loaded;
                int end = atDrop + handling;
                yield new Trip(from, empty, atPickup, pickedUp, atDrop, end, Math.max(0, end - job.due()));
            }
            case REHANDLE, GATE_IN, GATE_OUT -> throw new IllegalStateException(
                    "job " + job.job().id() + " of kind " + job.job().kind() + " is not transport");
        };
    }
}
