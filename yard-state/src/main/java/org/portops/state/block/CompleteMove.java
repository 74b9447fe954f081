package org.portops.state.block;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * Last step of move {@code seq} in this block, run after the container's location switched: empties the origin
 * (bay 0 = not in this block) and confirms the destination (bay 0 = not in this block). Idempotent, so a retried
 * or replayed step changes nothing.
 */
public record CompleteMove(String container, long seq, int fromBay, int fromRow, int fromTier, int toBay, int toRow,
                           int toTier) implements EntryProcessor<String, BlockState, Boolean> {

    @Override
    public Boolean process(Map.Entry<String, BlockState> entry) {
        BlockState block = entry.getValue();
        if (block == null) {
            return false;
        }
        boolean changed = block.complete(container, seq, fromBay, fromRow, fromTier, toBay, toRow, toTier);
        if (changed) {
            entry.setValue(block);
        }
        return changed;
    }
}
