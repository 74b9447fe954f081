package org.portops.bench.state;

/** One way of carrying a move into the live state; {@link #carry} returns once the move is done. */
interface MovePath {

    String label();

    /** @return true when the cluster accepted the move */
    boolean carry(YardMove move, long seq);
}
