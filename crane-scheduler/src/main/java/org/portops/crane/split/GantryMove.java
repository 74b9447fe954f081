package org.portops.crane.split;

import org.portops.model.vessel.VesselCallId;

/** A crane gantrying from one vessel to the next: leaves at {@code departs}, starts work at {@code arrives}. */
public record GantryMove(VesselCallId from, VesselCallId to, int departs, int arrives, double meters) {
}
