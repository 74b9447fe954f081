package org.portops.bench.state;

import com.hazelcast.map.IMap;
import org.portops.model.work.YardLocation;
import org.portops.state.block.StackCells;
import org.portops.state.custody.TrackedContainer;

/**
 * The reference: the same data a move changes, written with two plain {@code IMap.put}s — the container's record
 * at its new place and the destination stack's cells — with no check, no reservation and no atomicity across them.
 * This is what a design without entry processors would do per move.
 */
final class PlainPutPath implements MovePath {

    private final IMap<String, TrackedContainer> containers;
    private final IMap<String, StackCells> stacks;

    PlainPutPath(IMap<String, TrackedContainer> containers, IMap<String, StackCells> stacks) {
        this.containers = containers;
        this.stacks = stacks;
    }

    @Override
    public String label() {
        return "IMap.put x2 (reference: no checks)";
    }

    @Override
    public boolean carry(YardMove move, long seq) {
        containers.put(move.number(), new TrackedContainer(move.container(), new YardLocation(move.to()), seq, 0));
        stacks.put(move.to().stack().toString(), move.destination());
        return true;
    }
}
