package org.portops.sim.engine;

import java.nio.charset.StandardCharsets;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.telemetry.StateReading;
import org.portops.model.telemetry.TelemetryCodec;
import org.portops.model.telemetry.TelemetryTopic;
import org.portops.model.telemetry.Topic;

/** Builds the bad payloads of {@link Injection.Malformed} from a machine's genuine reading. */
final class AttackMessages {

    private final TelemetryCodec codec = new TelemetryCodec();
    private final String terminal;

    AttackMessages(String terminal) {
        this.terminal = terminal;
    }

    Outbound.Raw malformed(EquipmentId machine, StateReading genuine, Injection.Malformation kind) {
        String json = new String(codec.encode(genuine), StandardCharsets.UTF_8);
        String bad = switch (kind) {
            case NOT_JSON -> "speed=3.2;status=WORKING";
            case MISSING_FIELD -> json.replaceFirst("\"sequence\":\\d+,", "");
            case WRONG_TYPE -> json.replaceFirst("\"speedMps\":[^,]+", "\"speedMps\":\"fast\"");
            case OUT_OF_RANGE -> json.replaceFirst("\"speedMps\":[^,]+", "\"speedMps\":250.0");
            case BAD_CONTAINER_NUMBER -> json.replaceFirst("\"load\":(null|\"[^\"]*\")", "\"load\":\"MSCU1234560\"");
        };
        return new Outbound.Raw(Topic.of(terminal, machine, TelemetryTopic.STATE), bad.getBytes(StandardCharsets.UTF_8),
                kind.name());
    }
}
