package org.portops.model.telemetry;

import java.time.Instant;
import org.portops.model.equipment.EquipmentId;

/**
 * A payload of the PortOps MQTT contract. Every one carries the id of the machine it is about, that machine's
 * sequence number (one counter per machine across all its topics, starting at 0 and growing by one per message the
 * machine sends) and the time it was produced.
 */
public sealed interface TelemetryMessage
        permits ConnectionMessage, StateReading, EventMessage, Order, InstantAction, Visualization, ReeferReading {

    EquipmentId machineId();

    long sequence();

    Instant timestamp();

    /** The topic this payload travels on. */
    TelemetryTopic topic();
}
