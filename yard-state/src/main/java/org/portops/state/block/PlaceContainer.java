package org.portops.state.block;

import com.hazelcast.map.EntryProcessor;
import org.portops.model.yard.BlockId;
import org.portops.state.MoveRefusal;

import java.util.Map;

/**
 * First step of move {@code seq} into this block: checks every yard invariant for the destination and reserves it
 * (inbound) for the container. {@link CompleteMove} later turns the reservation into the container standing there;
 * {@link CancelMove} drops it. Re-applying the same move is a no-op.
 */
public record PlaceContainer(String container, int bay, int row, int tier, int lengthBays, boolean reefer, long seq)
        implements EntryProcessor<String, BlockState, MoveRefusal> {

    @Override
    public MoveRefusal process(Map.Entry<String, BlockState> entry) {
        BlockState block = entry.getValue();
        if (block == null) {
            return new MoveRefusal.UnknownBlock(new BlockId(entry.getKey()));
        }
        MoveRefusal refusal = block.reserve(container, bay, row, tier, lengthBays, reefer, seq);
        if (refusal == null) {
            entry.setValue(block);
        }
        return refusal;
    }
}
