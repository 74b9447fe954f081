package org.portops.state;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.portops.model.equipment.EquipmentState;
import org.portops.model.layout.TerminalLayout;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;
import org.portops.model.work.WorkInstruction;
import org.portops.model.yard.YardSlot;
import org.portops.state.alert.AlertBoard;
import org.portops.state.audit.AuditTrail;
import org.portops.state.hold.ContainerHolds;
import org.portops.state.lease.Lease;
import org.portops.state.live.LiveYardEngine;
import org.portops.state.store.AuditLog;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The live yard: Hazelcast maps rebuilt from PostgreSQL at {@link #open}, changed through one ordered writer whose
 * moves are durable in the move log before they are acknowledged, read through {@link #reader()}. Every accepted
 * change is published on the event bus at the {@code org.portops.model.event.Addresses} constants as a JSON body
 * ({@code org.portops.state.json.YardEventJson} decodes it).
 *
 * <p>One writer per cluster: opening a live yard takes the move log's writer lease, which fences the previous
 * writer (its later moves fail with {@code WriterFencedException}). Nodes that {@link #join} send their moves to the
 * writer over the event bus; the writer's role moves to another node with {@link #takeOverAsWriter}.
 */
public final class LiveYard {

    /** How the live yard was started. */
    public record Startup(boolean seeded, long logEntriesReplayed, int containersInTerminal, Duration took) {
    }

    private final LiveYardEngine engine;
    private final Lease fence;

    private LiveYard(LiveYardEngine engine) {
        this(engine, null);
    }

    private LiveYard(LiveYardEngine engine, Lease fence) {
        this.engine = engine;
        this.fence = fence;
    }

    /**
     * Joins the live yard a member of the same Hazelcast cluster opened with {@link #open}: the maps are shared and
     * left as they are, and the writer lease stays with that member, so {@link #move} and the slot changes here go
     * to that member's writer over the event bus (until this node {@link #takeOverAsWriter}); equipment readings, work
     * instructions and vessel calls are written as on the writer node.
     */
    public static Future<LiveYard> join(Vertx vertx, HazelcastInstance hazelcast, Pool pgPool, TerminalLayout layout,
                                        Clock clock) {
        Context context = vertx.getOrCreateContext();
        Promise<LiveYard> joined = Promise.promise();
        context.runOnContext(v -> LiveYardEngine.join(vertx, context, hazelcast, pgPool, layout, clock)
                .map(LiveYard::new)
                .onComplete(joined));
        return joined.future();
    }

    /**
     * This live yard, its work-instruction and vessel-call writes fenced by a planner's lease term: each commits in
     * PostgreSQL only behind {@code PlannerLease.checkHeld} of {@code lease}'s token, in the same transaction, and
     * reaches Hazelcast only after that commit; once another node's term began, they fail with
     * {@code LeaseLostException} having changed nothing.
     */
    public LiveYard fencedBy(Lease lease) {
        return new LiveYard(engine, Objects.requireNonNull(lease, "lease"));
    }

    /** The lease term this view's planner writes are fenced by; null when unfenced. */
    public Lease fence() {
        return fence;
    }

    /**
     * Takes the writer lease, rebuilds the live maps from the move log (seeding the sample inventory through the
     * log first when the database is empty), loads vessel calls, work instructions and the equipment registry.
     * The schema must be migrated ({@link Database#migrate}). Hazelcast and the pool stay the caller's to close.
     */
    public static Future<LiveYard> open(Vertx vertx, HazelcastInstance hazelcast, Pool pgPool, TerminalLayout layout,
                                        Clock clock) {
        Context context = vertx.getOrCreateContext();
        Promise<LiveYard> opened = Promise.promise();
        context.runOnContext(v -> LiveYardEngine.start(vertx, context, hazelcast, pgPool, layout, clock)
                .map(LiveYard::new)
                .onComplete(opened));
        return opened.future();
    }

    public YardStateReader reader() {
        return engine.reader();
    }

    /**
     * Moves a container. Completes with {@link MoveResult.Accepted} once the move is in the move log and applied to
     * the live yard, or with {@link MoveResult.Refused} naming the invariant it would break (nothing changed). Fails
     * only when the move could not be made durable (PostgreSQL unreachable, writer fenced, live yard closed).
     */
    public Future<MoveResult> move(MoveRequest request) {
        return engine.move(request);
    }

    /**
     * Makes this node the yard's writer, for the node elected to that role (one at a time, by a lease): keeps writing
     * if nobody took over since this node last wrote; otherwise fences every earlier writer with a new epoch of the
     * move log's lease, rebuilds the containers and blocks from the move log and serves the moves of every node. Until
     * then, and after {@link #stepDownAsWriter}, this node's moves and slot changes go to the writer's node over the
     * (clustered) event bus, waiting through a fail-over for the next writer.
     */
    public Future<Void> takeOverAsWriter() {
        return engine.takeOver();
    }

    /** Stops being the yard's writer: moves queued here go on to the next writer; the batches under way finish. */
    public Future<Void> stepDownAsWriter() {
        return engine.stepDown();
    }

    /** Whether this node is the yard's writer now. */
    public boolean writing() {
        return engine.writing();
    }

    /** Closes a slot to new containers (a container already there stays); logged like a move. */
    public Future<ChangeResult> closeSlot(YardSlot slot, String reason) {
        return engine.setSlotClosed(slot, true, reason);
    }

    /** Reopens a closed slot; logged like a move. */
    public Future<ChangeResult> openSlot(YardSlot slot) {
        return engine.setSlotClosed(slot, false, "reopened");
    }

    /**
     * Replaces a machine's live state with a newer reading and publishes {@code EquipmentUpdated} (sequence 0:
     * equipment state is telemetry, kept live only; its history belongs to telemetry-ingest).
     */
    public Future<ChangeResult> updateEquipment(EquipmentState state) {
        return engine.updateEquipment(state);
    }

    /**
     * Stores a new work instruction or its next version (the state machine of {@code WorkInstructionState} holds),
     * durably in PostgreSQL first, then live, then publishes {@code WorkInstructionChanged}. Changes to one
     * instruction apply in call order.
     */
    public Future<ChangeResult> updateInstruction(WorkInstruction instruction) {
        return engine.updateInstruction(instruction, fence);
    }

    /**
     * Like {@link #updateInstruction}, but only if the instruction held is exactly {@code expected} (null: there is none
     * yet): a compare-and-set, so a planner's change made from a version that has moved on since (a driver started the
     * move, an operator cancelled it) is refused, naming the version held, and changes nothing.
     */
    public Future<ChangeResult> replaceInstruction(WorkInstruction expected, WorkInstruction instruction) {
        return engine.replaceInstruction(expected, instruction, fence);
    }

    /** Stores a vessel call and its bay plan, durably first, then live; publishes {@code VesselCallChanged}. */
    public Future<ChangeResult> updateVesselCall(VesselCall call) {
        return engine.updateVesselCall(call, fence);
    }

    /**
     * Like {@link #updateVesselCall}, but only if the call held is exactly {@code expected} (null: there is none yet):
     * a compare-and-set, so a change made from a version that has moved on since (a line's new ETA, a new bay plan,
     * the berth planner's berth) is refused, naming the version held, and changes nothing.
     */
    public Future<ChangeResult> replaceVesselCall(VesselCall expected, VesselCall call) {
        return engine.replaceVesselCall(expected, call, fence);
    }

    /**
     * Changes one field group of a vessel call without losing a concurrent change of another: reads the call held,
     * applies {@code change} and stores the result with {@link #replaceVesselCall}, again from the newer version when
     * another writer came first. See {@link VesselCallChange}.
     */
    public Future<VesselCallChange.Outcome> changeVesselCall(VesselCallId id, VesselCallChange change) {
        return VesselCallChange.apply(this, id, change);
    }

    /** The audit log and decision journal. */
    public AuditLog auditLog() {
        return engine.auditLog();
    }

    /** The tamper-evident audit trail: typed events appended to the same chained log. */
    public AuditTrail auditTrail() {
        return engine.auditTrail();
    }

    /** The board of active alerts: raised and cleared by telemetry-ingest, acknowledged by operators. */
    public AlertBoard alerts() {
        return engine.alerts();
    }

    /** The container holds (customs, line, terminal) the gate and the planners respect: one list, in PostgreSQL. */
    public ContainerHolds holds() {
        return engine.holds();
    }

    public Startup startup() {
        return engine.startup();
    }

    /** Stops taking moves, finishes the batch under way. Hazelcast, the pool and the maps stay. */
    public Future<Void> close() {
        return engine.close();
    }
}
