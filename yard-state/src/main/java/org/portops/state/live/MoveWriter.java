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
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The one ordered writer of the live yard. Every change to where containers are, and to which slots are closed,
 * passes through it, on one Vert.x context, in arrival order, in batches:
 * <ol>
 *   <li>prepare: a batch takes moves from the head of the queue, in arrival order, as long as each one's
 *       <em>footprint</em> (its container, and every stack its origin and destination read or write) is disjoint
 *       from the footprints of all moves taken before it that are not finished yet; the first move that overlaps
 *       waits at the head of the queue. Each move gets its log sequence N in queue order and is prepared: claim the
 *       container (it must be at the origin), mark its origin slot leaving and reserve its destination (all yard
 *       invariants checked there). The moves of a batch are prepared concurrently: every check and mark of a move
 *       reads and writes only its own footprint, so they commute, and the outcome is the one of preparing them one
 *       after the other; a refusal is final, as the yard is quiescent inside the refused move's footprint.</li>
 *   <li>log the prepared moves in one statement (fenced by the writer lease): the moves are now durable. Batches
 *       are logged strictly one after the other, in sequence order;</li>
 *   <li>commit the moves of the batch concurrently: switch the container's location (the linearization point),
 *       then empty the origin and confirm the destination; then publish the batch's events in sequence order and
 *       complete the callers' futures.</li>
 * </ol>
 * While a batch is being logged and committed the next one may be prepared (at most {@link #MAX_IN_FLIGHT} batches
 * between prepare and the end of commit): its moves are disjoint from every unfinished move, so whether the earlier
 * batch is logged or cancelled makes no difference to them. If a log append fails, that batch is cancelled and
 * nothing of it changed; a fenced writer cancels every prepared batch. Every step carries N and is a no-op when
 * re-applied.
 */
final class MoveWriter {

    static final int MAX_BATCH = 64;
    /** Batches past the start of their prepare step whose log append and commit (or cancellation) are not over. */
    static final int MAX_IN_FLIGHT = 2;
    /** Log sequences taken from PostgreSQL at once; a new block is fetched, in the background, below a quarter. */
    private static final int SEQUENCE_BLOCK = 1024;

    private final Vertx vertx;
    private final Context context;
    private final YardMaps maps;
    private final MoveLog log;
    private final TerminalLayout layout;
    private final Clock clock;
    private final long epoch;
    private final ArrayDeque<Command> queue = new ArrayDeque<>();
    private final ArrayDeque<Long> sequences = new ArrayDeque<>();
    /** Footprint keys of every move taken into a batch and not finished (committed, refused or cancelled). */
    private final Set<String> busy = new HashSet<>();
    private final Promise<Void> idle = Promise.promise();
    /** Completes when the last batch handed to the log has been logged and committed, or cancelled. */
    private Future<Void> logTail = Future.succeededFuture();
    private boolean fetchingSequences;
    /** A batch is being prepared, or a slot command runs: nothing else starts meanwhile. */
    private boolean preparing;
    private int inFlight;
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

    /** A move taken into a batch, with its sequence and the footprint it holds until it is finished. */
    private record Taken(MoveCommand command, long seq, List<String> footprint) {
    }

    /** A move whose first step held: claimed, origin marked leaving, destination reserved. */
    private record Prepared(Taken taken, Container master, boolean arrival, Instant at) {
        MoveCommand command() {
            return taken.command();
        }

        MoveRequest request() {
            return taken.command().request();
        }

        long seq() {
            return taken.seq();
        }
    }

    /** A committed move and the event to publish for it. */
    private record Committed(Prepared prepared, ContainerMoved event) {
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

    /** The move log lease epoch this writer appends under. */
    long epoch() {
        return epoch;
    }

    /** Refuses new work, lets the batches under way finish, fails what is still queued. */
    Future<Void> close() {
        return close(new IllegalStateException("the live yard is closed"));
    }

    /**
     * Like {@link #close()}, failing what is queued (and whatever comes later) with {@code reason}: a writer that
     * hands its role to another node fails them with a {@link WriterFencedException}, which sends them on to the new
     * writer; nothing of them was prepared.
     */
    Future<Void> close(RuntimeException reason) {
        Promise<Void> closed = Promise.promise();
        context.runOnContext(v -> {
            if (stopped == null) {
                stopped = reason;
            }
            failQueued(stopped);
            drain();
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

    /** Starts whatever may start now; called whenever something was queued or finished. */
    private void drain() {
        if (preparing) {
            return;
        }
        Command head = queue.peek();
        if (head == null) {
            if (stopped != null && inFlight == 0) {
                idle.tryComplete();
            }
            return;
        }
        if (!haveSequences()) {
            return;
        }
        if (head instanceof SlotCommand slotCommand) {
            if (inFlight > 0) {
                return;
            }
            queue.poll();
            preparing = true;
            runSlotCommand(slotCommand).onComplete(done -> {
                preparing = false;
                drain();
            });
            return;
        }
        if (inFlight >= MAX_IN_FLIGHT) {
            return;
        }
        List<Taken> batch = takeBatch();
        if (batch.isEmpty()) {
            return;
        }
        preparing = true;
        inFlight++;
        prepareAll(batch).onComplete(outcome -> {
            preparing = false;
            List<Prepared> ready = outcome.result();
            if (ready.isEmpty()) {
                inFlight--;
            } else {
                logTail = logTail.transform(previous -> logAndCommit(ready)).andThen(done -> {
                    ready.forEach(p -> release(p.taken()));
                    inFlight--;
                    drain();
                });
            }
            drain();
        });
    }

    /**
     * Whether a sequence is at hand for the head of the queue; fetches the next block in the background when the
     * stock runs low. If the fetch fails with no sequence left, the head command fails with that error.
     */
    private boolean haveSequences() {
        if (sequences.size() < SEQUENCE_BLOCK / 4 && !fetchingSequences) {
            fetchingSequences = true;
            log.nextSequences(SEQUENCE_BLOCK).onComplete(fetched -> {
                fetchingSequences = false;
                if (fetched.succeeded()) {
                    sequences.addAll(fetched.result());
                } else if (sequences.isEmpty() && !preparing) {
                    Command head = queue.poll();
                    if (head != null) {
                        head.fail(fetched.cause());
                    }
                }
                drain();
            });
        }
        return !sequences.isEmpty();
    }

    private void failQueued(Throwable error) {
        while (!queue.isEmpty()) {
            queue.poll().fail(error);
        }
    }

    // ---- step 1: prepare -----------------------------------------------------------------------------------------

    /** Moves from the head of the queue while each is disjoint from every unfinished move; takes their footprints. */
    private List<Taken> takeBatch() {
        List<Taken> batch = new ArrayList<>();
        while (batch.size() < MAX_BATCH && !sequences.isEmpty() && queue.peek() instanceof MoveCommand command) {
            List<String> footprint = footprint(command.request());
            for (String key : footprint) {
                if (busy.contains(key)) {
                    return batch;
                }
            }
            queue.poll();
            busy.addAll(footprint);
            batch.add(new Taken(command, sequences.poll(), footprint));
        }
        return batch;
    }

    /**
     * What a move reads or writes: its container's entry and, for each yard end, the stack of its slot and, on an
     * odd bay, the next one (a 40'/45' there covers both bays). Every check and mark of the move's prepare, commit
     * and cancel steps looks only at cells of these stacks ({@code BlockState} checks a slot's own cells, the cells
     * below and above them), so two moves with disjoint footprints commute.
     */
    private static List<String> footprint(MoveRequest request) {
        List<String> keys = new ArrayList<>(5);
        keys.add(request.container().value());
        addStacks(keys, yardSlot(request.from()));
        addStacks(keys, yardSlot(request.to()));
        return keys;
    }

    private static void addStacks(List<String> keys, YardSlot slot) {
        if (slot == null) {
            return;
        }
        String stack = slot.block().value() + "-" + bay(slot) + "-" + row(slot);
        keys.add(stack);
        if (bay(slot) % 2 == 1) {
            keys.add(slot.block().value() + "-" + (bay(slot) + 1) + "-" + row(slot));
        }
    }

    private void release(Taken taken) {
        taken.footprint().forEach(busy::remove);
    }

    /**
     * Prepares the moves of a batch concurrently and completes (never fails) with those that held, in sequence
     * order. Refused moves are answered now; a move whose prepare failed is undone and failed.
     */
    private Future<List<Prepared>> prepareAll(List<Taken> batch) {
        List<Future<Object>> outcomes = new ArrayList<>(batch.size());
        for (Taken taken : batch) {
            outcomes.add(prepare(taken));
        }
        return Future.join(outcomes).transform(all -> {
            List<Prepared> ready = new ArrayList<>(batch.size());
            List<Future<Void>> undone = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Taken taken = batch.get(i);
                Future<Object> outcome = outcomes.get(i);
                if (outcome.failed()) {
                    undone.add(cancel(taken.command().request(), taken.seq()).andThen(cancelled -> {
                        release(taken);
                        taken.command().fail(outcome.cause());
                    }));
                } else if (outcome.result() instanceof Prepared prepared) {
                    ready.add(prepared);
                } else {
                    release(taken);
                    taken.command().promise().tryComplete(
                            new MoveResult.Refused(taken.command().request(), (MoveRefusal) outcome.result()));
                }
            }
            return Future.join(undone).transform(cancelled -> Future.succeededFuture(ready));
        });
    }

    /** Completes with {@link Prepared} or with the {@link MoveRefusal}; a refused move leaves nothing behind. */
    private Future<Object> prepare(Taken taken) {
        MoveRequest request = taken.command().request();
        long seq = taken.seq();
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
                            return Future.succeededFuture(new Prepared(taken, tracked.container(),
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

    /**
     * Logs a prepared batch, then commits it; runs only after the previous batch's turn is over, so batches reach the
     * log, and their events the bus, in sequence order. Completes (never fails) when every move is answered.
     */
    private Future<Void> logAndCommit(List<Prepared> batch) {
        if (stopped instanceof WriterFencedException fenced) {
            return cancelAll(batch, fenced);
        }
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
        return log.append(epoch, entries, arriving, clock.instant()).transform(appended -> {
            if (appended.succeeded()) {
                return commitAll(batch);
            }
            Throwable error = appended.cause();
            if (error instanceof WriterFencedException fenced) {
                stopped = fenced;
                failQueued(fenced);
            }
            return cancelAll(batch, error);
        });
    }

    private Future<Void> cancelAll(List<Prepared> batch, Throwable error) {
        return Future.join(batch.stream().map(p -> cancel(p.request(), p.seq())).toList())
                .transform(cancelled -> {
                    batch.forEach(p -> p.command().fail(error));
                    return Future.succeededFuture();
                });
    }

    // ---- step 3: commit ------------------------------------------------------------------------------------------

    /**
     * Commits the moves of a logged batch concurrently (they are disjoint), then publishes their events in sequence
     * order and answers the callers.
     */
    private Future<Void> commitAll(List<Prepared> batch) {
        List<Future<Committed>> commits = batch.stream().map(this::commit).toList();
        return Future.join(commits).transform(all -> {
            for (int i = 0; i < batch.size(); i++) {
                Future<Committed> commit = commits.get(i);
                if (commit.failed()) {
                    batch.get(i).command().fail(commit.cause());
                    continue;
                }
                Committed done = commit.result();
                vertx.eventBus().publish(address(done.prepared()), YardEventJson.encode(done.event()));
                done.prepared().command().promise().tryComplete(new MoveResult.Accepted(done.event()));
            }
            return Future.succeededFuture();
        });
    }

    private Future<Committed> commit(Prepared p) {
        MoveRequest r = p.request();
        String number = r.container().value();
        String to = r.isDeparture() ? null : text(r.to());
        return hz(maps.containers().submitToKey(number, new SwitchLocation(number, p.seq(), to)))
                .compose(switched -> {
                    if (!switched) {
                        return Future.failedFuture(new IllegalStateException("move " + p.seq() + " of " + number
                                + " is logged but its claim on the live yard was lost; the live yard must be "
                                + "rebuilt from the log"));
                    }
                    return completeSlots(r, p.seq());
                })
                .map(done -> new Committed(p, new ContainerMoved(p.seq(), p.at(), r.container(), r.kind(), r.from(),
                        r.to())));
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

    /** Undoes whatever the prepare step of move {@code seq} left behind; each step only acts on marks of seq. */
    private Future<Void> cancel(MoveRequest r, long seq) {
        String number = r.container().value();
        YardSlot from = yardSlot(r.from());
        YardSlot to = yardSlot(r.to());
        List<Future<Boolean>> steps = new ArrayList<>(3);
        if (from != null) {
            steps.add(hz(maps.blocks().submitToKey(from.block().value(), new CancelMove(number, seq, bay(from),
                    row(from), tier(from), 0, 0, 0))));
        }
        if (to != null) {
            steps.add(hz(maps.blocks().submitToKey(to.block().value(), new CancelMove(number, seq, 0, 0, 0,
                    bay(to), row(to), tier(to)))));
        }
        steps.add(hz(maps.containers().submitToKey(number, new ReleaseClaim(number, seq))));
        return Future.join(steps).transform(done -> Future.succeededFuture());
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
        return HazelcastFutures.on(context, stage);
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
