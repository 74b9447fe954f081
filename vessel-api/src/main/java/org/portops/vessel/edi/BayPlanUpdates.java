package org.portops.vessel.edi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.UnLocode;
import org.portops.model.container.VgmWeight;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.vessel.edi.inbound.BayPlanMessage;
import org.portops.vessel.edi.inbound.InboundMessage;
import org.portops.vessel.edi.inbound.LoadPlanMessage;
import org.portops.vessel.edi.inbound.StowageInstruction;
import org.portops.vessel.edi.inbound.VesselVoyage;
import org.portops.vessel.edi.inbound.VgmMessage;

/**
 * The new bay plans an interchange's messages make, in plain Java, before anything is applied. A BAPLIE replaces
 * the arrival side of its call's plan (discharges and remain-on-board, by port of discharge) and keeps the loads; a
 * MOVINS replaces the loads with its named load instructions (the containers must be in the terminal), and turns the
 * arrival entries it orders discharged or restowed into discharges or restows. MOVINS cells ordered by category only
 * (no container number yet) are counted, not planned: the bay plan holds containers. A VERMAS replaces the mass of
 * every container planned for loading with its verified gross mass. Every problem is an error on the
 * message's UNH or the instruction's container; with any error no plan is returned.
 */
final class BayPlanUpdates {

    /** The plans to apply, or the errors that refuse them; {@code openCells} counts MOVINS cells by category. */
    record Result(List<VesselCall> calls, List<EdiError> errors, int openCells) {
    }

    private BayPlanUpdates() {
    }

    /**
     * @param calls      the live vessel calls
     * @param inTerminal master data of the containers named by MOVINS loads that are in the terminal
     */
    static Result plan(List<InboundMessage> messages, List<VesselCall> calls, Map<ContainerNumber, Container> inTerminal,
                       UnLocode here) {
        Map<VesselCallId, VesselCall> changed = new LinkedHashMap<>();
        List<EdiError> errors = new ArrayList<>();
        int openCells = 0;
        for (InboundMessage message : messages) {
            if (message instanceof VgmMessage vgm) {
                masses(vgm, calls, changed);
                continue;
            }
            if (!(message instanceof BayPlanMessage) && !(message instanceof LoadPlanMessage)) {
                continue;
            }
            SegmentRef unh = new SegmentRef("UNH", message.header().position(), 0, 0);
            VesselCall call = callFor(message.header().vessel(), calls, changed, unh, errors);
            if (call == null) {
                continue;
            }
            List<BayPlanEntry> entries = switch (message) {
                case BayPlanMessage baplie -> arrival(call, baplie, here);
                case LoadPlanMessage movins -> loads(call, movins, inTerminal, unh, errors);
                default -> throw new IllegalStateException("filtered above");
            };
            if (message instanceof LoadPlanMessage movins) {
                openCells += (int) movins.instructions().stream().filter(i -> i.container() == null).count();
            }
            try {
                changed.put(call.id(), call.withBayPlan(new BayPlan(entries)));
            } catch (IllegalArgumentException e) {
                errors.add(new EdiError(unh, "with the plan of call " + call.id() + ": " + e.getMessage()));
            }
        }
        return errors.isEmpty() ? new Result(List.copyOf(changed.values()), List.of(), openCells)
                : new Result(List.of(), errors, openCells);
    }

    /**
     * A VERMAS's verified gross masses replace the masses of the containers planned for loading: stowage is planned
     * on them. A container no call loads is not an error (its VGM may come before its booking is planned).
     */
    private static void masses(VgmMessage vgm, List<VesselCall> calls, Map<VesselCallId, VesselCall> changed) {
        Map<ContainerNumber, VgmWeight> masses = new HashMap<>();
        vgm.masses().forEach(m -> masses.put(m.container(), m.mass()));
        for (VesselCall live : calls) {
            VesselCall call = changed.getOrDefault(live.id(), live);
            boolean weighed = false;
            List<BayPlanEntry> entries = new ArrayList<>(call.bayPlan().entries().size());
            for (BayPlanEntry entry : call.bayPlan().entries()) {
                VgmWeight mass = entry.action() == BayPlanAction.LOAD ? masses.get(entry.container().number()) : null;
                if (mass != null && !mass.equals(entry.container().weight())) {
                    Container c = entry.container();
                    entries.add(new BayPlanEntry(entry.slot(), new Container(c.number(), c.sizeType(), mass, c.line(),
                            c.portOfLoading(), c.portOfDischarge(), c.category(), c.reeferSetPoint(), c.imdgClass()),
                            entry.action()));
                    weighed = true;
                } else {
                    entries.add(entry);
                }
            }
            if (weighed) {
                changed.put(call.id(), call.withBayPlan(new BayPlan(entries)));
            }
        }
    }

    /** The container numbers MOVINS loads name, to be looked up in the live yard first. */
    static List<ContainerNumber> namedLoads(List<InboundMessage> messages) {
        return messages.stream().filter(m -> m instanceof LoadPlanMessage).map(m -> (LoadPlanMessage) m)
                .flatMap(m -> m.instructions().stream())
                .filter(i -> i.action() == BayPlanAction.LOAD && i.container() != null)
                .map(StowageInstruction::container).distinct().toList();
    }

    private static VesselCall callFor(VesselVoyage sent, List<VesselCall> calls, Map<VesselCallId, VesselCall> changed,
                                      SegmentRef unh, List<EdiError> errors) {
        List<VesselCall> matching = calls.stream().filter(call -> isFor(call, sent)).toList();
        if (matching.size() != 1) {
            errors.add(new EdiError(unh, (matching.isEmpty() ? "no vessel call" : matching.size() + " vessel calls")
                    + " for vessel " + sent.text() + (sent.imo().isEmpty() ? "" : " (IMO " + sent.imo() + ")")
                    + ": a bay plan needs exactly one"));
            return null;
        }
        return changed.getOrDefault(matching.getFirst().id(), matching.getFirst());
    }

    /** Same voyage, and the same IMO number when the message sends one, else the same vessel name. */
    static boolean isFor(VesselCall call, VesselVoyage sent) {
        if (!call.voyage().value().equalsIgnoreCase(sent.voyage())) {
            return false;
        }
        if (!sent.imo().isEmpty()) {
            return call.vessel().imo().value().equals(sent.imo());
        }
        return call.vessel().name().toUpperCase(Locale.ROOT).equals(sent.name().toUpperCase(Locale.ROOT));
    }

    private static List<BayPlanEntry> arrival(VesselCall call, BayPlanMessage baplie, UnLocode here) {
        List<BayPlanEntry> entries = new ArrayList<>(call.bayPlan().withAction(BayPlanAction.LOAD));
        entries.addAll(baplie.arrivalEntries(here));
        return entries;
    }

    private static List<BayPlanEntry> loads(VesselCall call, LoadPlanMessage movins,
                                            Map<ContainerNumber, Container> inTerminal, SegmentRef unh,
                                            List<EdiError> errors) {
        Map<ContainerNumber, BayPlanEntry> arrival = new HashMap<>();
        call.bayPlan().entries().stream().filter(e -> e.action() != BayPlanAction.LOAD)
                .forEach(e -> arrival.put(e.container().number(), e));
        List<BayPlanEntry> loads = new ArrayList<>();
        for (StowageInstruction instruction : movins.instructions()) {
            if (instruction.container() == null) {
                continue;
            }
            ContainerNumber number = instruction.container();
            if (instruction.action() == BayPlanAction.LOAD) {
                Container container = inTerminal.get(number);
                if (container == null) {
                    errors.add(new EdiError(unh, "MOVINS loads " + number + " at " + instruction.slot()
                            + " but it is not in the terminal"));
                } else if (!container.sizeType().equals(instruction.sizeType())) {
                    errors.add(new EdiError(unh, "MOVINS loads " + number + " as " + instruction.sizeType()
                            + " but the terminal knows it as " + container.sizeType()));
                } else {
                    loads.add(new BayPlanEntry(instruction.slot(), container, BayPlanAction.LOAD));
                }
            } else {
                BayPlanEntry onBoard = arrival.get(number);
                if (onBoard == null || !onBoard.slot().equals(instruction.slot())) {
                    errors.add(new EdiError(unh, "MOVINS orders " + instruction.action() + " of " + number + " at "
                            + instruction.slot() + " but the bay plan has it " + (onBoard == null ? "not on board"
                            : "at " + onBoard.slot())));
                } else {
                    arrival.put(number, new BayPlanEntry(onBoard.slot(), onBoard.container(), instruction.action()));
                }
            }
        }
        List<BayPlanEntry> entries = new ArrayList<>();
        call.bayPlan().entries().stream().filter(e -> e.action() != BayPlanAction.LOAD)
                .forEach(e -> entries.add(arrival.get(e.container().number())));
        entries.addAll(loads);
        return entries;
    }
}
