package org.portops.state.block;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * Undoes the first step of move {@code seq} in this block when the move was refused elsewhere or could not be
 * logged: the leaving mark is cleared, the reservation dropped. Idempotent.
 */
public record CancelMove(String container, long seq, int fromBay, int fromRow, int fromTier, int toBay, int toRow,
                         int toTier) implements EntryProcessor<String, BlockState, Boolean> {

    @Override
    public Boolean process(Map.Entry<String, BlockState> entry) {
        BlockState block = entry.getValue();
        if (block == null) {
            return false;
        }
        boolean changed = block.cancel(container, seq, fromBay, fromRow, fromTier, toBay, toRow, toTier);
        if (changed) {
            entry.setValue(block);
        }
        return changed;
    }
}
