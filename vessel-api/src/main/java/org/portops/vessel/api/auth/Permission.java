package org.portops.vessel.api.auth;

import java.util.EnumSet;
import java.util.Set;

/** What an operation needs; {@link #grantedTo} is the one table of who may do what. */
public enum Permission {
    READ_VESSEL_CALLS,
    WRITE_VESSEL_CALLS,
    READ_CONTAINERS,
    PLACE_HOLDS,
    READ_EVENTS,
    SUBSCRIBE_EVENTS,
    /** Book, read and cancel truck appointments (a line for its own containers). */
    BOOK_APPOINTMENTS,
    /** Record gate transactions: let trucks in and out. */
    PROCESS_GATE,
    /**
     * Upload EDIFACT interchanges into the inbox: the terminal's staff and EDI gateway, and a line (its own BAPLIE and
     * COPRAR, see {@code LineScope}).
     */
    UPLOAD_EDI,

    /** Running the digital twin's what-if from live state (CPU for minutes: the planning and control-room roles only). */
    RUN_WHAT_IF;

    /** The permissions of a role. A line's are further limited to its own business by {@link Caller#mayAccess}. */
    public static Set<Permission> grantedTo(Role role) {
        return switch (role) {
            case ADMIN -> EnumSet.allOf(Permission.class);
            case OPERATOR -> EnumSet.of(READ_VESSEL_CALLS, WRITE_VESSEL_CALLS, READ_CONTAINERS, PLACE_HOLDS,
                    READ_EVENTS, SUBSCRIBE_EVENTS, BOOK_APPOINTMENTS, PROCESS_GATE, UPLOAD_EDI,
                    RUN_WHAT_IF);
            case SUPERVISOR -> EnumSet.of(READ_VESSEL_CALLS, READ_CONTAINERS, PLACE_HOLDS, READ_EVENTS,
                    SUBSCRIBE_EVENTS, RUN_WHAT_IF);
            case VIEWER -> EnumSet.of(READ_VESSEL_CALLS, READ_CONTAINERS, READ_EVENTS);
            case PLANNER -> EnumSet.of(READ_VESSEL_CALLS, WRITE_VESSEL_CALLS, READ_CONTAINERS, READ_EVENTS, UPLOAD_EDI,
                    RUN_WHAT_IF);
            case CRANE_DRIVER -> EnumSet.of(READ_VESSEL_CALLS, READ_CONTAINERS);
            case LINE -> EnumSet.of(READ_VESSEL_CALLS, WRITE_VESSEL_CALLS, READ_CONTAINERS, PLACE_HOLDS, READ_EVENTS,
                    SUBSCRIBE_EVENTS, BOOK_APPOINTMENTS, UPLOAD_EDI);
            case GATE_CLERK -> EnumSet.of(READ_CONTAINERS, PLACE_HOLDS, BOOK_APPOINTMENTS, PROCESS_GATE);
        };
    }
}
