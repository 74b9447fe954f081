package org.portops.bench.state;

import com.hazelcast.map.IMap;
import org.portops.model.work.YardLocation;
import org.portops.state.block.BlockState;
import org.portops.state.block.CompleteMove;
import org.portops.state.block.MoveWithinBlock;
import org.portops.state.custody.ClaimContainer;
import org.portops.state.custody.SwitchLocation;
import org.portops.state.custody.TrackedContainer;

/**
 * The live state's own protocol for a move inside a block, without the durable log: claim the container, mark
 * origin and destination in one block processor (every yard invariant checked atomically), switch the container's
 * location (the linearization point), complete the block. Four entry processors, in order.
 */
final class EntryProcessorPath implements MovePath {

    private final IMap<String, TrackedContainer> containers;
    private final IMap<String, BlockState> blocks;

    EntryProcessorPath(IMap<String, TrackedContainer> containers, IMap<String, BlockState> blocks) {
        this.containers = containers;
        this.blocks = blocks;
    }

    @Override
    public String label() {
        return "entry processors x4 (checked, atomic per block)";
    }

    @Override
    public boolean carry(YardMove move, long seq) {
        String number = move.number();
        var from = move.from();
        var to = move.to();
        Object claim = containers.executeOnKey(number,
                new ClaimContainer(number, new YardLocation(from).toString(), null, seq));
        if (!(claim instanceof TrackedContainer)) {
            return false;
        }
        var refusal = blocks.executeOnKey(move.block(), new MoveWithinBlock(number, from.bay().number(),
                from.row().number(), from.tier().level(), to.bay().number(), to.row().number(), to.tier().level(),
                move.container().length().yardBays(), move.container().isReefer(), seq));
        if (refusal != null) {
            return false;
        }
        containers.executeOnKey(number, new SwitchLocation(number, seq, new YardLocation(to).toString()));
        blocks.executeOnKey(move.block(), new CompleteMove(number, seq, from.bay().number(), from.row().number(),
                from.tier().level(), to.bay().number(), to.row().number(), to.tier().level()));
        return true;
    }
}
