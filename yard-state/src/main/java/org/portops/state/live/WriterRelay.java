package org.portops.state.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.portops.model.yard.YardSlot;
import org.portops.state.ChangeResult;
import org.portops.state.MoveRequest;
import org.portops.state.MoveResult;
import org.portops.state.json.MoveJson;
import org.portops.state.store.WriterFencedException;

/**
 * Carries the moves and slot changes made on a node that is not the yard's writer to the node that is, over the
 * (clustered) event bus, and serves them there. A change is sent again only when it is certain that nothing of it
 * was done: no node serves the writer's address (between a writer's death and its successor's takeover), or the
 * node that got it was fenced by a newer writer before preparing it. A change whose answer is lost (the writer's node
 * died with it in flight) fails instead: it may be in the move log, and sending a move again that was made would be
 * refused as not at its origin, which the caller could not tell from a real refusal.
 */
final class WriterRelay {

    static final String MOVE_ADDRESS = "portops.yard.writer.move";
    static final String SLOT_ADDRESS = "portops.yard.writer.slot";
    /** The failure code a writer answers with once fenced: nothing of the change was done, send it again. */
    static final int FENCED = 409;
    private static final int FAILED = 500;
    /**
     * How long a change waits for a writer: longer than a takeover with the default lease ttl of 6 s (at most
     * ttl + ttl/3 to the new term, then the move log's replay), so a fail-over delays moves rather than failing them.
     */
    static final Duration PATIENCE = Duration.ofSeconds(30);
    /**
     * How long an answer may take: a move is answered in milliseconds (p99 tens of ms on a loaded machine, `bench
     * cluster`); an answer this late was lost with a writer that died holding the move, and waiting longer (Vert.x's
     * default is 30 s) would only hold the caller back from learning it.
     */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    private static final long RETRY_MS = 100;

    private final Vertx vertx;

    WriterRelay(Vertx vertx) {
        this.vertx = vertx;
    }

    Future<MoveResult> move(MoveRequest request) {
        return send(MOVE_ADDRESS, MoveJson.request(request), System.nanoTime() + PATIENCE.toNanos())
                .map(MoveJson::result);
    }

    Future<ChangeResult> setSlotClosed(YardSlot slot, boolean close, String reason) {
        JsonObject body = new JsonObject().put("slot", slot.toString()).put("close", close).put("reason", reason);
        return send(SLOT_ADDRESS, body, System.nanoTime() + PATIENCE.toNanos()).map(MoveJson::change);
    }

    private Future<JsonObject> send(String address, JsonObject body, long deadline) {
        return vertx.eventBus().<JsonObject>request(address, body,
                new DeliveryOptions().setSendTimeout(ANSWER_WITHIN.toMillis())).map(Message::body).recover(e -> {
            if (nothingDone(e) && System.nanoTime() < deadline) {
                return vertx.timer(RETRY_MS).compose(v -> send(address, body, deadline));
            }
            return Future.failedFuture(new IllegalStateException("the yard writer did not take the change: "
                    + e.getMessage(), e));
        });
    }

    private static boolean nothingDone(Throwable e) {
        return e instanceof ReplyException reply && (reply.failureType() == ReplyFailure.NO_HANDLERS
                || reply.failureType() == ReplyFailure.RECIPIENT_FAILURE && reply.failureCode() == FENCED);
    }

    /**
     * Serves this node's writer on the writer's addresses (cluster-wide consumers) until the returned consumers are
     * unregistered; completes once they are registered.
     */
    static Future<List<MessageConsumer<JsonObject>>> serve(Vertx vertx, MoveWriter writer) {
        MessageConsumer<JsonObject> moves = vertx.eventBus().consumer(MOVE_ADDRESS, message ->
                writer.move(MoveJson.request(message.body())).onComplete(done -> {
                    if (done.succeeded()) {
                        message.reply(MoveJson.result(done.result()));
                    } else {
                        fail(message, done.cause());
                    }
                }));
        MessageConsumer<JsonObject> slots = vertx.eventBus().consumer(SLOT_ADDRESS, message -> {
            JsonObject body = message.body();
            writer.setSlotClosed(YardSlot.parse(body.getString("slot")), body.getBoolean("close"),
                    body.getString("reason")).onComplete(done -> {
                        if (done.succeeded()) {
                            message.reply(MoveJson.change(done.result()));
                        } else {
                            fail(message, done.cause());
                        }
                    });
        });
        return Future.all(moves.completion(), slots.completion()).map(v -> List.of(moves, slots));
    }

    private static void fail(Message<JsonObject> message, Throwable cause) {
        message.fail(cause instanceof WriterFencedException ? FENCED : FAILED, String.valueOf(cause.getMessage()));
    }
}
