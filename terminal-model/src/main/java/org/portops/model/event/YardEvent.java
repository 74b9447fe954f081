package org.portops.model.event;

import java.time.Instant;

/** A fact about the yard that crosses modules. */
public sealed interface YardEvent permits ContainerMoved, EquipmentUpdated, WorkInstructionChanged,
        VesselCallChanged {

    /** The durable log sequence of the event, 0 when it has none. */
    long sequence();

    Instant at();

    /** Refuses a negative sequence or a missing time; the events' compact constructors call it. */
    static void check(long sequence, Instant at) {
        if (sequence < 0) {
            throw new IllegalArgumentException("event sequence must be >= 0, was " + sequence);
        }
        if (at == null) {
            throw new NullPointerException("event time must not be null");
        }
    }
}
