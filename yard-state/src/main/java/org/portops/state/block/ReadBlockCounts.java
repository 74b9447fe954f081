package org.portops.state.block;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/** Counts a block's occupancy where it lives, for the yard summary. */
public record ReadBlockCounts() implements EntryProcessor<String, BlockState, BlockCounts>, ReadOnly {

    @Override
    public BlockCounts process(Map.Entry<String, BlockState> entry) {
        BlockState block = entry.getValue();
        return block == null ? null : block.counts();
    }

    @Override
    public EntryProcessor<String, BlockState, BlockCounts> getBackupProcessor() {
        return null;
    }
}
