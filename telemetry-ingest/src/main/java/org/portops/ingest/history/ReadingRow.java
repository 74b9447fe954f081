package org.portops.ingest.history;

import java.time.Instant;

/** One accepted reading (state, reefer, connection) for {@code telemetry_reading}; {@code payload} is its JSON. */
public record ReadingRow(Instant recordedAt, Instant receivedAt, String machineId, String topic, long sequence,
                         String payload) {
}
