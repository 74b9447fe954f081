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
 * What the checks remember per machine: the last accepted sequence per topic and the last accepted motion sample.
 * Sequences are tracked per topic because each topic comes in on its own MQTT subscription, and the broker keeps
 * order within one subscription only; a replay repeats a message on its own topic, so it is still caught. Not
 * thread-safe: used on the ingest's one Vert.x context.
 */
final class MachineTracks {

    /** A position and speed a machine reported at a time. */
    record Motion(Instant at, Position position, double speed) {
    }

    private static final class Track {
        final Map<TelemetryTopic, Long> sequences = new EnumMap<>(TelemetryTopic.class);
        Motion motion;
    }

    private final Map<EquipmentId, Track> tracks = new HashMap<>();

    OptionalLong lastSequence(EquipmentId machine, TelemetryTopic topic) {
        Track track = tracks.get(machine);
        Long last = track == null ? null : track.sequences.get(topic);
        return last == null ? OptionalLong.empty() : OptionalLong.of(last);
    }

    Motion lastMotion(EquipmentId machine) {
        Track track = tracks.get(machine);
        return track == null ? null : track.motion;
    }

    void accepted(EquipmentId machine, TelemetryTopic topic, long sequence) {
        tracks.computeIfAbsent(machine, id -> new Track()).sequences.merge(topic, sequence, Math::max);
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
