package org.portops.model.telemetry;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.portops.model.equipment.EquipmentId;

/**
 * A PortOps MQTT topic {@code portops/v1/{terminal}/{equipmentId}/{topic}}, e.g.
 * {@code portops/v1/NQCT/QC01/state}. {@link #parse} refuses anything else with the reason.
 */
public record Topic(String terminal, EquipmentId equipment, TelemetryTopic topic) {

    /** Interface name and major version, the first two levels (VDA 5050: {@code uagv/v2}). */
    public static final String PREFIX = "portops/v1/";
    private static final Pattern TERMINAL = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,15}");
    private static final Pattern EQUIPMENT = Pattern.compile("[A-Z0-9-]{2,16}");

    public Topic {
        if (terminal == null || !TERMINAL.matcher(terminal).matches()) {
            throw new TelemetryFormatException("topic", "terminal must be 2..16 of A-Z, 0-9, '-', was '" + terminal
                    + "'");
        }
        if (equipment == null) {
            throw new TelemetryFormatException("topic", "equipment id must not be null");
        }
        if (topic == null) {
            throw new TelemetryFormatException("topic", "topic must not be null");
        }
    }

    public static Topic of(String terminal, EquipmentId equipment, TelemetryTopic topic) {
        return new Topic(terminal, equipment, topic);
    }

    /**
     * Parses a topic name. The exception's problem names the level that is wrong: the prefix, the terminal, the
     * equipment id or the last level (listing the accepted ones).
     */
    public static Topic parse(String text) {
        if (text == null) {
            throw new TelemetryFormatException("topic", "must not be null");
        }
        if (!text.startsWith(PREFIX)) {
            throw new TelemetryFormatException("topic", "must start with '" + PREFIX + "', was '" + text + "'");
        }
        String[] levels = text.substring(PREFIX.length()).split("/", -1);
        if (levels.length != 3) {
            throw new TelemetryFormatException("topic", "must have 5 levels portops/v1/{terminal}/{equipmentId}/"
                    + "{topic}, was '" + text + "'");
        }
        if (!TERMINAL.matcher(levels[0]).matches()) {
            throw new TelemetryFormatException("topic", "terminal level must be 2..16 of A-Z, 0-9, '-', was '"
                    + levels[0] + "'");
        }
        if (!EQUIPMENT.matcher(levels[1]).matches()) {
            throw new TelemetryFormatException("topic", "equipment id level must be 2..16 of A-Z, 0-9, '-', was '"
                    + levels[1] + "'");
        }
        TelemetryTopic topic = TelemetryTopic.fromSegment(levels[2]).orElseThrow(() -> new TelemetryFormatException(
                "topic", "last level must be one of " + segments() + ", was '" + levels[2] + "'"));
        return new Topic(levels[0], new EquipmentId(levels[1]), topic);
    }

    /** The subscription filter for one topic of every machine of a terminal: {@code portops/v1/NQCT/+/state}. */
    public static String filter(String terminal, TelemetryTopic topic) {
        return PREFIX + terminal + "/+/" + topic.segment();
    }

    /** An MQTT 5 shared subscription on {@link #filter}: {@code $share/ingest/portops/v1/NQCT/+/state}. */
    public static String sharedFilter(String group, String terminal, TelemetryTopic topic) {
        return "$share/" + group + "/" + filter(terminal, topic);
    }

    @Override
    public String toString() {
        return PREFIX + terminal + "/" + equipment + "/" + topic.segment();
    }

    private static String segments() {
        return Arrays.stream(TelemetryTopic.values()).map(TelemetryTopic::segment)
                .collect(Collectors.joining(", "));
    }
}
