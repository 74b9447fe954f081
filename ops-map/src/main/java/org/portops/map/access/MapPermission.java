package org.portops.map.access;

import java.util.EnumSet;
import java.util.Set;
import org.portops.vessel.api.auth.Permission;
import org.portops.vessel.api.auth.Role;

/**
 * What the operator map and the cab tablet let a signed-in person do; {@link #grantedTo} is the one table of who
 * may do what, over the roles of the vessel API's tokens.
 */
public enum MapPermission {
    /** The map: layout, live stream, stacks, machines, berth plan, KPIs, the plan's explanations. */
    VIEW_MAP,
    /** Put a move on another crane from the map (the crane scheduler's override). */
    OVERRIDE_PLAN,
    /** Close a stack to new containers and open it again: changes where every planner may put boxes. */
    CONTROL_YARD,
    /** Hold a container in the terminal and release that hold: the gate lets it not out, no planner moves it. */
    HOLD_CONTAINERS,
    /** Acknowledge an active alert: the board records who has seen it. */
    ACKNOWLEDGE_ALERTS,
    /** Run a what-if of the digital twin from the map ({@code POST /api/twin}). */
    RUN_WHAT_IF,
    /** Read and confirm the work of a machine: only the machine of the driver's token ({@link MapAccess#mayDrive}). */
    DRIVE_MACHINE;

    public static Set<MapPermission> grantedTo(Role role) {
        Set<MapPermission> granted = switch (role) {
            // closing a stack or holding a box binds every planner and the gate: the supervisor's call, not a move's
            case ADMIN, SUPERVISOR -> EnumSet.of(VIEW_MAP, OVERRIDE_PLAN, CONTROL_YARD, HOLD_CONTAINERS,
                    ACKNOWLEDGE_ALERTS);
            case OPERATOR -> EnumSet.of(VIEW_MAP, OVERRIDE_PLAN, ACKNOWLEDGE_ALERTS);
            // a planner plans in the planners' tools and reads the map; the control room decides on the quay
            case PLANNER, VIEWER -> EnumSet.of(VIEW_MAP);
            case CRANE_DRIVER -> EnumSet.of(DRIVE_MACHINE);
            // a line's or a gate clerk's token is for the vessel API; the map shows every line's business
            case LINE, GATE_CLERK -> EnumSet.noneOf(MapPermission.class);
        };
        // the what-if route is the API's (terminal-app's TwinRoutes checks the API's permission): read from its
        // table, so the map never offers a what-if the server would refuse, or hides one it would run
        if (Permission.grantedTo(role).contains(Permission.RUN_WHAT_IF)) {
            granted.add(RUN_WHAT_IF);
        }
        return granted;
    }
}
