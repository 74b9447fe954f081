package org.portops.crane.dispatch.mapping;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.portops.crane.dispatch.DispatchPlan;
import org.portops.crane.dispatch.PublishedPlan;
import org.portops.crane.dispatch.TransportDispatcher;
import org.portops.state.LiveYard;

import java.time.Clock;
import java.util.List;

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
    }

    private record Planned(MappedRequest mapped, DispatchPlan plan) {
    }

    private final Vertx vertx;
    private final LiveYard yard;
    private final TransportRequestMapper mapper;
    private final TransportDispatcher dispatcher;
    private final InstructionPublisher publisher;
    private final Clock clock;

    public TransportRound(Vertx vertx, LiveYard yard, TransportRequestMapper mapper, TransportDispatcher dispatcher,
                          Clock clock) {
        this.vertx = vertx;
        this.yard = yard;
        this.mapper = mapper;
        this.dispatcher = dispatcher;
        this.publisher = new InstructionPublisher(yard);
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
                    DispatchChanges changes = PlanInstructions.changes(planned.mapped(), planned.plan(), clock.instant());
                    return publisher.publish(changes.updates())
                            .map(report -> new Outcome(planned.mapped(), planned.plan(), changes, report));
                });
    }
}
