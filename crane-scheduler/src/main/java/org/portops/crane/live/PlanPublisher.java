package org.portops.crane.live;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.portops.crane.live.ReplanOutcome.Published;
import org.portops.model.event.Addresses;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionId;
import org.portops.state.ChangeResult;
import org.portops.state.LiveYard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    public Future<List<String>> publish(Published published) {
        Map<WorkInstructionId, List<WorkInstruction>> versions = new LinkedHashMap<>();
        published.diff().changed().forEach(version ->
                versions.computeIfAbsent(version.id(), id -> new ArrayList<>()).add(version));
        List<Future<List<String>>> chains = new ArrayList<>();
        versions.values().forEach(chain -> chains.add(inOrder(chain, 0, new ArrayList<>())));
        return Future.all(chains).map(all -> {
            List<String> refusals = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                refusals.addAll(all.<List<String>>resultAt(i));
            }
            eventBus.publish(Addresses.CRANE_PLAN_PUBLISHED, fact(published));
            return List.copyOf(refusals);
        });
    }

    private Future<List<String>> inOrder(List<WorkInstruction> chain, int index, List<String> refusals) {
        if (index == chain.size()) {
            return Future.succeededFuture(refusals);
        }
        return yard.updateInstruction(chain.get(index)).compose(result -> {
            if (result instanceof ChangeResult.Refused refused) {
                refusals.add(refused.reason());
            }
            return inOrder(chain, index + 1, refusals);
        });
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
