package org.portops.crane.berth;

/** Vessel {@code vessel} lies alongside berth {@code berth} from {@code start}; numbers 1-based as in the instance. */
public record BerthAssignment(int vessel, int berth, int start) {
}
