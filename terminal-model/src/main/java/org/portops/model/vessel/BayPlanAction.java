package org.portops.model.vessel;

/** What happens to a container of a bay plan during the call. */
public enum BayPlanAction {
    DISCHARGE,
    LOAD,
    RESTOW,
    REMAIN_ON_BOARD;

    /** On board when the vessel arrives, at the entry's slot. */
    public boolean onBoardOnArrival() {
        return this != LOAD;
    }

    /** On board when the vessel leaves, at the entry's slot. */
    public boolean onBoardOnDeparture() {
        return this == LOAD || this == REMAIN_ON_BOARD;
    }
}
