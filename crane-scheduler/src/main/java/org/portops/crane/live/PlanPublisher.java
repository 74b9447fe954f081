package org.portops.crane.live;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.portops.crane.live.ReplanOutcome.Published;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.event.Addresses;
import org.portops.model.work.ExceptionReason;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.model.work.WorkInstructionState;
import org.portops.state.ChangeResult;
import org.portops.state.LiveYard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Publishes a plan: every changed work instruction into the live yard (durable first; the ingest sends dispatched
 * ones to their machines over MQTT), the versions of one instruction in order and different instructions side by
 * side, then the fact {@link Addresses#CRANE_PLAN_PUBLISHED} on the event bus. Completes with the refusals live state
 * gave (an instruction a machine moved on meanwhile), which the next event's plan corrects.
 */
public final class PlanPublisher {
    private final LiveYard yard;
    private final EventBus eventBus;

    public PlanPublisher(LiveYard yard, EventBus eventBus) {
        this.yard = yard;
        this.eventBus = eventBus;
    }

    /**
     * @param callCranes the quay cranes of the call: the loop owns these in an instruction's machines; any other
     *                   machine live state names (the vehicle and yard crane transport dispatch added) is kept
     */
    public Future<List<String>> publish(Published published, Set<EquipmentId> callCranes) {
        Map<WorkInstructionId, List<WorkInstruction>> versions = new LinkedHashMap<>();
        published.diff().changed().forEach(version ->
                versions.computeIfAbsent(version.id(), id -> new ArrayList<>()).add(version));
        List<Future<List<String>>> chains = new ArrayList<>();
        versions.values().forEach(chain -> chains.add(inOrder(chain, 0, callCranes, new ArrayList<>())));
        return Future.all(chains).map(all -> {
            List<String> refusals = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                refusals.addAll(all.<List<String>>resultAt(i));
            }
            eventBus.publish(Addresses.CRANE_PLAN_PUBLISHED, fact(published));
            return List.copyOf(refusals);
        });
    }

    private Future<List<String>> inOrder(List<WorkInstruction> chain, int index, Set<EquipmentId> callCranes,
                                         List<String> refusals) {
        if (index == chain.size()) {
            return Future.succeededFuture(refusals);
        }
        return write(chain.get(index), callCranes, ATTEMPTS).compose(refusal -> {
            refusal.ifPresent(refusals::add);
            return inOrder(chain, index + 1, callCranes, refusals);
        });
    }

    /**
     * Compare-and-set against the version live state holds: a version another writer (transport dispatch, a machine)
     * made since is read again and merged, a few times, before the change is given up as refused.
     */
    private Future<Optional<String>> write(WorkInstruction version, Set<EquipmentId> callCranes, int attempts) {
        return yard.reader().workInstruction(version.id()).compose(held -> {
            WorkInstruction merged = merged(version, held.orElse(null), callCranes);
            Future<WorkInstruction> allowed = HeldMoves.mayConcern(merged)
                    ? yard.holds().active(merged.container())
                            .map(holds -> HeldMoves.respecting(merged, holds, callCranes))
                    : Future.succeededFuture(merged);
            return allowed.compose(next -> {
                if (held.isPresent() && sameBut(next, held.get())) {
                    return Future.succeededFuture(Optional.<String>empty());
                }
                return yard.replaceInstruction(held.orElse(null), next).compose(result -> {
                    if (!(result instanceof ChangeResult.Refused refused)) {
                        return Future.succeededFuture(Optional.<String>empty());
                    }
                    return attempts > 1 ? write(version, callCranes, attempts - 1)
                            : Future.succeededFuture(Optional.of(refused.reason()));
                });
            });
        });
    }

    /**
     * Writes the plan's versions of a container's moves again after its holds changed: a move held now is kept back
     * (a dispatched one recalled to PLANNED), a move released is dispatched as its plan has it. Completes with the
     * refusals of live state.
     */
    public Future<List<String>> rewrite(List<WorkInstruction> versions, Set<EquipmentId> callCranes) {
        List<Future<Optional<String>>> writes = versions.stream()
                .map(version -> write(version, callCranes, ATTEMPTS)).toList();
        return Future.all(writes).map(all -> writes.stream().map(Future::result).flatMap(Optional::stream).toList());
    }

    private static final int ATTEMPTS = 3;

    /**
     * Cancels the moves of a call that left the quay that are not under way: each is read from live state and
     * cancelled (compare-and-set against the version read, read again when another writer got in between) while it
     * is PLANNED or DISPATCHED; a move a machine has taken up (in progress, or suspended mid-move) stays the machine's
     * to finish or report. Completes with the cancelled versions.
     */
    public Future<List<WorkInstruction>> cancelUnstarted(List<WorkInstructionId> moves, ExceptionReason reason,
                                                         Instant at) {
        List<Future<Optional<WorkInstruction>>> cancels = moves.stream()
                .map(move -> cancelUnstarted(move, reason, at, ATTEMPTS)).toList();
        return Future.all(cancels).map(all -> cancels.stream().map(Future::result).flatMap(Optional::stream).toList());
    }

    private Future<Optional<WorkInstruction>> cancelUnstarted(WorkInstructionId move, ExceptionReason reason,
                                                              Instant at, int attempts) {
        return yard.reader().workInstruction(move).compose(held -> {
            if (held.isEmpty() || (held.get().state() != WorkInstructionState.PLANNED
                    && held.get().state() != WorkInstructionState.DISPATCHED)) {
                return Future.succeededFuture(Optional.<WorkInstruction>empty());
            }
            WorkInstruction cancelled = held.get().cancel(reason,
                    at.isBefore(held.get().updatedAt()) ? held.get().updatedAt() : at);
            return yard.replaceInstruction(held.get(), cancelled).compose(result -> {
                if (!(result instanceof ChangeResult.Refused)) {
                    return Future.succeededFuture(Optional.of(cancelled));
                }
                return attempts > 1 ? cancelUnstarted(move, reason, at, attempts - 1)
                        : Future.succeededFuture(Optional.<WorkInstruction>empty());
            });
        });
    }

    /**
     * The loop's version with what live state holds that the loop does not own: machines other than the call's quay
     * cranes, and a move transport dispatch released (PLANNED in the loop, DISPATCHED in live state on the same crane)
     * stays released. Never dated before the version held, which live state would refuse.
     */
    static WorkInstruction merged(WorkInstruction version, WorkInstruction held, Set<EquipmentId> callCranes) {
        if (held == null) {
            return version;
        }
        List<EquipmentId> assigned = new ArrayList<>(version.assigned().stream().filter(callCranes::contains).toList());
        held.assigned().stream().filter(machine -> !callCranes.contains(machine) && !assigned.contains(machine))
                .forEach(assigned::add);
        WorkInstructionState state = version.state();
        boolean sameCrane = !version.assigned().isEmpty() && held.assigned().contains(version.assigned().getFirst());
        if (state == WorkInstructionState.PLANNED && held.state() == WorkInstructionState.DISPATCHED && sameCrane) {
            state = WorkInstructionState.DISPATCHED;
        }
        Instant at = version.updatedAt().isBefore(held.updatedAt()) ? held.updatedAt() : version.updatedAt();
        return new WorkInstruction(version.id(), version.container(), version.kind(), version.from(), version.to(),
                assigned, version.sequence(), state, state == version.state() ? version.exception() : held.exception(),
                at, version.twinWith());
    }

    private static boolean sameBut(WorkInstruction a, WorkInstruction b) {
        return a.assigned().equals(b.assigned()) && a.sequence() == b.sequence() && a.state() == b.state()
                && Objects.equals(a.exception(), b.exception()) && a.from().equals(b.from()) && a.to().equals(b.to())
                && Objects.equals(a.twinWith(), b.twinWith());
    }

    static JsonObject fact(Published published) {
        LivePlan plan = published.plan();
        return new JsonObject()
                .put("call", plan.call().value())
                .put("version", plan.version())
                .put("trigger", new JsonObject().put("kind", published.event().kind())
                        .put("description", published.event().describe()))
                .put("score", plan.score())
                .put("completion", plan.completion().toString())
                .put("reassigned", published.diff().voluntaryReassignments() + published.diff().forcedReassignments())
                .put("changed", published.diff().changed().size())
                .put("diff", new JsonArray(published.diff().taskMoves().stream().map(move -> new JsonObject()
                        .put("task", move.task().value())
                        .put("from", move.from() == null ? null : move.from().value())
                        .put("to", move.to() == null ? null : move.to().value())
                        .put("moves", move.openMoves())
                        .put("forced", move.forced())).toList()));
    }
}
