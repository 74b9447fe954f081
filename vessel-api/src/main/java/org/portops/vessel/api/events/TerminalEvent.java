package org.portops.vessel.api.events;

import java.time.Instant;

/**
 * One event of the terminal's stream, in creation order by ({@link #createdAt}, {@link #key}): a container move
 * from the move log, or an arrival/departure event of a vessel call.
 */
public sealed interface TerminalEvent {

    /** Unique and ordered within one creation instant: {@code M} + move-log sequence, {@code T} + event id. */
    String key();

    Instant createdAt();

    /** The line whose business it is: the container's line, or the call's. */
    String line();

    /** The vessel call an event belongs to; null for a move that touches no vessel. */
    CallInfo call();

    /** The vessel call an event refers to, as far as the record has it. */
    record CallInfo(String callId, String imo, String vesselName, String voyage) {
    }

    /** A container move; {@code kind} is the move log's (DISCHARGE, LOAD, YARD_SHIFT, REHANDLE, GATE_IN, GATE_OUT). */
    record Move(String key, Instant createdAt, String line, CallInfo call, long sequence, String container,
                String kind, String from, String to, String instruction, String sizeType, String category)
            implements TerminalEvent {
    }

    /** A vessel call arrives or departs ({@code ARRI}/{@code DEPA}), planned, estimated or actual at {@code time}. */
    record CallEvent(String key, Instant createdAt, String line, CallInfo call, String type, String classifier,
                     Instant time) implements TerminalEvent {
    }
}
