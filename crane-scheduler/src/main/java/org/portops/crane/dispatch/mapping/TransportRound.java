package org.portops.crane.dispatch.mapping;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.portops.crane.dispatch.DispatchDecision;
import org.portops.crane.dispatch.DispatchPlan;
import org.portops.crane.dispatch.PublishedPlan;
import org.portops.crane.dispatch.TransportDispatcher;
import org.portops.crane.dispatch.TransportJobId;
import org.portops.model.equipment.EquipmentId;
import org.portops.model.work.WorkInstruction;
import org.portops.model.work.WorkInstructionState;
import org.portops.state.LiveYard;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One re-plan of horizontal transport against the live yard, for the re-planning loop: read a
 * {@link TransportSnapshot}, map it ({@link TransportRequestMapper}), plan ({@link TransportDispatcher}), turn the plan
 * into instruction updates ({@link PlanInstructions}) and apply them ({@link InstructionPublisher}). Reading and
 * publishing are futures; mapping and planning run on a worker thread, so {@link #run} may be called from an event
 * loop. Rounds must not overlap: the next one starts from the last one's {@link Outcome#published()}.
 */
public final class TransportRound {

    /**
     * What a round did: the request it planned (with the crane delays and the moves it could not map), the plan, the
     * instruction updates and job moves (for the decision journal) and what became of each update.
     */
    public record Outcome(MappedRequest mapped, DispatchPlan plan, DispatchChanges changes,
                          InstructionPublisher.Report report) {

        /** The plan as the next round's published plan. */
        public PublishedPlan published() {
            return plan.toPublished();
        }

        /** The updates live state applied: what the round changed. */
        public List<InstructionUpdate> applied() {
            return report.outcomes().stream().filter(InstructionPublisher.Outcome::applied)
                    .map(InstructionPublisher.Outcome::update).toList();
        }

        /** The transport vehicle an instruction version names, if any. */
        public Optional<EquipmentId> vehicleOf(WorkInstruction instruction) {
            return PlanInstructions.vehicleOf(instruction, mapped.fleet());
        }
    }

    private record Planned(MappedRequest mapped, DispatchPlan plan) {
    }

    private final Vertx vertx;
    private final LiveYard yard;
    private final TransportRequestMapper mapper;
    private final TransportDispatcher dispatcher;
    private final InstructionPublisher publisher;
    private final YardCranes yardCranes;
    private final Clock clock;

    /** @param yardCranes names the yard crane of a move's yard end when the move is dispatched */
    public TransportRound(Vertx vertx, LiveYard yard, TransportRequestMapper mapper, TransportDispatcher dispatcher,
                          YardCranes yardCranes, Clock clock) {
        this.vertx = vertx;
        this.yard = yard;
        this.mapper = mapper;
        this.dispatcher = dispatcher;
        this.publisher = new InstructionPublisher(yard);
        this.yardCranes = yardCranes;
        this.clock = clock;
    }

    /**
     * Re-plans the transport of {@code queues}' moves and publishes the result.
     *
     * @param published the last round's plan, or null to read it back from live state (the first round after a start)
     * @return fails only when the live yard cannot be read or written, or the request cannot be planned (no vehicle);
     *         refused updates are in the outcome's report
     */
    public Future<Outcome> run(List<CraneWorkQueue> queues, PublishedPlan published) {
        return TransportSnapshot.read(yard.reader(), queues, clock)
                .compose(snapshot -> vertx.executeBlocking(() -> {
                    MappedRequest mapped = mapper.map(snapshot, published);
                    return new Planned(mapped, dispatcher.plan(mapped.request()));
                }, false))
                .compose(planned -> {
                    DispatchChanges changes = withYardCranes(
                            PlanInstructions.changes(planned.mapped(), planned.plan(), clock.instant()));
                    return publisher.publish(changes.updates())
                            .map(report -> new Outcome(planned.mapped(), planned.plan(), changes, report));
                });
    }

    /**
     * Why each update the round applied went where it went: the constraint matches of its job and the best other
     * vehicles. Score analysis costs a few milliseconds a job: call it on a worker, after publication.
     */
    public List<DispatchDecision> decisions(Outcome outcome) {
        Set<TransportJobId> applied = outcome.applied().stream()
                .map(update -> new TransportJobId(update.id().value())).collect(Collectors.toSet());
        return dispatcher.decisions(outcome.mapped().request(), outcome.plan(), applied::contains);
    }

    /**
     * A move is dispatched with every machine it needs named in the same version — quay crane, vehicle and the yard
     * crane of its yard end — so the machines get their orders together (the terminal starts a move only when all
     * three have theirs).
     */
    private DispatchChanges withYardCranes(DispatchChanges changes) {
        List<InstructionUpdate> updates = changes.updates().stream().map(update -> {
            WorkInstruction next = update.next();
            Optional<EquipmentId> yardCrane = yardCranes.craneFor(next);
            if (next.state() != WorkInstructionState.DISPATCHED || yardCrane.isEmpty()
                    || next.assigned().contains(yardCrane.get())) {
                return update;
            }
            List<EquipmentId> assigned = new ArrayList<>(next.assigned());
            assigned.add(yardCrane.get());
            WorkInstruction named = new WorkInstruction(next.id(), next.container(), next.kind(), next.from(),
                    next.to(), assigned, next.sequence(), next.state(), next.exception(), next.updatedAt(),
                    next.twinWith());
            return switch (update) {
                case InstructionUpdate.Create create -> (InstructionUpdate) new InstructionUpdate.Create(named);
                case InstructionUpdate.Change change -> new InstructionUpdate.Change(change.expected(), named);
            };
        }).toList();
        return new DispatchChanges(updates, changes.moves(), changes.untouched());
    }
}
