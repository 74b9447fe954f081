package org.portops.state.block;

/**
 * The raw cells of one stack, ground tier first, as a processor reads them off the block; readers resolve them
 * against the containers map (see {@code HazelcastYardReader}). {@code sequences}: the move that put each occupant
 * (or reservation) there; {@code leaving}: the move taking it away, 0 when none.
 */
public record StackCells(String block, int bay, int row, int maxTiers, boolean plugged, String[] containers,
                         byte[] states, byte[] spans, long[] sequences, long[] leaving,
                         boolean[] closed) {
}
