package org.portops.model.event;

/**
 * Event-bus addresses shared by all modules. Facts are named in the past tense and published; commands are
 * requests sent to one handler.
 */
public final class Addresses {

    /** Fact: a container moved within the terminal ({@link ContainerMoved}). */
    public static final String CONTAINER_MOVED = "yard.container.moved";
    /** Fact: a container arrived in the terminal ({@link ContainerMoved} with no {@code from}). */
    public static final String CONTAINER_PLACED = "yard.container.placed";
    /** Fact: a container left the terminal ({@link ContainerMoved} with no {@code to}). */
    public static final String CONTAINER_REMOVED = "yard.container.removed";
    /** Fact: a machine's state changed ({@link EquipmentUpdated}). */
    public static final String EQUIPMENT_UPDATED = "yard.equipment.updated";
    /** Fact: a work instruction changed ({@link WorkInstructionChanged}). */
    public static final String INSTRUCTION_CHANGED = "yard.instruction.changed";
    /** Fact: a vessel call changed ({@link VesselCallChanged}). */
    public static final String VESSEL_CALL_CHANGED = "yard.vesselcall.changed";
    /** Fact: a container hold was placed or released ({@code container}, {@code kind}, {@code held}, {@code reason}). */
    public static final String CONTAINER_HOLD_CHANGED = "yard.container.hold-changed";
    /** Fact: an alert was raised ({@link Alert}; body: the fields of {@link Alert#toMap()}). */
    public static final String ALERT_RAISED = "yard.alert.raised";
    /** Fact: an alert's condition is over and it left the active-alert board ({@link Alert}, text = why). */
    public static final String ALERT_CLEARED = "yard.alert.cleared";
    /**
     * Fact: the crane scheduler published a new plan for a vessel call (body: {@code call}, {@code version},
     * {@code trigger}, {@code score}, {@code completion}, {@code reassigned}, {@code changed}, {@code diff}).
     */
    public static final String CRANE_PLAN_PUBLISHED = "crane.plan.published";
    /** Fact: the crane scheduler refused an event and kept its plan (body: {@code call}, {@code trigger}, {@code reasons}). */
    public static final String CRANE_PLAN_REFUSED = "crane.plan.refused";
    /**
     * Command: an operator puts a move's crane task on a crane (body: {@code instruction}, {@code crane},
     * {@code operator}); the reply is the new plan's version or a failure naming why it was refused.
     */
    public static final String CRANE_OVERRIDE = "crane.override";
    /**
     * Request: why the crane plan has a move on its crane (body: {@code instruction}); the reply: {@code instruction},
     * {@code call}, {@code container}, {@code crane}, {@code task}, {@code planScore}, {@code reasons} (each
     * {@code constraint}, {@code score}, {@code text}) and {@code alternatives} (each {@code crane}, {@code score}: the
     * plan's score with the move there); a failure 404 when no crane plan holds the move.
     */
    public static final String CRANE_EXPLAIN = "crane.explain";
    /**
     * Fact: the berth planner published a new berth plan, as a berth-time chart (body: {@code version},
     * {@code trigger}, {@code plannedAt}, {@code quay}, {@code vessels}, {@code conflicts}, {@code score}).
     */
    public static final String BERTH_PLAN_PUBLISHED = "berth.plan.published";
    /**
     * Command: a change to a vessel call for the berth planner (body: {@code kind} ETA_UPDATED, DELAYED, CANCELLED
     * or NEW_CALL, {@code call}, and the kind's fields); the reply is the new plan's version or a failure naming why.
     */
    public static final String BERTH_CALL_CHANGE = "berth.call.change";
    /** Request: the berth planner's current plan; the reply is its berth-time chart, or a failure when it has none. */
    public static final String BERTH_PLAN_CURRENT = "berth.plan.current";
    /**
     * Fact, local to a node: the operator map's coalesced changes of the last flush period (body: the delta's JSON
     * text, as {@code GET /api/map/stream} sends it to browsers).
     */
    public static final String MAP_DELTA_PUBLISHED = "map.delta.published";
    /**
     * Command: a container announced for the yard at the gate (pre-advice, gate-in; body: {@code container} as
     * {@code ModelJson.container}, {@code lane}, optional {@code departure} (a pickup appointment or the vessel
     * call's loading, ISO instant) and {@code vesselCall}); the reply is the yard planner's decision (as
     * {@link #YARD_SLOT_DECIDED}), a failure naming why there is none.
     */
    public static final String YARD_SLOT_REQUEST = "yard.slot.request";
    /**
     * Fact: the yard planner gave an announced container a slot (body: {@code container}, {@code kind},
     * {@code slot}, {@code instruction}, {@code score}, {@code reasons}) or found none ({@code refusals}).
     */
    public static final String YARD_SLOT_DECIDED = "yard.slot.decided";
    /**
     * Command: plan housekeeping now in the blocks with no open work (body: optional {@code block}); the reply is
     * the proposals, as {@link #YARD_HOUSEKEEPING_PROPOSED}.
     */
    public static final String YARD_HOUSEKEEPING_REQUEST = "yard.housekeeping.request";
    /**
     * Fact: the yard planner proposed re-marshalling moves, written as planned yard-shift instructions (body:
     * {@code rounds}: per block {@code block}, {@code expectedBefore}, {@code expectedAfter}, {@code moves}).
     */
    public static final String YARD_HOUSEKEEPING_PROPOSED = "yard.housekeeping.proposed";
    /**
     * Command: plan housekeeping now ahead of the loading of the vessel calls due soon (no body); the reply names
     * the {@code calls}, the cost {@code before} and {@code after}, the {@code moves} written as planned yard-shift
     * instructions, each with its {@code reason}, and, when an earlier round's shifts are still open, their count
     * ({@code open}) and no moves.
     */
    public static final String YARD_LOADING_HOUSEKEEPING_REQUEST = "yard.loading-housekeeping.request";
    /**
     * Fact: a truck appointment was booked, cancelled or used (body: {@code appointment}, {@code kind}
     * {@code PICK_UP}/{@code DROP_OFF}, {@code container}, {@code windowStart}, {@code windowEnd}, {@code status}
     * {@code BOOKED}/{@code CANCELLED}/{@code USED}). A pick-up gives its container an expected departure.
     */
    public static final String GATE_APPOINTMENT_CHANGED = "gate.appointment.changed";
    /**
     * Request: the truck appointments still booked whose window has not ended; the reply is
     * {@code {"appointments": [...]}}, each as in {@link #GATE_APPOINTMENT_CHANGED}.
     */
    public static final String GATE_APPOINTMENTS_OPEN = "gate.appointments.open";
    /** Command: request a container move. */
    public static final String MOVE_REQUEST = "yard.move.request";

    private Addresses() {
    }
}
