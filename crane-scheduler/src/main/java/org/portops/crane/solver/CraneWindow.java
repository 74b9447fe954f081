package org.portops.crane.solver;

import org.portops.crane.qcsp.Unavailability;

/** A problem fact: crane {@code crane} is unavailable during {@code window}. */
public record CraneWindow(int crane, Unavailability window) {
}
