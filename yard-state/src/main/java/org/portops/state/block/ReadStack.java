package org.portops.state.block;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/** Reads one stack where the block lives, so a reader receives a few cells instead of the whole block. */
public record ReadStack(int bay, int row) implements EntryProcessor<String, BlockState, StackCells>, ReadOnly {

    @Override
    public StackCells process(Map.Entry<String, BlockState> entry) {
        BlockState block = entry.getValue();
        if (block == null || bay < 1 || bay > block.bays() || row < 1 || row > block.rows()) {
            return null;
        }
        return block.stack(bay, row);
    }

    @Override
    public EntryProcessor<String, BlockState, StackCells> getBackupProcessor() {
        return null;
    }
}
