package org.portops.ingest.check;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.portops.ingest.check.MachineTracks.Motion;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.layout.TerminalBounds;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.telemetry.ConnectionMessage;
import org.portops.model.telemetry.ConnectionState;
import org.portops.model.telemetry.EventMessage;
import org.portops.model.telemetry.InstantAction;
import org.portops.model.telemetry.Order;
import org.portops.model.telemetry.ReeferReading;
import org.portops.model.telemetry.StateReading;
import org.portops.model.telemetry.TelemetryCodec;
import org.portops.model.telemetry.TelemetryFormatException;
import org.portops.model.telemetry.TelemetryMessage;
import org.portops.model.telemetry.TelemetryTopic;
import org.portops.model.telemetry.Topic;
import org.portops.model.telemetry.Visualization;

/**
 * Decodes and checks one MQTT message, in order: the topic (shape, this terminal, an uplink topic, because the
 * topic says which payload schema applies), the payload against the contract, a known sender, the payload's machine
 * id equal to the topic's (else spoofing), a sequence moving forward per machine and topic (else replay), the
 * timestamp within the skew window of the receiver's clock, and physical plausibility of readings. Remembers what
 * it accepted; not thread-safe: call it from one thread (the ingest's Vert.x context).
 */
public final class MessageChecks {

    private final String terminal;
    private final KnownSenders senders;
    private final Duration skewWindow;
    private final Duration eventMaxAge;
    private final Plausibility plausibility;
    private final boolean senderCertified;
    private final TelemetryCodec codec = new TelemetryCodec();
    private final MachineTracks tracks = new MachineTracks();
    /**
     * Topics already parsed, of known senders only (so the map is bounded by the layout, whatever is published):
     * every machine publishes on the same few topics, and parsing each one again cost as much as a tenth of the checks.
     */
    private final Map<String, Topic> knownTopics = new HashMap<>();

    /**
     * @param skewWindow  how far a timestamp may be from the receiver's clock, either way
     * @param eventMaxAge how old a QoS 1 event may be: events wait in the broker's session while ingest is down, so
     *                    they keep the future side of the window only and may be this old
     */
    public MessageChecks(TerminalLayout layout, String terminal, KnownSenders senders, Duration skewWindow,
                         Duration eventMaxAge) {
        this(layout, terminal, senders, skewWindow, eventMaxAge, false);
    }

    /**
     * @param senderCertified every message carries the common name of its sender's client certificate (mutual TLS
     *                        with a broker that stamps it): it must be the topic's machine
     */
    public MessageChecks(TerminalLayout layout, String terminal, KnownSenders senders, Duration skewWindow,
                         Duration eventMaxAge, boolean senderCertified) {
        this.senderCertified = senderCertified;
        this.terminal = terminal;
        this.senders = senders;
        this.skewWindow = skewWindow;
        this.eventMaxAge = eventMaxAge;
        this.plausibility = new Plausibility(TerminalBounds.of(layout));
    }

    /**
     * Checks a message.
     *
     * @param receivedAt the receiver's clock when the message arrived
     * @param redelivery the broker's DUP flag on a QoS 1 message: sent again after a reconnect, so its sequence
     *                   may already have been seen; the event store de-duplicates it instead
     */
    public Verdict check(String topicText, byte[] payload, Instant receivedAt, boolean redelivery) {
        return check(topicText, payload, receivedAt, redelivery, null);
    }

    /**
     * Checks a message that came through a client certificate.
     *
     * @param senderCertificate the common name of the sender's client certificate, null when unknown
     */
    public Verdict check(String topicText, byte[] payload, Instant receivedAt, boolean redelivery,
                         String senderCertificate) {
        Topic topic = knownTopics.get(topicText);
        if (topic == null) {
            try {
                topic = Topic.parse(topicText);
            } catch (TelemetryFormatException e) {
                return new Verdict.Rejected(null, new Rejection.UnknownTopic(topicText, e.problem()));
            }
            if (topic.terminal().equals(terminal) && senders.mayPublish(topic.equipment(), topic.topic())) {
                knownTopics.put(topicText, topic);
            }
        }
        Rejection refused = topicProblem(topicText, topic);
        if (refused != null) {
            return new Verdict.Rejected(topic, refused);
        }
        TelemetryMessage message;
        try {
            message = codec.decode(topic.topic(), payload);
        } catch (TelemetryFormatException e) {
            return new Verdict.Rejected(topic, new Rejection.Malformed(e.field(), e.problem()));
        }
        refused = firstProblem(topic, message, receivedAt, redelivery, senderCertificate);
        if (refused != null) {
            return new Verdict.Rejected(topic, refused);
        }
        boolean late = tracks.behindNewest(message.machineId(), topic.topic(), message.sequence());
        remember(topic, message);
        return new Verdict.Accepted(topic, message, late);
    }

    private Rejection topicProblem(String text, Topic topic) {
        if (!topic.terminal().equals(terminal)) {
            return new Rejection.UnknownTopic(text, "is for terminal " + topic.terminal() + ", this is " + terminal);
        }
        return switch (topic.topic()) {
            case ORDER, INSTANT_ACTIONS -> new Rejection.UnknownTopic(text, topic.topic().segment()
                    + " is sent by PortOps to machines, never by a machine");
            case CONNECTION, STATE, EVENTS, VISUALIZATION, REEFER -> null;
        };
    }

    private Rejection firstProblem(Topic topic, TelemetryMessage message, Instant receivedAt, boolean redelivery,
                                   String senderCertificate) {
        EquipmentId machine = topic.equipment();
        if (!senders.mayPublish(machine, topic.topic())) {
            return new Rejection.UnknownMachine(machine, topic.topic());
        }
        if (senderCertified && !machine.value().equals(senderCertificate)) {
            return new Rejection.SpoofedCertificate(machine, senderCertificate);
        }
        if (!message.machineId().equals(machine)) {
            return new Rejection.SpoofedId(machine, message.machineId());
        }
        Rejection refused = sequence(topic, message, redelivery);
        if (refused == null) {
            refused = skew(message, receivedAt);
        }
        if (refused == null) {
            refused = physics(message);
        }
        return refused;
    }

    private Rejection sequence(Topic topic, TelemetryMessage message, boolean redelivery) {
        if (message instanceof ConnectionMessage connection && connection.state() != ConnectionState.OFFLINE) {
            // ONLINE starts the machine's counter again; CONNECTIONBROKEN is the will, composed at connect time.
            return null;
        }
        if (redelivery && topic.topic() == TelemetryTopic.EVENTS) {
            return null;
        }
        OptionalLong newest = tracks.replayOf(message.machineId(), topic.topic(), message.sequence());
        return newest.isPresent()
                ? new Rejection.Replay(message.machineId(), topic.topic(), message.sequence(), newest.getAsLong())
                : null;
    }

    private Rejection skew(TelemetryMessage message, Instant receivedAt) {
        Instant at = message.timestamp();
        boolean aheadTooFar = at.isAfter(receivedAt.plus(skewWindow));
        Duration pastAllowance = switch (message) {
            case ConnectionMessage c when c.state() == ConnectionState.CONNECTIONBROKEN -> null;
            case EventMessage e -> eventMaxAge;
            case ConnectionMessage c -> skewWindow;
            case StateReading r -> skewWindow;
            case ReeferReading r -> skewWindow;
            case Visualization v -> skewWindow;
            case Order o -> skewWindow;
            case InstantAction a -> skewWindow;
        };
        boolean behindTooFar = pastAllowance != null && at.isBefore(receivedAt.minus(pastAllowance));
        return aheadTooFar || behindTooFar
                ? new Rejection.ClockSkew(message.machineId(), at, receivedAt, skewWindow) : null;
    }

    private Rejection physics(TelemetryMessage message) {
        return switch (message) {
            case StateReading r -> motion(r.machineId(), r.kind(), new Motion(r.timestamp(), r.position(),
                    r.speedMetresPerSecond()));
            case Visualization v -> senders.kindOf(v.machineId()).map(kind -> motion(v.machineId(), kind,
                    new Motion(v.timestamp(), v.position(), v.speedMetresPerSecond()))).orElse(null);
            case ConnectionMessage c -> null;
            case EventMessage e -> null;
            case ReeferReading r -> null;
            case Order o -> null;
            case InstantAction a -> null;
        };
    }

    private Rejection motion(EquipmentId machine, EquipmentKind reported, Motion now) {
        EquipmentKind registered = senders.kindOf(machine).orElse(reported);
        if (registered != reported) {
            return new Rejection.KindMismatch(machine, reported, registered);
        }
        return plausibility.check(machine, registered, tracks.lastMotion(machine), now);
    }

    private void remember(Topic topic, TelemetryMessage message) {
        EquipmentId machine = message.machineId();
        switch (message) {
            case ConnectionMessage c -> connection(topic, c);
            case StateReading r -> {
                tracks.accepted(machine, topic.topic(), r.sequence());
                remember(machine, new Motion(r.timestamp(), r.position(), r.speedMetresPerSecond()));
            }
            case Visualization v -> {
                tracks.accepted(machine, topic.topic(), v.sequence());
                remember(machine, new Motion(v.timestamp(), v.position(), v.speedMetresPerSecond()));
            }
            case EventMessage e -> tracks.accepted(machine, topic.topic(), e.sequence());
            case ReeferReading r -> tracks.accepted(machine, topic.topic(), r.sequence());
            case Order o -> tracks.accepted(machine, topic.topic(), o.sequence());
            case InstantAction a -> tracks.accepted(machine, topic.topic(), a.sequence());
        }
    }

    private void connection(Topic topic, ConnectionMessage message) {
        switch (message.state()) {
            case ONLINE -> {
                tracks.restart(message.machineId());
                tracks.accepted(message.machineId(), topic.topic(), message.sequence());
            }
            case OFFLINE -> tracks.accepted(message.machineId(), topic.topic(), message.sequence());
            case CONNECTIONBROKEN -> {
                // The will's sequence is that of the connect; it says nothing about the counter now.
            }
        }
    }

    private void remember(EquipmentId machine, Motion motion) {
        Motion previous = tracks.lastMotion(machine);
        if (previous == null || motion.at().isAfter(previous.at())) {
            tracks.moved(machine, motion);
        }
    }
}
