package org.portops.ingest.history;

import java.time.Instant;

/**
 * One refused message for {@code telemetry_quarantine}, kept byte for byte.
 *
 * @param machineClaimed the machine the topic names, null when the topic itself was refused
 */
public record QuarantineRow(Instant receivedAt, String topic, String machineClaimed, String reasonCode,
                            String reasonText, byte[] payload) {
}
