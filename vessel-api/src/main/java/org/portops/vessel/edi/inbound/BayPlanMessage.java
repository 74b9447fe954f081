package org.portops.vessel.edi.inbound;

import java.util.ArrayList;
import java.util.List;
import org.portops.model.container.UnLocode;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.vessel.edi.EdiError;
import org.portops.vessel.edi.EdiRepair;

/** A BAPLIE: the containers on board on arrival and where each is stowed. */
public record BayPlanMessage(MessageHeader header, List<StowedContainer> stowage, List<EdiError> errors,
                             List<EdiRepair> repairs) implements InboundMessage {

    public BayPlanMessage {
        stowage = List.copyOf(stowage);
        errors = List.copyOf(errors);
        repairs = List.copyOf(repairs);
    }

    /**
     * The arrival side of a bay plan at port {@code here}: containers whose port of discharge is {@code here} are
     * discharged, the others remain on board.
     */
    public List<BayPlanEntry> arrivalEntries(UnLocode here) {
        List<BayPlanEntry> entries = new ArrayList<>(stowage.size());
        for (StowedContainer stowed : stowage) {
            BayPlanAction action = stowed.container().portOfDischarge().equals(here) ? BayPlanAction.DISCHARGE
                    : BayPlanAction.REMAIN_ON_BOARD;
            entries.add(new BayPlanEntry(stowed.slot(), stowed.container(), action));
        }
        return entries;
    }

    @Override
    public int containers() {
        return stowage.size();
    }

    @Override
    public int reefers() {
        return (int) stowage.stream().filter(s -> s.container().isReefer()).count();
    }

    @Override
    public int dangerous() {
        return (int) stowage.stream().filter(s -> s.container().isDangerous()).count();
    }
}
