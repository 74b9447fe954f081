package org.portops.ingest.check;

import org.portops.model.telemetry.TelemetryMessage;
import org.portops.model.telemetry.Topic;

/** What the checks decided about one MQTT message. */
public sealed interface Verdict {

    /** Every check passed; the message may change state. */
    record Accepted(Topic topic, TelemetryMessage message) implements Verdict {
    }

    /**
     * A check refused the message.
     *
     * @param topic the parsed topic, or null when the topic itself was refused
     */
    record Rejected(Topic topic, Rejection rejection) implements Verdict {
    }
}
