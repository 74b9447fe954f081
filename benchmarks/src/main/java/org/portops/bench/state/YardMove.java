package org.portops.bench.state;

import org.portops.model.container.Container;
import org.portops.model.yard.YardSlot;
import org.portops.state.block.StackCells;

/**
 * One legal move inside a block, chosen against the worker's mirror of that block; {@code destination} is the
 * destination stack's cells after the move (what the reference path writes).
 */
record YardMove(Container container, YardSlot from, YardSlot to, StackCells destination) {

    String number() {
        return container.number().value();
    }

    String block() {
        return from.block().value();
    }
}
