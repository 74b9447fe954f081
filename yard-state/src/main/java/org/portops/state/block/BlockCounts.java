package org.portops.state.block;

/** Occupancy of one block: capacity and occupied in 20' slots, containers counted once whatever their length. */
public record BlockCounts(String block, int capacitySlots, int occupiedSlots, int containers, int reservedSlots,
                          int closedSlots, int reefers) {
}
