package org.portops.yard.slot.solver;

/** A block and the crane moves already in it within the workload window: equal for every option in the block. */
public record BlockLoad(String block, int moves) {
}
