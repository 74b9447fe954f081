package org.portops.ingest.check;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.Position;
import org.portops.model.layout.TerminalBounds;
import org.portops.model.telemetry.TelemetryTopic;

/**
 * Why an MQTT message was refused. A refused message goes to quarantine with {@link #code()} and {@link #text()}
 * and never touches live state. Handle with a {@code switch} without {@code default}.
 */
public sealed interface Rejection {

    /** A stable code for the quarantine table and the metrics tag, e.g. {@code REPLAY}. */
    String code();

    /** The reason in operator language, with the evidence. */
    String text();

    /** The payload breaks the contract: not JSON, a field missing, mistyped or out of range. */
    record Malformed(String field, String problem) implements Rejection {
        public String code() {
            return "MALFORMED";
        }

        public String text() {
            return field + ": " + problem;
        }
    }

    /** The topic is not {@code portops/v1/{terminal}/{equipmentId}/{topic}} of this terminal, or is a downlink. */
    record UnknownTopic(String topic, String problem) implements Rejection {
        public String code() {
            return "UNKNOWN_TOPIC";
        }

        public String text() {
            return "topic '" + topic + "': " + problem;
        }
    }

    /** The topic names a machine the terminal does not have. */
    record UnknownMachine(EquipmentId machine, TelemetryTopic topic) implements Rejection {
        public String code() {
            return "UNKNOWN_MACHINE";
        }

        public String text() {
            return machine + " is not equipment of this terminal (nor a reefer monitor or gateway allowed on "
                    + topic.segment() + ")";
        }
    }

    /** The payload claims another machine than the topic it came on: spoofing. */
    record SpoofedId(EquipmentId topicMachine, EquipmentId claimed) implements Rejection {
        public String code() {
            return "SPOOFED_ID";
        }

        public String text() {
            return "message on " + topicMachine + "'s topic claims to be from " + claimed;
        }
    }

    /**
     * The message came through a TLS connection whose client certificate names another machine than the topic, or,
     * where every message must carry its sender's certificate, through none: spoofing at the transport level.
     *
     * @param certificate the common name of the sender's client certificate; null when there was none
     */
    record SpoofedCertificate(EquipmentId topicMachine, String certificate) implements Rejection {
        public String code() {
            return "SPOOFED_CERT";
        }

        public String text() {
            return certificate == null
                    ? "message on " + topicMachine + "'s topic came without a client certificate"
                    : "message on " + topicMachine + "'s topic came through the client certificate of '" + certificate
                    + "'";
        }
    }

    /** The sequence did not move forward: a replay or a duplicate. */
    record Replay(EquipmentId machine, TelemetryTopic topic, long sequence, long lastAccepted) implements Rejection {
        public String code() {
            return "REPLAY";
        }

        public String text() {
            return machine + " " + topic.segment() + " sequence " + sequence + " was accepted already or is more than "
                    + MachineTracks.WINDOW + " behind the last accepted " + lastAccepted + ": replayed or duplicated";
        }
    }

    /** The machine's timestamp is too far from the receiver's clock. */
    record ClockSkew(EquipmentId machine, Instant timestamp, Instant receivedAt, Duration window) implements Rejection {
        public String code() {
            return "CLOCK_SKEW";
        }

        public String text() {
            Duration off = Duration.between(receivedAt, timestamp);
            return machine + " timestamp " + timestamp + " is " + seconds(off.abs()) + " s "
                    + (off.isNegative() ? "behind" : "ahead of") + " the receiver's clock " + receivedAt
                    + " (window ±" + seconds(window) + " s)";
        }
    }

    /** The reading reports another kind of machine than the terminal registered under its id. */
    record KindMismatch(EquipmentId machine, EquipmentKind reported, EquipmentKind registered) implements Rejection {
        public String code() {
            return "KIND_MISMATCH";
        }

        public String text() {
            return machine + " reports itself as " + reported + " but is registered as " + registered;
        }
    }

    /** The reported speed is above what the kind of machine can do. */
    record SpeedAboveLimit(EquipmentId machine, EquipmentKind kind, double speed, double limit) implements Rejection {
        public String code() {
            return "SPEED_ABOVE_LIMIT";
        }

        public String text() {
            return machine + " reports " + fmt(speed) + " m/s, a " + kind + " does at most " + fmt(limit) + " m/s";
        }
    }

    /** The change of speed since the last accepted reading is above the kind's acceleration or braking. */
    record AccelerationAboveLimit(EquipmentId machine, EquipmentKind kind, double acceleration, double limit)
            implements Rejection {
        public String code() {
            return "ACCELERATION_ABOVE_LIMIT";
        }

        public String text() {
            return machine + " changed speed at " + fmt(acceleration) + " m/s², a " + kind + " manages at most "
                    + fmt(limit) + " m/s²";
        }
    }

    /** The position jumped further than the kind could travel since the last accepted reading. */
    record Teleport(EquipmentId machine, EquipmentKind kind, Position from, Position to, double seconds,
                    double maxSpeed) implements Rejection {
        public String code() {
            return "TELEPORT";
        }

        public String text() {
            double distance = Math.hypot(to.x() - from.x(), to.y() - from.y());
            return machine + " jumped " + fmt(distance) + " m from (" + fmt(from.x()) + ", " + fmt(from.y())
                    + ") to (" + fmt(to.x()) + ", " + fmt(to.y()) + ") in " + fmt(seconds) + " s, implying "
                    + fmt(distance / Math.max(seconds, 1e-3)) + " m/s; a " + kind + " does at most " + fmt(maxSpeed)
                    + " m/s";
        }
    }

    /** The position lies outside the terminal. */
    record OutsideTerminal(EquipmentId machine, Position position, TerminalBounds bounds) implements Rejection {
        public String code() {
            return "OUTSIDE_TERMINAL";
        }

        public String text() {
            return machine + " reports (" + fmt(position.x()) + ", " + fmt(position.y()) + "), outside the terminal "
                    + "x " + fmt(bounds.minX()) + ".." + fmt(bounds.maxX()) + ", y " + fmt(bounds.minY()) + ".."
                    + fmt(bounds.maxY());
        }
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String seconds(Duration duration) {
        return fmt(duration.toMillis() / 1000.0);
    }
}
