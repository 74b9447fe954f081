package org.portops.state.block;

import com.hazelcast.map.EntryProcessor;
import org.portops.model.yard.BlockId;
import org.portops.state.MoveRefusal;

import java.util.Map;

/**
 * First step of move {@code seq} between two slots of the same block, atomically: marks the origin leaving and
 * reserves the destination, or neither. The destination may not stand on the origin. Re-applying is a no-op.
 */
public record MoveWithinBlock(String container, int fromBay, int fromRow, int fromTier, int toBay, int toRow,
                              int toTier, int lengthBays, boolean reefer, long seq)
        implements EntryProcessor<String, BlockState, MoveRefusal> {

    @Override
    public MoveRefusal process(Map.Entry<String, BlockState> entry) {
        BlockState block = entry.getValue();
        if (block == null) {
            return new MoveRefusal.UnknownBlock(new BlockId(entry.getKey()));
        }
        MoveRefusal refusal = block.moveWithin(container, fromBay, fromRow, fromTier, toBay, toRow, toTier,
                lengthBays, reefer, seq);
        if (refusal == null) {
            entry.setValue(block);
        }
        return refusal;
    }
}
