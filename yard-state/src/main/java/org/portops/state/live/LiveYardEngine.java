package org.portops.state.live;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
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

    private final Vertx vertx;
    private final Context context;
    private final YardMaps maps;
    private final Clock clock;
    private final MoveWriter writer;
    private final HazelcastYardReader reader;
    private final WorkInstructionStore instructions;
    private final VesselCallStore vesselCalls;
    private final AuditLog auditLog;
    private final AuditTrail auditTrail;
    private final AlertBoard alerts;
    private final LiveYard.Startup startup;
    private final Map<String, Future<ChangeResult>> inFlight = new HashMap<>();

    private LiveYardEngine(Vertx vertx, Context context, YardMaps maps, Pool pool, TerminalLayout layout, Clock clock,
                           MoveLog log, long epoch, LiveYard.Startup startup, AlertBoard alerts) {
        this.vertx = vertx;
        this.context = context;
        this.maps = maps;
        this.clock = clock;
        this.writer = new MoveWriter(vertx, context, maps, log, layout, clock, epoch);
        this.reader = new HazelcastYardReader(vertx, maps, layout, clock);
        this.instructions = new WorkInstructionStore(pool);
        this.vesselCalls = new VesselCallStore(pool);
        this.auditLog = new AuditLog(pool);
        this.auditTrail = new AuditTrail(pool, clock);
        this.startup = startup;
        this.alerts = alerts;
    }

    /**
     * Joins a live yard another member of the Hazelcast cluster opened: its maps stay as they are and the move log's
     * writer lease stays with that member, so this engine's moves are refused as fenced (epoch 0 is never granted);
     * equipment readings, work instructions and vessel calls go to the shared maps as on the writer.
     */
    public static Future<LiveYardEngine> join(Vertx vertx, Context context, HazelcastInstance hazelcast, Pool pool,
                                              TerminalLayout layout, Clock clock) {
        long began = System.nanoTime();
        YardMaps maps = YardMaps.of(hazelcast);
        return Future.succeededFuture(new LiveYardEngine(vertx, context, maps, pool, layout, clock, new MoveLog(pool), 0,
                new LiveYard.Startup(false, 0, maps.containers().size(), Duration.ofNanos(System.nanoTime() - began)),
                new AlertBoard(vertx, hazelcast, clock)));
    }

    /** Starts the live yard on {@code context}; see {@link LiveYard#open}. */
    public static Future<LiveYardEngine> start(Vertx vertx, Context context, HazelcastInstance hazelcast, Pool pool,
                                               TerminalLayout layout, Clock clock) {
        long began = System.nanoTime();
        YardMaps maps = YardMaps.of(hazelcast);
        MoveLog log = new MoveLog(pool);
        String holder = "yard-writer@" + hazelcast.getCluster().getLocalMember().getUuid();
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
                            .map(done -> new LiveYardEngine(vertx, context, maps, pool, layout, clock, log, epoch,
                                    new LiveYard.Startup(seeded, model.lastSequence(), model.containers().size(),
                                            Duration.ofNanos(System.nanoTime() - began)),
                                    new AlertBoard(vertx, hazelcast, clock)));
                })));
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

    public Future<MoveResult> move(MoveRequest request) {
        return writer.move(request);
    }

    public Future<ChangeResult> setSlotClosed(YardSlot slot, boolean close, String reason) {
        return writer.setSlotClosed(slot, close, reason);
    }

    public Future<Void> close() {
        return writer.close();
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
