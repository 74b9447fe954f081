package org.portops.state.block;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/** Drops every reservation and leaving mark of a block: a new writer taking over clears what no log row backs. */
public record ClearPendingMarks() implements EntryProcessor<String, BlockState, Boolean> {

    @Override
    public Boolean process(Map.Entry<String, BlockState> entry) {
        BlockState block = entry.getValue();
        if (block == null || !block.clearPendingMarks()) {
            return false;
        }
        entry.setValue(block);
        return true;
    }
}
