package org.portops.state.block;

/**
 * The raw cells of one stack, ground tier first, as a processor reads them off the block; readers resolve them
 * against the containers map (see {@code HazelcastYardReader}).
 */
public record StackCells(String block, int bay, int row, int maxTiers, boolean plugged, String[] containers,
                         byte[] states, byte[] spans, long[] leaving, boolean[] closed) {
}
