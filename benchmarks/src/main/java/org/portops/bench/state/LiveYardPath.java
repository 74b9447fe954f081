package org.portops.bench.state;

import org.portops.model.work.MoveKind;
import org.portops.model.work.YardLocation;
import org.portops.state.LiveYard;
import org.portops.state.MoveRequest;
import org.portops.state.MoveResult;

/**
 * The service path: {@link LiveYard#move}, the entry-processor protocol plus the durable move log in PostgreSQL;
 * a move returns once it is in the log and visible in the live state.
 */
final class LiveYardPath implements MovePath {

    private final LiveYard yard;

    LiveYardPath(LiveYard yard) {
        this.yard = yard;
    }

    @Override
    public String label() {
        return "LiveYard.move (+ durable move log)";
    }

    @Override
    public boolean carry(YardMove move, long seq) {
        MoveRequest request = MoveRequest.of(move.container().number(), MoveKind.YARD_SHIFT,
                new YardLocation(move.from()), new YardLocation(move.to()));
        MoveResult result = yard.move(request).toCompletionStage().toCompletableFuture().join();
        return result instanceof MoveResult.Accepted;
    }
}
