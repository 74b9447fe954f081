package org.portops.state.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Turns a Hazelcast future into a Vert.x future completed on a given context, with one thread hop.
 * <p>
 * Hazelcast runs the non-async callbacks of its futures ({@code whenComplete}, which
 * {@code Future.fromCompletionStage} uses) on its default async executor: the common fork-join pool, or, when that
 * pool has a parallelism of one (any machine with two cores or fewer), <em>a new thread per callback</em>. The
 * futures of entry processors ({@code DelegatingCompletableFuture}) even wrap the stage {@code whenComplete*}
 * returns in a new future that listens on that executor. On the writer's hot path that cost a thread start per
 * entry processor. {@code handleAsync} with an explicit executor does neither: the callback runs on the thread
 * that completes the Hazelcast future (a partition or response thread) and does nothing there but hand the
 * outcome to the Vert.x context, which never blocks.
 */
public final class HazelcastFutures {

    private static final Executor COMPLETING_THREAD = Runnable::run;

    private HazelcastFutures() {
    }

    public static <T> Future<T> on(Context context, CompletionStage<T> stage) {
        Promise<T> promise = Promise.promise();
        stage.handleAsync((value, error) -> {
            context.runOnContext(v -> {
                if (error != null) {
                    promise.fail(error);
                } else {
                    promise.complete(value);
                }
            });
            return null;
        }, COMPLETING_THREAD);
        return promise.future();
    }
}
