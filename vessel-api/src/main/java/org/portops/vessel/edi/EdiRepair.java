package org.portops.vessel.edi;

/** A known quirk a partner profile repaired, and how: the message is accepted as repaired. */
public record EdiRepair(SegmentRef at, String repair) {

    @Override
    public String toString() {
        return at + ": " + repair;
    }
}
