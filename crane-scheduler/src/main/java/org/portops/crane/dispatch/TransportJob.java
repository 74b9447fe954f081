package org.portops.crane.dispatch;

import org.portops.model.container.ContainerNumber;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.work.MoveKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One box to carry between quay and yard (or within the yard), as the crane's sequence needs it.
 *
 * <ul>
 *   <li>{@link MoveKind#DISCHARGE}: from under the crane to a yard bay. {@code due} is when the crane sets the box
 *   down: the vehicle must be under the crane by then.</li>
 *   <li>{@link MoveKind#LOAD}: from a yard bay to under the crane. {@code due} is when the crane starts the cycle:
 *   the box must be under the crane by then.</li>
 *   <li>{@link MoveKind#YARD_SHIFT}: yard bay to yard bay, no crane; {@code due} is when it should be done.</li>
 * </ul>
 *
 * {@code yardHandling} is how long the yard crane takes to lift the box off (or onto) the vehicle at each yard end;
 * {@code carriers} are the vehicle kinds that can do the job (a block's cranes serve some kinds only).
 */
public record TransportJob(TransportJobId id, ContainerNumber container, MoveKind kind, HandoverPoint pickup,
                           HandoverPoint drop, CraneMove craneMove, Instant due, Duration yardHandling,
                           Set<EquipmentKind> carriers) {

    public TransportJob {
        if (id == null) {
            throw new IllegalArgumentException("transport job id must be given");
        }
        List<String> problems = new ArrayList<>();
        if (container == null) {
            problems.add("container must be given");
        }
        if (due == null) {
            problems.add("due time must be given");
        }
        if (yardHandling == null || yardHandling.isNegative()) {
            problems.add("yard handling time must be given and >= 0, was " + yardHandling);
        }
        if (carriers == null || carriers.isEmpty()) {
            problems.add("at least one vehicle kind must be able to carry it");
        } else {
            carriers.stream().filter(k -> !k.isHorizontalTransport()).forEach(k ->
                    problems.add(k + " is not horizontal transport (tractor, straddle carrier or AGV)"));
        }
        if (kind == null || pickup == null || drop == null) {
            problems.add("kind, pickup and drop must be given");
        } else {
            problems.addAll(shapeProblems(kind, pickup, drop, craneMove));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("transport job " + id + ": " + String.join("; ", problems));
        }
        carriers = Collections.unmodifiableSet(EnumSet.copyOf(carriers));
    }

    /** What is wrong with a job's ends for its kind: which end must be at which crane or in the yard. */
    private static List<String> shapeProblems(MoveKind kind, HandoverPoint pickup, HandoverPoint drop,
                                              CraneMove craneMove) {
        List<String> problems = new ArrayList<>();
        switch (kind) {
            case DISCHARGE -> {
                craneEnd("pickup", pickup, craneMove, problems);
                yardEnd("drop", drop, problems);
            }
            case LOAD -> {
                yardEnd("pickup", pickup, problems);
                craneEnd("drop", drop, craneMove, problems);
            }
            case YARD_SHIFT -> {
                yardEnd("pickup", pickup, problems);
                yardEnd("drop", drop, problems);
                if (craneMove != null) {
                    problems.add("a yard shift serves no crane, was given " + craneMove);
                }
            }
            case REHANDLE, GATE_IN, GATE_OUT -> problems.add("kind " + kind
                    + " is not horizontal transport between quay and yard (discharge, load or yard shift)");
        }
        return problems;
    }

    private static void craneEnd(String end, HandoverPoint point, CraneMove craneMove, List<String> problems) {
        if (craneMove == null) {
            problems.add("the crane move it serves must be given");
        }
        if (!(point instanceof HandoverPoint.UnderCrane underCrane)) {
            problems.add(end + " must be under the crane, was " + point.label());
        } else if (craneMove != null && !underCrane.crane().equals(craneMove.crane())) {
            problems.add(end + " is under " + underCrane.crane() + " but the move is for " + craneMove.crane());
        }
    }

    private static void yardEnd(String end, HandoverPoint point, List<String> problems) {
        if (!(point instanceof HandoverPoint.BlockBay)) {
            problems.add(end + " must be a yard bay, was " + point.label());
        }
    }

    /** Whether a quay crane waits for this job (discharge, load); a yard shift serves none. */
    public boolean servesCrane() {
        return craneMove != null;
    }

    @Override
    public String toString() {
        return id + " (" + kind + (craneMove != null ? " " + craneMove : "") + ")";
    }
}
