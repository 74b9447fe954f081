package org.portops.crane.berth.quay;

import org.portops.model.vessel.VesselCallId;

/** A call's place in planner terms: from metre, berthing minute from the problem's epoch, cranes. */
public record QuaySlot(VesselCallId call, int fromMeter, int startMinute, int cranes) {
}
