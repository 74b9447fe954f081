package org.portops.sim.engine;

import java.util.HashSet;
import java.util.Set;
import org.portops.model.yard.StackId;
import org.portops.model.yard.YardSlot;
import org.portops.sim.yard.SimYard;

/**
 * Stacks with a move under way: one move per ground position at a time, so a box is never set on a slot whose
 * support is about to be lifted, nor lifted from under a box on its way.
 */
final class Reservations {

    private final Set<StackId> taken = new HashSet<>();

    boolean free(YardSlot slot, int yardBays) {
        return SimYard.cellsOf(slot, yardBays).stream().noneMatch(cell -> taken.contains(cell.stack()));
    }

    void take(YardSlot slot, int yardBays) {
        SimYard.cellsOf(slot, yardBays).forEach(cell -> taken.add(cell.stack()));
    }

    void release(YardSlot slot, int yardBays) {
        SimYard.cellsOf(slot, yardBays).forEach(cell -> taken.remove(cell.stack()));
    }
}
