package org.portops.ingest.check;

import org.portops.model.telemetry.TelemetryMessage;
import org.portops.model.telemetry.Topic;

/** What the checks decided about one MQTT message. */
public sealed interface Verdict {

    /**
     * Every check passed; the message may change state.
     *
     * @param late its sequence is behind the newest one accepted from its machine on its topic: it arrived after a
     *             newer message (readings come over several connections, and a broker may reorder QoS 0 messages
     *             of a shared subscription), so it must not replace what the newer one said
     */
    record Accepted(Topic topic, TelemetryMessage message, boolean late) implements Verdict {
    }

    /**
     * A check refused the message.
     *
     * @param topic the parsed topic, or null when the topic itself was refused
     */
    record Rejected(Topic topic, Rejection rejection) implements Verdict {
    }
}
