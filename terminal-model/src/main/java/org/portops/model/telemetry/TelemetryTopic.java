package org.portops.model.telemetry;

import java.util.Arrays;
import java.util.Optional;

/**
 * The last level of a PortOps MQTT topic, modelled on VDA 5050 ({@code connection}, {@code state}, {@code order},
 * {@code instantActions}, {@code visualization}), plus {@code events} for discrete equipment events and
 * {@code reefer} for the reefer monitoring system. Each carries its MQTT QoS and retain flag, which publishers must
 * use and subscribers may rely on.
 */
public enum TelemetryTopic {
    /** ONLINE / OFFLINE / CONNECTIONBROKEN; retained, also the last will. */
    CONNECTION("connection", 1, true),
    /** Periodic {@link StateReading}s, 1..10 Hz; loss of one is harmless. */
    STATE("state", 0, false),
    /** Discrete {@link EquipmentEvent}s (spreader lock/unlock, faults, instruction progress); never lost. */
    EVENTS("events", 1, false),
    /** Work instructions sent down to a machine. */
    ORDER("order", 1, false),
    /** Stop, pause, resume sent down to a machine. */
    INSTANT_ACTIONS("instantActions", 1, false),
    /** High-rate position only, for maps. */
    VISUALIZATION("visualization", 0, false),
    /** {@link ReeferReading}s from the reefer monitoring system (PortOps extension). */
    REEFER("reefer", 0, false);

    private final String segment;
    private final int qos;
    private final boolean retained;

    TelemetryTopic(String segment, int qos, boolean retained) {
        this.segment = segment;
        this.qos = qos;
        this.retained = retained;
    }

    /** The topic level as it appears on the wire, e.g. {@code instantActions}. */
    public String segment() {
        return segment;
    }

    /** The MQTT QoS publishers use on this topic. */
    public int qos() {
        return qos;
    }

    /** Whether publishers set the retain flag. */
    public boolean retained() {
        return retained;
    }

    /** The topic for a wire segment, case-sensitive as VDA 5050 is. */
    public static Optional<TelemetryTopic> fromSegment(String segment) {
        return Arrays.stream(values()).filter(t -> t.segment.equals(segment)).findFirst();
    }
}
