package org.portops.crane.vessel;

/**
 * The order a crane position is worked in: deck containers come off before the hatch covers can be lifted, the hold
 * is emptied before it is filled, and the covers go back on before the deck is loaded.
 */
public enum WorkPhase {
    DISCHARGE_DECK, DISCHARGE_HOLD, LOAD_HOLD, LOAD_DECK
}
