package org.portops.map.access;

import java.util.EnumSet;
import java.util.Set;
import org.portops.vessel.api.auth.Role;

/**
 * What the operator map and the cab tablet let a signed-in person do; {@link #grantedTo} is the one table of who
 * may do what, over the roles of the vessel API's tokens.
 */
public enum MapPermission {
    /** The map: layout, live stream, stacks, machines, berth plan. */
    VIEW_MAP,
    /** Put a move on another crane from the map (the crane scheduler's override). */
    OVERRIDE_PLAN,
    /** Read and confirm the work of a machine: only the machine of the driver's token ({@link MapAccess#mayDrive}). */
    DRIVE_MACHINE;

    public static Set<MapPermission> grantedTo(Role role) {
        return switch (role) {
            case ADMIN, OPERATOR -> EnumSet.of(VIEW_MAP, OVERRIDE_PLAN);
            case PLANNER -> EnumSet.of(VIEW_MAP);
            case CRANE_DRIVER -> EnumSet.of(DRIVE_MACHINE);
            // a line's or a gate clerk's token is for the vessel API; the map shows every line's business
            case LINE, GATE_CLERK -> EnumSet.noneOf(MapPermission.class);
        };
    }
}
