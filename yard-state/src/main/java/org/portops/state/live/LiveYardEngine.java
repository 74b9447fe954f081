package org.portops.state.live;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.portops.model.equipment.Equipment;
import org.portops.model.equipment.EquipmentKind;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.equipment.Position;
import org.portops.model.event.Addresses;
import org.portops.model.event.EquipmentUpdated;
import org.portops.model.event.VesselCallChanged;
import org.portops.model.event.WorkInstructionChanged;
import org.portops.model.event.YardEvent;
import org.portops.model.layout.BlockLayout;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.vessel.VesselCall;
import org.portops.model.work.WorkInstruction;
import org.portops.model.yard.YardSlot;
import org.portops.state.ChangeResult;
import org.portops.state.LiveYard;
import org.portops.state.MoveRequest;
import org.portops.state.MoveResult;
import org.portops.state.YardMaps;
import org.portops.state.YardStateReader;
import org.portops.state.alert.AlertBoard;
import org.portops.state.audit.AuditEvent;
import org.portops.state.audit.AuditTrail;
import org.portops.state.hold.ContainerHolds;
import org.portops.state.custody.TrackedContainer;
import org.portops.state.equipment.RegisterEquipment;
import org.portops.state.equipment.UpdateEquipment;
import org.portops.state.json.YardEventJson;
import org.portops.state.store.AuditLog;
import org.portops.state.store.EquipmentRegistry;
import org.portops.state.store.MoveLog;
import org.portops.state.store.VesselCallStore;
import org.portops.state.lease.Lease;
import org.portops.state.store.WorkInstructionStore;
import org.portops.state.store.WriterFencedException;
import org.portops.state.vessel.PutVesselCall;
import org.portops.state.work.PutWorkInstruction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * What {@link LiveYard} runs on: start-up (lease, seed, rebuild, load) and the changes that do not move
 * containers. Lives on one Vert.x context.
 */
public final class LiveYardEngine {

    private static final Logger LOG = LoggerFactory.getLogger(LiveYardEngine.class);
    private static final int REPLAY_PAGE = 10_000;
    private static final int LOAD_CHUNK = 2_000;
    private static final String AUDIT_ACTOR = "live-yard";
    private static final Duration UNSERVE_GRACE = Duration.ofMillis(500);

    private final Vertx vertx;
    private final Context context;
    private final YardMaps maps;
    private final Clock clock;
    private final TerminalLayout layout;
    private final MoveLog log;
    private final String holder;
    private final WriterRelay relay;
    /** This node's writer while it is the yard's writer; null while another node is. Set on the engine's context. */
    private volatile MoveWriter writer;
    private List<MessageConsumer<JsonObject>> serving = List.of();
    /** The last takeover or step-down; the next one starts after it. */
    private Future<Void> role = Future.succeededFuture();
    private volatile boolean closed;
    private final HazelcastYardReader reader;
    private final WorkInstructionStore instructions;
    private final VesselCallStore vesselCalls;
    private final AuditLog auditLog;
    private final AuditTrail auditTrail;
    private final AlertBoard alerts;
    private final ContainerHolds holds;
    private final LiveYard.Startup startup;
    private final Map<String, Future<ChangeResult>> inFlight = new HashMap<>();

    private LiveYardEngine(Vertx vertx, Context context, YardMaps maps, Pool pool, TerminalLayout layout, Clock clock,
                           MoveLog log, String holder, LiveYard.Startup startup, AlertBoard alerts) {
        this.vertx = vertx;
        this.context = context;
        this.maps = maps;
        this.clock = clock;
        this.layout = layout;
        this.log = log;
        this.holder = holder;
        this.relay = new WriterRelay(vertx);
        this.reader = new HazelcastYardReader(vertx, maps, layout, clock);
        this.instructions = new WorkInstructionStore(pool);
        this.vesselCalls = new VesselCallStore(pool);
        this.auditLog = new AuditLog(pool);
        this.auditTrail = new AuditTrail(pool, clock);
        this.holds = new ContainerHolds(pool, vertx.eventBus(), clock);
        this.startup = startup;
        this.alerts = alerts;
    }

    /**
     * Joins a live yard another member of the Hazelcast cluster opened: its maps stay as they are and the move log's
     * writer lease stays with that member, so this engine sends its moves and slot changes to that member's writer
     * over the event bus ({@link WriterRelay}) until it takes the writer's role itself ({@link #takeOver});
     * equipment readings, work instructions and vessel calls go to the shared maps as on the writer.
     */
    public static Future<LiveYardEngine> join(Vertx vertx, Context context, HazelcastInstance hazelcast, Pool pool,
                                              TerminalLayout layout, Clock clock) {
        long began = System.nanoTime();
        YardMaps maps = YardMaps.of(hazelcast);
        return Future.succeededFuture(new LiveYardEngine(vertx, context, maps, pool, layout, clock, new MoveLog(pool),
                holder(hazelcast),
                new LiveYard.Startup(false, 0, maps.containers().size(), Duration.ofNanos(System.nanoTime() - began)),
                new AlertBoard(vertx, hazelcast, clock)));
    }

    private static String holder(HazelcastInstance hazelcast) {
        return "yard-writer@" + hazelcast.getCluster().getLocalMember().getUuid();
    }

    /** Starts the live yard on {@code context}; see {@link LiveYard#open}. */
    public static Future<LiveYardEngine> start(Vertx vertx, Context context, HazelcastInstance hazelcast, Pool pool,
                                               TerminalLayout layout, Clock clock) {
        long began = System.nanoTime();
        YardMaps maps = YardMaps.of(hazelcast);
        MoveLog log = new MoveLog(pool);
        String holder = holder(hazelcast);
        return log.acquireLease(holder, clock.instant()).compose(epoch -> log.isEmpty()
                .compose(empty -> empty
                        ? InventorySeeder.seed(pool, epoch, layout, clock.instant()).map(seeded -> true)
                        : Future.succeededFuture(false))
                .compose(seeded -> replay(log, new YardModel(layout), 0).compose(model -> {
                    LOG.info("live yard: replayed the move log up to {} ({} containers in the terminal)",
                            model.lastSequence(), model.containers().size());
                    warnIfHazelcastStartsThreadsPerCallback();
                    return loadMaps(vertx, maps, model)
                            .compose(loaded -> registerEquipment(vertx, context, maps, pool, layout, clock))
                            .compose(registered -> loadVesselCalls(context, maps, pool))
                            .compose(calls -> loadInstructions(context, maps, pool))
                            .map(done -> new LiveYardEngine(vertx, context, maps, pool, layout, clock, log, holder,
                                    new LiveYard.Startup(seeded, model.lastSequence(), model.containers().size(),
                                            Duration.ofNanos(System.nanoTime() - began)),
                                    new AlertBoard(vertx, hazelcast, clock)))
                            .compose(engine -> engine.write(new MoveWriter(vertx, context, maps, log, layout, clock,
                                    epoch)).map(engine));
                })));
    }

    /**
     * Makes this node the yard's writer, for a node elected to the role: if its writer still holds the move log's
     * current epoch (nobody took over since it opened the yard or was last elected) it keeps writing; otherwise it
     * takes a new epoch, which fences every earlier writer (an append of theirs in flight is either in the log before
     * the new epoch or refused), rebuilds the containers and blocks from the move log (which is what holds: a move
     * the dead writer logged but did not commit to the maps is completed, a mark it left without a log row is
     * dropped), and only then serves moves. Runs after the previous takeover or step-down.
     */
    public Future<Void> takeOver() {
        return inRole(() -> {
            if (closed) {
                return Future.succeededFuture();
            }
            MoveWriter current = writer;
            return log.currentEpoch().compose(epoch -> {
                if (current != null && current.epoch() == epoch) {
                    return serving.isEmpty() ? write(current) : Future.succeededFuture();
                }
                long began = System.nanoTime();
                return retire(current)
                        .compose(retired -> log.acquireLease(holder, clock.instant()))
                        .compose(newEpoch -> replay(log, new YardModel(layout), 0).compose(model -> reloadYard(model)
                                .compose(loaded -> {
                                    LOG.info("live yard: took over as the yard's writer (epoch {}), the containers and "
                                                    + "blocks rebuilt from the move log up to {} in {} ms", newEpoch,
                                            model.lastSequence(), (System.nanoTime() - began) / 1_000_000);
                                    return write(new MoveWriter(vertx, context, maps, log, layout, clock, newEpoch));
                                })));
            });
        });
    }

    /**
     * Stops being the yard's writer (the node's term ended): stops serving, fails what is queued as fenced (the
     * callers here send it on to the next writer) and lets the batches under way finish.
     */
    public Future<Void> stepDown() {
        return inRole(() -> retire(writer));
    }

    /** Whether this node is the yard's writer now (it may still find out at its next append that it was fenced). */
    public boolean writing() {
        return writer != null;
    }

    private Future<Void> inRole(Supplier<Future<Void>> change) {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            Future<Void> next = role.transform(previous -> change.get());
            role = next;
            next.onComplete(done);
        });
        return done.future();
    }

    /** Installs {@code next} as this node's writer and serves it cluster-wide; on the engine's context. */
    private Future<Void> write(MoveWriter next) {
        writer = next;
        return WriterRelay.serve(vertx, next).map(consumers -> {
            serving = consumers;
            return null;
        });
    }

    /**
     * Closes {@code retiring} if it is still this node's writer, then stops serving; on the engine's context. Closed
     * as fenced, the writer answers every change still reaching it with "fenced", which sends it on to the next
     * writer; the consumers go only {@link #UNSERVE_GRACE} later, as a request that reaches a consumer in the
     * moment it is unregistered is discarded unanswered and its sender cannot tell whether it was made.
     */
    private Future<Void> retire(MoveWriter retiring) {
        return retire(retiring, UNSERVE_GRACE);
    }

    private Future<Void> retire(MoveWriter retiring, Duration grace) {
        if (retiring == null || writer != retiring) {
            return Future.succeededFuture();
        }
        writer = null;
        List<MessageConsumer<JsonObject>> consumers = serving;
        serving = List.of();
        return retiring.close(new WriterFencedException(retiring.epoch()))
                .transform(closed -> grace.isZero() ? Future.succeededFuture() : vertx.timer(grace.toMillis()))
                .transform(waited -> Future.all(consumers.stream().map(MessageConsumer::unregister).toList()))
                .mapEmpty();
    }

    /**
     * Writes the rebuilt containers and blocks over the maps, on a worker: every key of the yard is overwritten (so a
     * reader never sees an empty yard meanwhile) and the containers no longer in the terminal are removed. Equipment,
     * vessel calls and work instructions are not the writer's and stay.
     */
    private Future<Void> reloadYard(YardModel model) {
        return vertx.executeBlocking(() -> {
            maps.blocks().putAll(model.blocks());
            Map<String, TrackedContainer> chunk = new HashMap<>();
            for (var entry : model.containers().entrySet()) {
                chunk.put(entry.getKey(), entry.getValue());
                if (chunk.size() == LOAD_CHUNK) {
                    maps.containers().putAll(chunk);
                    chunk.clear();
                }
            }
            maps.containers().putAll(chunk);
            for (String gone : new ArrayList<>(maps.containers().keySet())) {
                if (!model.containers().containsKey(gone)) {
                    maps.containers().delete(gone);
                }
            }
            return null;
        }, false);
    }

    /**
     * Hazelcast completes the futures of {@code submitToKey} through its default async executor, which is the common
     * fork-join pool unless that pool has a parallelism of one (machines with two cores or fewer): then it starts a
     * new thread per operation, which makes the move writer several times slower.
     */
    private static void warnIfHazelcastStartsThreadsPerCallback() {
        if (ForkJoinPool.getCommonPoolParallelism() <= 1) {
            LOG.warn("the common fork-join pool has a parallelism of {}, so Hazelcast starts a thread for every "
                    + "asynchronous operation and durable moves are several times slower; run the JVM with "
                    + "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2", ForkJoinPool.getCommonPoolParallelism());
        }
    }

    private static Future<YardModel> replay(MoveLog log, YardModel model, long after) {
        return log.readAfter(after, REPLAY_PAGE).compose(entries -> {
            if (entries.isEmpty()) {
                return Future.succeededFuture(model);
            }
            try {
                entries.forEach(model::apply);
            } catch (IllegalStateException e) {
                return Future.failedFuture(e);
            }
            return replay(log, model, entries.getLast().seq());
        });
    }

    /** Replaces whatever the maps held with the rebuilt yard, in bulk, on a worker. */
    private static Future<Void> loadMaps(Vertx vertx, YardMaps maps, YardModel model) {
        return vertx.executeBlocking(() -> {
            for (var map : List.of(maps.containers(), maps.blocks(), maps.equipment(), maps.vesselCalls(),
                    maps.workInstructions())) {
                map.clear();
            }
            maps.blocks().putAll(model.blocks());
            Map<String, TrackedContainer> chunk = new HashMap<>();
            for (var entry : model.containers().entrySet()) {
                chunk.put(entry.getKey(), entry.getValue());
                if (chunk.size() == LOAD_CHUNK) {
                    maps.containers().putAll(chunk);
                    chunk.clear();
                }
            }
            maps.containers().putAll(chunk);
            return null;
        }, false);
    }

    private static Future<Void> registerEquipment(Vertx vertx, Context context, YardMaps maps, Pool pool,
                                                  TerminalLayout layout, Clock clock) {
        List<Equipment> equipment = layout.allEquipment();
        return new EquipmentRegistry(pool).register(equipment, clock.instant()).compose(registered -> {
            List<Future<Boolean>> all = new ArrayList<>();
            List<BlockLayout> blocks = layout.blocks();
            int quayCranes = (int) equipment.stream().filter(e -> e.kind().isQuayCrane()).count();
            int quayIndex = 0;
            int yardIndex = 0;
            int transportIndex = 0;
            for (Equipment e : equipment) {
                Position position;
                if (e.kind().isQuayCrane()) {
                    position = new Position(layout.quay().lengthMeters() * (quayIndex++ + 0.5) / quayCranes, 0);
                } else if (e.kind().isYardCrane() && !blocks.isEmpty()) {
                    position = blocks.get(yardIndex++ % blocks.size()).origin();
                } else {
                    position = new Position(10 + 6 * transportIndex++, e.kind() == EquipmentKind.REACH_STACKER ? 80 : 60);
                }
                all.add(hz(context, maps.equipment().submitToKey(e.id().value(),
                        new RegisterEquipment(EquipmentState.idleAt(e, position, clock.instant())))));
            }
            return Future.all(all).mapEmpty();
        });
    }

    private static Future<Void> loadVesselCalls(Context context, YardMaps maps, Pool pool) {
        return new VesselCallStore(pool).loadAll().compose(calls -> Future.all(calls.stream()
                .map(call -> hz(context, maps.vesselCalls().submitToKey(call.id().value(), new PutVesselCall(call))))
                .toList()).mapEmpty());
    }

    private static Future<Void> loadInstructions(Context context, YardMaps maps, Pool pool) {
        return new WorkInstructionStore(pool).loadAll().compose(all -> Future.all(all.stream()
                .map(w -> hz(context, maps.workInstructions().submitToKey(w.id().value(), new PutWorkInstruction(w))))
                .toList()).mapEmpty());
    }

    public YardStateReader reader() {
        return reader;
    }

    public LiveYard.Startup startup() {
        return startup;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public AuditTrail auditTrail() {
        return auditTrail;
    }

    public AlertBoard alerts() {
        return alerts;
    }

    public ContainerHolds holds() {
        return holds;
    }

    /**
     * To this node's writer while it is the yard's writer, else (or once it finds it was fenced) to the writer's node
     * over the event bus.
     */
    public Future<MoveResult> move(MoveRequest request) {
        MoveWriter local = writer;
        if (local == null) {
            return closed ? Future.failedFuture(new IllegalStateException("the live yard is closed"))
                    : relay.move(request);
        }
        return local.move(request).recover(e -> fencedHere(local, e) ? relay.move(request) : Future.failedFuture(e));
    }

    public Future<ChangeResult> setSlotClosed(YardSlot slot, boolean close, String reason) {
        MoveWriter local = writer;
        if (local == null) {
            return closed ? Future.failedFuture(new IllegalStateException("the live yard is closed"))
                    : relay.setSlotClosed(slot, close, reason);
        }
        return local.setSlotClosed(slot, close, reason).recover(e -> fencedHere(local, e)
                ? relay.setSlotClosed(slot, close, reason) : Future.failedFuture(e));
    }

    /** A writer that finds it was fenced stops serving at once, without waiting for its node's term to end. */
    private boolean fencedHere(MoveWriter local, Throwable e) {
        if (!(e instanceof WriterFencedException) || closed) {
            return false;
        }
        inRole(() -> retire(local));
        return true;
    }

    /**
     * Stops writing as {@link #stepDown} does, but without its grace (a node that hands its role on steps down first;
     * one that closes its yard while still the writer stops the cluster's moves anyway); then this node's moves fail,
     * as its live yard is closed.
     */
    public Future<Void> close() {
        closed = true;
        return inRole(() -> retire(writer, Duration.ZERO));
    }

    public Future<ChangeResult> updateEquipment(EquipmentState state) {
        return hz(context, maps.equipment().submitToKey(state.id().value(), new UpdateEquipment(state)))
                .map(refusal -> {
                    if (refusal != null) {
                        return new ChangeResult.Refused(refusal);
                    }
                    publish(Addresses.EQUIPMENT_UPDATED, new EquipmentUpdated(0, clock.instant(), state));
                    return ChangeResult.APPLIED;
                });
    }

    public Future<ChangeResult> updateInstruction(WorkInstruction instruction, Lease fence) {
        return inOrder("instruction:" + instruction.id().value(), () ->
                hz(context, maps.workInstructions().getAsync(instruction.id().value()))
                        .compose(current -> putInstruction(current, instruction, fence)));
    }

    public Future<ChangeResult> replaceInstruction(WorkInstruction expected, WorkInstruction instruction,
                                                   Lease fence) {
        return inOrder("instruction:" + instruction.id().value(), () ->
                hz(context, maps.workInstructions().getAsync(instruction.id().value())).compose(current -> {
                    if (!Objects.equals(current, expected)) {
                        return Future.succeededFuture(new ChangeResult.Refused("work instruction " + instruction.id()
                                + " is no longer the version this change was made from: "
                                + (current == null ? "it does not exist" : "it is " + current.state() + " on "
                                + current.assigned() + " at " + current.updatedAt())));
                    }
                    return putInstruction(current, instruction, fence);
                }));
    }

    /** With a {@code fence}, the durable write commits only while that planner's lease term holds. */
    private Future<ChangeResult> putInstruction(WorkInstruction current, WorkInstruction instruction, Lease fence) {
        String refusal = PutWorkInstruction.check(current, instruction);
        if (refusal != null) {
            return Future.succeededFuture(new ChangeResult.Refused(refusal));
        }
        return instructions.upsert(instruction, fence)
                .compose(stored -> auditStateChange(current, instruction))
                .compose(audited -> hz(context, maps.workInstructions().submitToKey(
                        instruction.id().value(), new PutWorkInstruction(instruction))))
                .map(liveRefusal -> {
                    if (liveRefusal != null) {
                        return new ChangeResult.Refused(liveRefusal);
                    }
                    publish(Addresses.INSTRUCTION_CHANGED,
                            new WorkInstructionChanged(0, clock.instant(), instruction));
                    return ChangeResult.APPLIED;
                });
    }

    /**
     * A change of state is audited before it is acknowledged. Edits within one state (sequence, slot) are not, nor is
     * a new instruction: it is part of the plan that made it, which its planner audits (a crane plan's row in the
     * decision journal), and a plan of thousands of moves would otherwise cost as many audit rows at once.
     */
    private Future<Void> auditStateChange(WorkInstruction current, WorkInstruction instruction) {
        if (current == null || current.state() == instruction.state()) {
            return Future.succeededFuture();
        }
        String reason = instruction.exception() == null ? null : instruction.exception().toString();
        return auditTrail.append(new AuditEvent.InstructionStateChanged(AUDIT_ACTOR, instruction.id(),
                current.state(), instruction.state(), reason)).mapEmpty();
    }

    public Future<ChangeResult> updateVesselCall(VesselCall call, Lease fence) {
        return inOrder("call:" + call.id().value(), () -> putVesselCall(call, fence));
    }

    /** Like {@link #updateVesselCall}, only if the call held is exactly {@code expected} (null: none yet). */
    public Future<ChangeResult> replaceVesselCall(VesselCall expected, VesselCall call, Lease fence) {
        return inOrder("call:" + call.id().value(), () ->
                hz(context, maps.vesselCalls().getAsync(call.id().value())).compose(current -> {
                    if (!Objects.equals(current, expected)) {
                        return Future.succeededFuture(new ChangeResult.Refused("vessel call "
                                + call.id() + " is no longer the version this change was made from: " + (current == null
                                ? "it does not exist" : "ETA " + current.eta() + ", berth " + current.berth() + ", ETB "
                                + current.etb() + ", ETD " + current.etd() + ", " + current.bayPlan().entries().size()
                                + " bay plan entries")));
                    }
                    return putVesselCall(call, fence);
                }));
    }

    private Future<ChangeResult> putVesselCall(VesselCall call, Lease fence) {
        return vesselCalls.upsert(call, clock.instant(), fence)
                .compose(stored -> hz(context, maps.vesselCalls().submitToKey(call.id().value(), new PutVesselCall(call))))
                .map(put -> {
                    publish(Addresses.VESSEL_CALL_CHANGED, new VesselCallChanged(0, clock.instant(), call));
                    return ChangeResult.APPLIED;
                });
    }

    /** Runs changes to one record one after the other, in call order, on the engine's context. */
    private Future<ChangeResult> inOrder(String key, Supplier<Future<ChangeResult>> change) {
        Promise<ChangeResult> result = Promise.promise();
        context.runOnContext(v -> {
            Future<ChangeResult> previous = inFlight.getOrDefault(key, Future.succeededFuture());
            Future<ChangeResult> next = previous.transform(done -> change.get());
            inFlight.put(key, next);
            next.onComplete(done -> {
                if (inFlight.get(key) == next) {
                    inFlight.remove(key);
                }
            });
            next.onComplete(result);
        });
        return result.future();
    }

    private void publish(String address, YardEvent event) {
        vertx.eventBus().publish(address, YardEventJson.encode(event));
    }

    private static <T> Future<T> hz(Context context, CompletionStage<T> stage) {
        return HazelcastFutures.on(context, stage);
    }
}
