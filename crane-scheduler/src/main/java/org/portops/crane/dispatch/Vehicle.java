package org.portops.crane.dispatch;

import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A tractor, straddle carrier or AGV as the dispatcher sees it, and the jobs already dispatched to it or in progress
 * on it, in order ({@code committed}). Committed jobs are pinned: the dispatcher plans after them and never moves
 * them. {@code position} and {@code availableFrom} say where and when the vehicle sets off on its first committed
 * job (for a job in progress, where and when it set off, possibly before now); with nothing committed, where it is
 * and when it is free (a past time means now). A vehicle that has stalled keeps its committed jobs until the
 * operator recalls them; its {@code availableFrom} says when it is expected back.
 */
public record Vehicle(EquipmentId id, EquipmentKind kind, HandoverPoint position, Instant availableFrom,
                      List<TransportJobId> committed) {

    public Vehicle {
        if (id == null) {
            throw new IllegalArgumentException("vehicle id must be given");
        }
        if (kind == null || !kind.isHorizontalTransport()) {
            throw new IllegalArgumentException("vehicle " + id + " must be a tractor, straddle carrier or AGV, was "
                    + kind);
        }
        if (position == null) {
            throw new IllegalArgumentException("position of vehicle " + id + " must be given");
        }
        if (availableFrom == null) {
            throw new IllegalArgumentException("available-from time of vehicle " + id + " must be given");
        }
        committed = List.copyOf(committed == null ? List.of() : committed);
        Set<TransportJobId> seen = new HashSet<>();
        for (TransportJobId job : committed) {
            if (!seen.add(job)) {
                throw new IllegalArgumentException("vehicle " + id + " lists committed job " + job + " twice");
            }
        }
    }

    /** A vehicle with nothing dispatched to it. */
    public static Vehicle idle(EquipmentId id, EquipmentKind kind, HandoverPoint position, Instant availableFrom) {
        return new Vehicle(id, kind, position, availableFrom, List.of());
    }
}
