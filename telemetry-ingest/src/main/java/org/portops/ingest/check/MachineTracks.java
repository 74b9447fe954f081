package org.portops.ingest.check;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.equipment.Position;
import org.portops.model.telemetry.TelemetryTopic;

/**
 * What the checks remember per machine: the sequences accepted per topic (a window behind the newest) and the newest
 * accepted motion sample.
 * Sequences are tracked per topic because each topic comes in on its own MQTT subscription, and the broker keeps
 * order within one subscription only; a replay repeats a message on its own topic, so it is still caught. Not
 * thread-safe: used on the ingest's one Vert.x context.
 */
final class MachineTracks {

    /** A position and speed a machine reported at a time. */
    record Motion(Instant at, Position position, double speed) {
    }

    private static final class Track {
        final Map<TelemetryTopic, SequenceWindow> sequences = new EnumMap<>(TelemetryTopic.class);
        Motion motion;
    }

    private final Map<EquipmentId, Track> tracks = new HashMap<>();

    /**
     * The sequences accepted on one topic of one machine: the newest, and which of the {@link #WINDOW} before it
     * (bit {@code i}: newest − i). A broker may hand a subscriber QoS 0 messages of one publisher out of order (MQTT
     * orders messages per subscription only for non-shared ones), so a sequence behind the newest is a replay only
     * when it was accepted already or lies beyond the window: the anti-replay window of IPsec (RFC 4303 §3.4.3).
     */
    static final class SequenceWindow {
        long newest;
        long seen = 1;

        SequenceWindow(long first) {
            this.newest = first;
        }

        boolean accepts(long sequence) {
            if (sequence > newest) {
                return true;
            }
            long behind = newest - sequence;
            return behind < WINDOW && (seen & (1L << behind)) == 0;
        }

        void accept(long sequence) {
            if (sequence > newest) {
                long shift = sequence - newest;
                seen = shift >= WINDOW ? 1 : (seen << shift) | 1;
                newest = sequence;
            } else if (newest - sequence < WINDOW) {
                seen |= 1L << (newest - sequence);
            }
        }
    }

    /** Sequences this far behind the newest accepted one are late arrivals still told from replays. */
    static final int WINDOW = 64;

    /** The newest accepted sequence of the topic, when {@code sequence} would be a replay there; else empty. */
    OptionalLong replayOf(EquipmentId machine, TelemetryTopic topic, long sequence) {
        Track track = tracks.get(machine);
        SequenceWindow window = track == null ? null : track.sequences.get(topic);
        return window == null || window.accepts(sequence) ? OptionalLong.empty() : OptionalLong.of(window.newest);
    }

    /** Whether {@code sequence} is behind the newest accepted sequence of the machine's topic. */
    boolean behindNewest(EquipmentId machine, TelemetryTopic topic, long sequence) {
        Track track = tracks.get(machine);
        SequenceWindow window = track == null ? null : track.sequences.get(topic);
        return window != null && sequence < window.newest;
    }

    Motion lastMotion(EquipmentId machine) {
        Track track = tracks.get(machine);
        return track == null ? null : track.motion;
    }

    void accepted(EquipmentId machine, TelemetryTopic topic, long sequence) {
        Track track = tracks.computeIfAbsent(machine, id -> new Track());
        SequenceWindow window = track.sequences.get(topic);
        if (window == null) {
            track.sequences.put(topic, new SequenceWindow(sequence));
        } else {
            window.accept(sequence);
        }
    }

    void moved(EquipmentId machine, Motion motion) {
        tracks.computeIfAbsent(machine, id -> new Track()).motion = motion;
    }

    /** A new ONLINE: the machine's counter starts again, on every topic. */
    void restart(EquipmentId machine) {
        Track track = tracks.get(machine);
        if (track != null) {
            track.sequences.clear();
        }
    }
}
