package org.portops.state.block;

import com.hazelcast.map.EntryProcessor;
import org.portops.model.yard.BlockId;
import org.portops.state.MoveRefusal;

import java.util.Map;

/**
 * First step of move {@code seq} out of this block: checks the container stands at the slot with nothing on top
 * and marks it leaving, so nothing is stacked on it meanwhile. {@link CompleteMove} empties the slot once the
 * container's location has switched; {@link CancelMove} clears the mark. Re-applying the same move is a no-op.
 */
public record RemoveContainer(String container, int bay, int row, int tier, long seq)
        implements EntryProcessor<String, BlockState, MoveRefusal> {

    @Override
    public MoveRefusal process(Map.Entry<String, BlockState> entry) {
        BlockState block = entry.getValue();
        if (block == null) {
            return new MoveRefusal.UnknownBlock(new BlockId(entry.getKey()));
        }
        MoveRefusal refusal = block.markLeaving(container, bay, row, tier, seq);
        if (refusal == null) {
            entry.setValue(block);
        }
        return refusal;
    }
}
