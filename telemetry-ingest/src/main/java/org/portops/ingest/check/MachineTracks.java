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
     * The sequences accepted on one topic of one machine: the newest, and which of the {@link #WINDOW} before it (a
     * ring of bits, bit {@code s mod WINDOW} for sequence {@code s}). A broker may hand a subscriber QoS 0 messages of
     * one publisher out of order (MQTT orders messages per subscription only for non-shared ones, and the ingest reads
     * readings over several connections of one shared group), so a sequence behind the newest is a replay only when it
     * was accepted already or lies beyond the window: the anti-replay window of IPsec (RFC 4303 §3.4.3).
     */
    static final class SequenceWindow {
        long newest;
        private final long[] seen = new long[WINDOW / Long.SIZE];

        SequenceWindow(long first) {
            this.newest = first;
            mark(first);
        }

        boolean accepts(long sequence) {
            if (sequence > newest) {
                return true;
            }
            return newest - sequence < WINDOW && !marked(sequence);
        }

        void accept(long sequence) {
            if (sequence > newest) {
                if (sequence - newest >= WINDOW) {
                    java.util.Arrays.fill(seen, 0L);
                } else {
                    for (long s = newest + 1; s < sequence; s++) {
                        unmark(s);
                    }
                }
                newest = sequence;
                mark(sequence);
            } else if (newest - sequence < WINDOW) {
                mark(sequence);
            }
        }

        private boolean marked(long sequence) {
            int bit = Math.floorMod(sequence, WINDOW);
            return (seen[bit / Long.SIZE] & (1L << (bit % Long.SIZE))) != 0;
        }

        private void mark(long sequence) {
            int bit = Math.floorMod(sequence, WINDOW);
            seen[bit / Long.SIZE] |= 1L << (bit % Long.SIZE);
        }

        private void unmark(long sequence) {
            int bit = Math.floorMod(sequence, WINDOW);
            seen[bit / Long.SIZE] &= ~(1L << (bit % Long.SIZE));
        }
    }

    /**
     * Sequences this far behind the newest accepted one are late arrivals still told from replays: 102 s of lag at
     * 10 readings a second between the ingest's readings connections (a loaded 2-core machine lagged one connection
     * more than 64 readings of a machine behind another), for 128 bytes per machine and topic.
     */
    static final int WINDOW = 1_024;

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
