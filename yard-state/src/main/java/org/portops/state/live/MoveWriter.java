package org.portops.state.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.portops.model.container.Container;
import org.portops.model.event.Addresses;
import org.portops.model.event.ContainerMoved;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.work.Location;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.YardSlot;
import org.portops.state.ChangeResult;
import org.portops.state.MoveRefusal;
import org.portops.state.MoveRequest;
import org.portops.state.MoveResult;
import org.portops.state.YardMaps;
import org.portops.state.block.CancelMove;
import org.portops.state.block.CloseSlot;
import org.portops.state.block.CompleteMove;
import org.portops.state.block.MoveWithinBlock;
import org.portops.state.block.PlaceContainer;
import org.portops.state.block.RemoveContainer;
import org.portops.state.custody.ClaimContainer;
import org.portops.state.custody.ReleaseClaim;
import org.portops.state.custody.SwitchLocation;
import org.portops.state.custody.TrackedContainer;
import org.portops.state.json.ModelJson;
import org.portops.state.json.YardEventJson;
import org.portops.state.store.LogEntry;
import org.portops.state.store.MoveLog;
import org.portops.state.store.WriterFencedException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * The one ordered writer of the live yard. Every change to where containers are, and to which slots are closed,
 * passes through it, on one Vert.x context, in arrival order, in batches:
 * <ol>
 *   <li>prepare, move by move, with the move's log sequence N: claim the container (it must be at the origin), mark
 *       its origin slot leaving and reserve its destination (all yard invariants checked there). A move refused
 *       while earlier moves of the batch are still pending goes back to the head of the queue and is tried again in
 *       the next batch against a quiescent yard; one refused on a quiescent yard is refused for good.</li>
 *   <li>log the prepared moves in one transaction (fenced by the writer lease): the moves are now durable;</li>
 *   <li>commit each: switch the container's location (the linearization point), then empty the origin and
 *       confirm the destination; publish the event; complete the caller's future.</li>
 * </ol>
 * If the log append fails, the prepared moves are cancelled and nothing changed. Every step carries N and is a
 * no-op when re-applied.
 */
final class MoveWriter {

    static final int MAX_BATCH = 64;
    static long T_SW, T_CM, N_C, T_PREP, T_LOG, T_COM, N_B, N_M;

    private final Vertx vertx;
    private final Context context;
    private final YardMaps maps;
    private final MoveLog log;
    private final TerminalLayout layout;
    private final Clock clock;
    private final long epoch;
    private final ArrayDeque<Command> queue = new ArrayDeque<>();
    private final ArrayDeque<Long> sequences = new ArrayDeque<>();
    private final Promise<Void> idle = Promise.promise();
    private boolean running;
    private RuntimeException stopped;

    private sealed interface Command permits MoveCommand, SlotCommand {
        void fail(Throwable error);
    }

    private record MoveCommand(MoveRequest request, Promise<MoveResult> promise) implements Command {
        public void fail(Throwable error) {
            promise.tryFail(error);
        }
    }

    private record SlotCommand(YardSlot slot, boolean close, String reason, Promise<ChangeResult> promise)
            implements Command {
        public void fail(Throwable error) {
            promise.tryFail(error);
        }
    }

    /** A move whose first step held: claimed, origin marked leaving, destination reserved. */
    private record Prepared(MoveCommand command, long seq, Container master, boolean arrival, Instant at) {
        MoveRequest request() {
            return command.request();
        }
    }

    MoveWriter(Vertx vertx, Context context, YardMaps maps, MoveLog log, TerminalLayout layout, Clock clock,
               long epoch) {
        this.vertx = vertx;
        this.context = context;
        this.maps = maps;
        this.log = log;
        this.layout = layout;
        this.clock = clock;
        this.epoch = epoch;
    }

    Future<MoveResult> move(MoveRequest request) {
        Promise<MoveResult> promise = Promise.promise();
        context.runOnContext(v -> enqueue(new MoveCommand(request, promise)));
        return promise.future();
    }

    Future<ChangeResult> setSlotClosed(YardSlot slot, boolean close, String reason) {
        Promise<ChangeResult> promise = Promise.promise();
        context.runOnContext(v -> enqueue(new SlotCommand(slot, close, reason, promise)));
        return promise.future();
    }

    /** Refuses new work, lets the batch under way finish, fails what is still queued. */
    Future<Void> close() {
        Promise<Void> closed = Promise.promise();
        context.runOnContext(v -> {
            if (stopped == null) {
                stopped = new IllegalStateException("the live yard is closed");
            }
            failQueued(stopped);
            if (!running) {
                idle.tryComplete();
            }
            idle.future().onComplete(closed);
        });
        return closed.future();
    }

    private void enqueue(Command command) {
        if (stopped != null) {
            command.fail(stopped);
            return;
        }
        queue.add(command);
        drain();
    }

    private void drain() {
        if (running) {
            return;
        }
        if (queue.isEmpty()) {
            if (stopped != null) {
                idle.tryComplete();
            }
            return;
        }
        running = true;
        runBatch().onComplete(done -> {
            running = false;
            drain();
        });
    }

    private void failQueued(Throwable error) {
        while (!queue.isEmpty()) {
            queue.poll().fail(error);
        }
    }

    private Future<Void> runBatch() {
        return ensureSequences().compose(ready -> {
            if (queue.peek() instanceof SlotCommand slotCommand) {
                queue.poll();
                return runSlotCommand(slotCommand);
            }
            List<Prepared> batch = new ArrayList<>();
            long t0 = System.nanoTime();
            return prepareMore(batch).compose(prepared -> { T_PREP += System.nanoTime() - t0; N_B++; N_M += batch.size(); return batch.isEmpty() ? Future.succeededFuture() : logAndCommit(batch);});
        }, error -> {
            Command head = queue.poll();
            if (head != null) {
                head.fail(error);
            }
            return Future.succeededFuture();
        });
    }

    private Future<Void> ensureSequences() {
        if (sequences.size() > MAX_BATCH) {
            return Future.succeededFuture();
        }
        return log.nextSequences(4 * MAX_BATCH).map(next -> {
            sequences.addAll(next);
            return null;
        });
    }

    // ---- step 1: prepare -----------------------------------------------------------------------------------------

    private Future<Void> prepareMore(List<Prepared> batch) {
        if (queue.isEmpty() || batch.size() >= MAX_BATCH || sequences.isEmpty() || stopped != null
                || queue.peek() instanceof SlotCommand) {
            return Future.succeededFuture();
        }
        MoveCommand command = (MoveCommand) queue.poll();
        long seq = sequences.poll();
        return prepare(command, seq).transform(outcome -> {
            if (outcome.failed()) {
                command.promise().tryFail(outcome.cause());
                return prepareMore(batch);
            }
            if (outcome.result() instanceof Prepared prepared) {
                batch.add(prepared);
                return prepareMore(batch);
            }
            MoveRefusal refusal = (MoveRefusal) outcome.result();
            if (batch.isEmpty()) {
                command.promise().tryComplete(new MoveResult.Refused(command.request(), refusal));
                return prepareMore(batch);
            }
            queue.addFirst(command);
            return Future.succeededFuture();
        });
    }

    /** Completes with {@link Prepared} or with the {@link MoveRefusal}; a refused move leaves nothing behind. */
    private Future<Object> prepare(MoveCommand command, long seq) {
        MoveRequest request = command.request();
        if (Objects.equals(request.from(), request.to())) {
            return Future.succeededFuture(new MoveRefusal.SameLocation(request.container(), request.to()));
        }
        MoveRefusal unknownBlock = unknownBlock(request.from());
        if (unknownBlock == null) {
            unknownBlock = unknownBlock(request.to());
        }
        if (unknownBlock != null) {
            return Future.succeededFuture(unknownBlock);
        }
        String number = request.container().value();
        Instant at = clock.instant();
        return hz(maps.containers().submitToKey(number,
                new ClaimContainer(number, text(request.from()), request.masterData(), seq)))
                .compose(claimed -> {
                    if (claimed instanceof MoveRefusal refusal) {
                        return Future.succeededFuture(refusal);
                    }
                    TrackedContainer tracked = (TrackedContainer) claimed;
                    return markSlots(request, tracked.container(), seq).compose(refusal -> {
                        if (refusal == null) {
                            return Future.succeededFuture(new Prepared(command, seq, tracked.container(),
                                    !tracked.inTerminal(), at));
                        }
                        return hz(maps.containers().submitToKey(number, new ReleaseClaim(number, seq)))
                                .map(released -> refusal);
                    });
                });
    }

    private MoveRefusal unknownBlock(Location location) {
        if (location instanceof YardLocation yard && layout.block(yard.slot().block()).isEmpty()) {
            return new MoveRefusal.UnknownBlock(yard.slot().block());
        }
        return null;
    }

    private Future<MoveRefusal> markSlots(MoveRequest request, Container master, long seq) {
        String number = request.container().value();
        YardSlot from = yardSlot(request.from());
        YardSlot to = yardSlot(request.to());
        int length = master.length().yardBays();
        boolean reefer = master.isReefer();
        if (from != null && to != null && from.block().equals(to.block())) {
            return hz(maps.blocks().submitToKey(from.block().value(), new MoveWithinBlock(number, bay(from), row(from),
                    tier(from), bay(to), row(to), tier(to), length, reefer, seq)));
        }
        Future<MoveRefusal> origin = from == null ? Future.succeededFuture()
                : hz(maps.blocks().submitToKey(from.block().value(),
                new RemoveContainer(number, bay(from), row(from), tier(from), seq)));
        return origin.compose(refusal -> {
            if (refusal != null || to == null) {
                return Future.succeededFuture(refusal);
            }
            return hz(maps.blocks().submitToKey(to.block().value(),
                    new PlaceContainer(number, bay(to), row(to), tier(to), length, reefer, seq)))
                    .compose(placeRefusal -> placeRefusal == null || from == null
                            ? Future.succeededFuture(placeRefusal)
                            : hz(maps.blocks().submitToKey(from.block().value(), new CancelMove(number, seq, bay(from),
                            row(from), tier(from), 0, 0, 0))).map(cancelled -> placeRefusal));
        });
    }

    // ---- step 2: log ---------------------------------------------------------------------------------------------

    private Future<Void> logAndCommit(List<Prepared> batch) {
        List<LogEntry> entries = new ArrayList<>(batch.size());
        List<JsonObject> arriving = new ArrayList<>();
        for (Prepared p : batch) {
            MoveRequest r = p.request();
            JsonObject payload = new JsonObject();
            if (p.arrival()) {
                JsonObject master = ModelJson.container(p.master());
                payload.put("container", master);
                arriving.add(master);
            }
            entries.add(new LogEntry(p.seq(), r.container().value(), r.kind().name(), text(r.from()),
                    r.isDeparture() && r.to() == null ? null : text(r.to()),
                    r.instruction() == null ? null : r.instruction().value(), p.at(), payload));
        }
        long t1 = System.nanoTime();
        return log.append(epoch, entries, arriving, clock.instant()).transform(appended -> {
            T_LOG += System.nanoTime() - t1;
            long t2 = System.nanoTime();
            if (N_B % 50 == 0) System.err.printf("TIMING batches %d moves %d prep %.2f ms log %.2f ms commit %.2f ms sw %.2f cm %.2f%n", N_B, N_M, T_PREP/1e6/N_B, T_LOG/1e6/N_B, T_COM/1e6/N_B, T_SW/1e6/N_C, T_CM/1e6/N_C);
            if (appended.succeeded()) {
                return Future.join(batch.stream().map(this::commit).toList()).<Void>mapEmpty().recover(e -> Future.succeededFuture()).andThen(x -> T_COM += System.nanoTime() - t2);
            }
            Throwable error = appended.cause();
            if (error instanceof WriterFencedException fenced) {
                stopped = fenced;
            }
            return Future.join(batch.stream().map(this::cancel).toList()).<Void>transform(cancelled -> {
                batch.forEach(p -> p.command().promise().tryFail(error));
                if (stopped != null) {
                    failQueued(stopped);
                }
                return Future.succeededFuture();
            });
        });
    }

    // ---- step 3: commit ------------------------------------------------------------------------------------------

    private Future<Void> commit(Prepared p) {
        MoveRequest r = p.request();
        String number = r.container().value();
        String to = r.isDeparture() ? null : text(r.to());
        long c0 = System.nanoTime();
        return hz(maps.containers().submitToKey(number, new SwitchLocation(number, p.seq(), to)))
                .compose(switched -> { T_SW += System.nanoTime() - c0; N_C++;
                    if (!switched) {
                        return Future.failedFuture(new IllegalStateException("move " + p.seq() + " of " + number
                                + " is logged but its claim on the live yard was lost; the live yard must be "
                                + "rebuilt from the log"));
                    }
                    long c1 = System.nanoTime();
                    return completeSlots(r, p.seq()).andThen(x -> T_CM += System.nanoTime() - c1);
                })
                .andThen(done -> {
                    if (done.failed()) {
                        p.command().promise().tryFail(done.cause());
                        return;
                    }
                    ContainerMoved event = new ContainerMoved(p.seq(), p.at(), r.container(), r.kind(), r.from(),
                            r.to());
                    vertx.eventBus().publish(address(p), YardEventJson.encode(event));
                    p.command().promise().tryComplete(new MoveResult.Accepted(event));
                });
    }

    private static String address(Prepared p) {
        if (p.arrival()) {
            return Addresses.CONTAINER_PLACED;
        }
        return p.request().isDeparture() ? Addresses.CONTAINER_REMOVED : Addresses.CONTAINER_MOVED;
    }

    private Future<Void> completeSlots(MoveRequest r, long seq) {
        String number = r.container().value();
        YardSlot from = yardSlot(r.from());
        YardSlot to = yardSlot(r.to());
        if (from != null && to != null && from.block().equals(to.block())) {
            return hz(maps.blocks().submitToKey(from.block().value(), new CompleteMove(number, seq, bay(from),
                    row(from), tier(from), bay(to), row(to), tier(to)))).mapEmpty();
        }
        List<Future<Boolean>> steps = new ArrayList<>(2);
        if (from != null) {
            steps.add(hz(maps.blocks().submitToKey(from.block().value(), new CompleteMove(number, seq, bay(from),
                    row(from), tier(from), 0, 0, 0))));
        }
        if (to != null) {
            steps.add(hz(maps.blocks().submitToKey(to.block().value(), new CompleteMove(number, seq, 0, 0, 0, bay(to),
                    row(to), tier(to)))));
        }
        return Future.all(steps).mapEmpty();
    }

    private Future<Void> cancel(Prepared p) {
        MoveRequest r = p.request();
        String number = r.container().value();
        YardSlot from = yardSlot(r.from());
        YardSlot to = yardSlot(r.to());
        List<Future<Boolean>> steps = new ArrayList<>(3);
        if (from != null) {
            steps.add(hz(maps.blocks().submitToKey(from.block().value(), new CancelMove(number, p.seq(), bay(from),
                    row(from), tier(from), 0, 0, 0))));
        }
        if (to != null) {
            steps.add(hz(maps.blocks().submitToKey(to.block().value(), new CancelMove(number, p.seq(), 0, 0, 0,
                    bay(to), row(to), tier(to)))));
        }
        steps.add(hz(maps.containers().submitToKey(number, new ReleaseClaim(number, p.seq()))));
        return Future.join(steps).mapEmpty();
    }

    // ---- slot closures -------------------------------------------------------------------------------------------

    private Future<Void> runSlotCommand(SlotCommand command) {
        YardSlot slot = command.slot();
        BlockLayout block = layout.block(slot.block()).orElse(null);
        if (block == null) {
            command.promise().complete(new ChangeResult.Refused(new MoveRefusal.UnknownBlock(slot.block()).reason()));
            return Future.succeededFuture();
        }
        if (slot.bay().number() > block.bays() || slot.row().number() > block.rows()) {
            command.promise().complete(new ChangeResult.Refused(
                    new MoveRefusal.OutsideBlock(slot, block.bays(), block.rows()).reason()));
            return Future.succeededFuture();
        }
        if (slot.tier().level() > block.maxTiers()) {
            command.promise().complete(new ChangeResult.Refused(
                    new MoveRefusal.TierLimitExceeded(slot, block.maxTiers()).reason()));
            return Future.succeededFuture();
        }
        long seq = sequences.poll();
        Instant at = clock.instant();
        LogEntry entry = new LogEntry(seq, null, command.close() ? LogEntry.SLOT_CLOSED : LogEntry.SLOT_OPENED, null,
                new YardLocation(slot).toString(), null, at,
                new JsonObject().put("reason", command.reason() == null ? "" : command.reason()));
        return log.append(epoch, List.of(entry), List.of(), at)
                .compose(logged -> hz(maps.blocks().submitToKey(slot.block().value(),
                        new CloseSlot(bay(slot), row(slot), tier(slot), command.close()))))
                .transform(done -> {
                    if (done.failed()) {
                        if (done.cause() instanceof WriterFencedException fenced) {
                            stopped = fenced;
                            failQueued(fenced);
                        }
                        command.promise().tryFail(done.cause());
                    } else {
                        command.promise().tryComplete(done.result() == null ? ChangeResult.APPLIED
                                : new ChangeResult.Refused(done.result().reason()));
                    }
                    return Future.succeededFuture();
                });
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private <T> Future<T> hz(CompletionStage<T> stage) {
        return Future.fromCompletionStage(stage, context);
    }

    private static String text(Location location) {
        return location == null ? null : location.toString();
    }

    private static YardSlot yardSlot(Location location) {
        return location instanceof YardLocation yard ? yard.slot() : null;
    }

    private static int bay(YardSlot slot) {
        return slot.bay().number();
    }

    private static int row(YardSlot slot) {
        return slot.row().number();
    }

    private static int tier(YardSlot slot) {
        return slot.tier().level();
    }
}
