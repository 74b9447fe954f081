package org.portops.crane.vessel;

import java.util.List;

/** One crane cycle: a single lift, or a twin lift of two 20' containers of one 40' position together. */
public record CraneCycle(List<CraneMove> moves) {
    public CraneCycle {
        moves = List.copyOf(moves);
        if (moves.isEmpty() || moves.size() > 2) {
            throw new IllegalArgumentException("a crane cycle moves one container or a twin, was " + moves.size());
        }
    }

    public boolean isTwin() {
        return moves.size() == 2;
    }
}
