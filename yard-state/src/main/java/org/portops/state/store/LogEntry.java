package org.portops.state.store;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * One row of the move log.
 *
 * @param container     container number, null for a slot closure
 * @param kind          a {@code MoveKind} name, {@code INVENTORY} (found in place at go-live), {@code SLOT_CLOSED}
 *                      or {@code SLOT_OPENED}
 * @param from          origin location text, null when arriving
 * @param to            destination location text, null when leaving (for a closure: the slot)
 * @param payload       {@code container}: master data of an arriving container; {@code reason} of a closure
 */
public record LogEntry(long seq, String container, String kind, String from, String to, String instructionId,
                       Instant recordedAt, JsonObject payload) {

    public static final String INVENTORY = "INVENTORY";
    public static final String SLOT_CLOSED = "SLOT_CLOSED";
    public static final String SLOT_OPENED = "SLOT_OPENED";
}
