package org.portops.sim.engine;

import org.portops.model.telemetry.TelemetryMessage;
import org.portops.model.telemetry.Topic;

/** What the simulator hands its sink: a contract message to encode, or raw bytes (a malformed-payload attack). */
public sealed interface Outbound {

    Topic topic();

    /** A well-formed message; the sink encodes it with the telemetry codec. */
    record Message(Topic topic, TelemetryMessage message) implements Outbound {
    }

    /** Bytes sent as they are, with what makes them bad (for the test's and demo's log). */
    record Raw(Topic topic, byte[] payload, String defect) implements Outbound {
    }
}
