package org.portops.vessel.api.gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerCategory;
import org.portops.model.container.ContainerLength;
import org.portops.model.container.ContainerNumber;

/**
 * The checks a gate clerk makes before a truck passes, each giving its reason: the truck's appointment (its kind,
 * container, truck and window), the seal, and for a pick-up every active hold (customs, line, terminal), which
 * blocks delivery until released; for a truck with several containers, what its chassis can carry. The container's
 * number and check digit are checked when the request is read.
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

    /**
     * Why one truck may not carry these containers; empty when it may. Each way (in, out) a chassis takes two 20'
     * or one longer container; a container's length is known from its pre-advice or the yard (null: unknown, only
     * counted).
     */
    public static List<String> truckLoad(String truck, List<GateVisit> visits, List<Container> containers) {
        List<String> reasons = new ArrayList<>();
        Set<ContainerNumber> seen = new HashSet<>();
        for (GateVisit visit : visits) {
            if (!seen.add(visit.container())) {
                reasons.add(visit.container() + " is on truck " + truck + " twice");
            }
        }
        for (GateDirection direction : GateDirection.values()) {
            List<Container> carried = new ArrayList<>();
            int count = 0;
            for (int i = 0; i < visits.size(); i++) {
                if (visits.get(i).direction() == direction) {
                    count++;
                    if (containers.get(i) != null) {
                        carried.add(containers.get(i));
                    }
                }
            }
            String way = direction == GateDirection.IN ? "in" : "out";
            if (count > 2) {
                reasons.add("truck " + truck + " carries at most two containers " + way + ", not " + count);
            } else if (count == 2) {
                carried.stream().filter(c -> c.length() != ContainerLength.TWENTY).forEach(c -> reasons.add("truck "
                        + truck + " carries two containers " + way + " only if both are 20', " + c.number() + " is "
                        + c.length().feet() + "'"));
            }
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
