package org.portops.state.block;

import com.hazelcast.map.EntryProcessor;
import org.portops.model.yard.BlockId;
import org.portops.state.MoveRefusal;

import java.util.Map;

/** Closes ({@code close = true}) or reopens a slot. Idempotent. */
public record CloseSlot(int bay, int row, int tier, boolean close)
        implements EntryProcessor<String, BlockState, MoveRefusal> {

    @Override
    public MoveRefusal process(Map.Entry<String, BlockState> entry) {
        BlockState block = entry.getValue();
        if (block == null) {
            return new MoveRefusal.UnknownBlock(new BlockId(entry.getKey()));
        }
        MoveRefusal refusal = block.setClosed(bay, row, tier, close);
        if (refusal == null) {
            entry.setValue(block);
        }
        return refusal;
    }
}
