package org.portops.vessel.api.gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;

/**
 * The checks a gate clerk makes before a truck passes, each giving its reason: the truck's appointment (its kind,
 * container, truck and window), the seal, and for a pick-up every active hold (customs, line, terminal), which
 * blocks delivery until released. The container's number and check digit are checked when the request is read.
 */
public final class GateChecks {

    private GateChecks() {
    }

    /** An active hold: its kind and why it was placed. */
    public record ActiveHold(String kind, String reason, String placedBy) {
    }

    /**
     * Why the truck may not pass; empty when it may.
     *
     * @param container   the container's master data (the pre-advice for a drop-off), null when unknown
     * @param sealAtGateIn the seal recorded when the container came in through the gate, null when none was
     */
    public static List<String> refusals(GateVisit visit, Appointment appointment, Container container,
                                        List<ActiveHold> holds, String sealAtGateIn, Instant now) {
        List<String> reasons = new ArrayList<>();
        checkAppointment(visit, appointment, now, reasons);
        checkSeal(visit, container, sealAtGateIn, reasons);
        if (visit.direction() == GateDirection.OUT) {
            holds.forEach(hold -> reasons.add(hold.kind() + " hold on " + visit.container() + " blocks delivery until "
                    + "released: " + hold.reason() + " (placed by " + hold.placedBy() + ")"));
        }
        return reasons;
    }

    private static void checkAppointment(GateVisit visit, Appointment appointment, Instant now, List<String> reasons) {
        if (appointment.status() != Appointment.Status.BOOKED) {
            reasons.add("appointment " + appointment.id() + " is " + appointment.status() + ", not BOOKED");
        }
        if (appointment.kind().direction() != visit.direction()) {
            reasons.add("appointment " + appointment.id() + " is a " + appointment.kind() + ", not a gate-"
                    + visit.direction().name().toLowerCase());
        }
        if (!appointment.container().equals(visit.container())) {
            reasons.add("appointment " + appointment.id() + " is for " + appointment.container() + ", not "
                    + visit.container());
        }
        if (!appointment.truck().equalsIgnoreCase(visit.truck())) {
            reasons.add("appointment " + appointment.id() + " is for truck " + appointment.truck() + ", not "
                    + visit.truck());
        }
        if (now.isBefore(appointment.windowStart()) || !now.isBefore(appointment.windowEnd())) {
            reasons.add("appointment " + appointment.id() + " is for " + appointment.windowStart() + " to "
                    + appointment.windowEnd() + ", the truck came at " + now);
        }
    }

    private static void checkSeal(GateVisit visit, Container container, String sealAtGateIn, List<String> reasons) {
        boolean laden = container != null && container.category() != ContainerCategory.EMPTY;
        if (visit.direction() == GateDirection.IN && laden && visit.seal() == null) {
            reasons.add("laden container " + visit.container() + " comes in without a seal");
        }
        if (visit.direction() == GateDirection.OUT && sealAtGateIn != null && !sealAtGateIn.equals(visit.seal())) {
            reasons.add("seal " + (visit.seal() == null ? "missing" : visit.seal()) + " on " + visit.container()
                    + " differs from seal " + sealAtGateIn + " recorded at gate-in");
        }
    }
}
