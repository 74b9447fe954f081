package org.portops.vessel.edi;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.portops.model.container.Container;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.LineOperator;
import org.portops.model.container.UnLocode;
import org.portops.model.vessel.VesselCall;
import org.portops.state.ContainerView;
import org.portops.state.LiveYard;
import org.portops.state.VesselCallChange;
import org.portops.vessel.edi.archive.EdiArchive;
import org.portops.vessel.edi.archive.EdiArchive.Outcome;
import org.portops.vessel.edi.inbound.BayPlanMessage;
import org.portops.vessel.edi.inbound.InboundMessage;
import org.portops.vessel.edi.inbound.LoadPlanMessage;
import org.portops.vessel.edi.inbound.OrderMessage;
import org.portops.vessel.edi.inbound.VgmMessage;

/**
 * Receives inbound interchanges: reads them with the sender's profile (on a worker thread: a 10,000-container
 * BAPLIE takes a few hundred milliseconds), archives each as received, then applies it or rejects it whole. BAPLIE,
 * MOVINS and VERMAS change vessel calls' bay plans ({@link BayPlanUpdates}); every message of an interchange is
 * checked and every new plan built before the first is applied, and each call's new plan is written by the live
 * yard in one PostgreSQL transaction before it is live, so a refused interchange changes nothing. COPRAR orders
 * are kept per vessel call ({@link VesselCallOrders}); there an error in one container's group refuses that
 * container's order only, and the others are kept.
 */
public final class EdiInbox {

    /**
     * What became of one interchange; {@code openCells} counts MOVINS load cells ordered by category only, which
     * wait for a container to be nominated and are not in the bay plan; {@code check} holds the figures
     * {@code portops edi check} prints for the same file ({@link EdiCheck#json}).
     */
    public record Receipt(long archiveId, Outcome outcome, List<String> vesselCalls, List<EdiError> errors,
                          List<EdiRepair> repairs, int openCells, JsonObject check) {
    }

    private final Vertx vertx;
    private final LiveYard yard;
    private final EdiArchive archive;
    private final VesselCallOrders orders;
    private final PartnerProfiles profiles;
    private final UnLocode here;
    private final Clock clock;

    public EdiInbox(Vertx vertx, Pool pool, LiveYard yard, PartnerProfiles profiles, UnLocode here, Clock clock) {
        this.vertx = vertx;
        this.yard = yard;
        this.archive = new EdiArchive(pool);
        this.orders = new VesselCallOrders(pool);
        this.profiles = profiles;
        this.here = here;
        this.clock = clock;
    }

    public Future<Receipt> receive(byte[] content) {
        return receive(content, null);
    }

    /**
     * An interchange a shipping line sent itself: read as any other, then held to what the line may send
     * ({@link LineScope}), whose findings are errors archived and answered like the others.
     */
    public Future<Receipt> receiveFromLine(byte[] content, LineOperator line) {
        return receive(content, Objects.requireNonNull(line, "line"));
    }

    private Future<Receipt> receive(byte[] content, LineOperator line) {
        return vertx.executeBlocking(() -> {
                    EdiIntake.Read read = EdiIntake.read(content, profiles);
                    return line == null ? read : LineScope.restrict(read, line);
                }, false)
                .compose(read -> archive.received(content, read, clock.instant())
                        .compose(id -> decide(id, read, line)));
    }

    private Future<Receipt> decide(long id, EdiIntake.Read read, LineOperator line) {
        if (isOrdersOnly(read)) {
            return orders(id, read);
        }
        if (!read.accepted()) {
            return reject(id, read, read.allErrors(), "the interchange has errors");
        }
        boolean plans = read.messages().stream()
                .anyMatch(m -> m instanceof BayPlanMessage || m instanceof LoadPlanMessage || m instanceof VgmMessage);
        if (!plans) {
            return accepted(id, read);
        }
        return Future.all(yard.reader().vesselCalls(), inTerminal(BayPlanUpdates.namedLoads(read.messages())))
                .compose(both -> {
                    List<EdiError> foreign = line == null ? List.of()
                            : LineScope.foreignCalls(read, both.resultAt(0), line);
                    if (!foreign.isEmpty()) {
                        return reject(id, read, foreign, "the bay plan is for another line's vessel call");
                    }
                    BayPlanUpdates.Result result = BayPlanUpdates.plan(read.messages(), both.resultAt(0),
                            both.resultAt(1), here);
                    if (!result.errors().isEmpty()) {
                        return reject(id, read, result.errors(), "the bay plan cannot be applied");
                    }
                    if (result.calls().isEmpty()) {
                        return accepted(id, read);
                    }
                    return apply(result.calls(), 0).compose(refusal -> refusal.isPresent()
                            ? reject(id, read, List.of(refusal.get()), "the live yard refused the bay plan")
                            : applied(id, read, result));
                });
    }

    /**
     * An interchange of COPRARs only, whose errors are all about single containers' groups: its sound orders are
     * kept and its bad groups reported, since one broken container line does not make the others' orders wrong.
     */
    private static boolean isOrdersOnly(EdiIntake.Read read) {
        return read.envelopeErrors().isEmpty() && !read.messages().isEmpty()
                && read.messages().stream().allMatch(m -> m instanceof OrderMessage order
                        && order.errors().stream().allMatch(order::isGroupError));
    }

    /** Keeps the sound orders of every COPRAR for its vessel call; a message no single call matches refuses all. */
    private Future<Receipt> orders(long id, EdiIntake.Read read) {
        return yard.reader().vesselCalls().compose(calls -> {
            List<VesselCallOrders.Placed> placed = new ArrayList<>();
            List<EdiError> unplaced = new ArrayList<>();
            Set<String> callIds = new LinkedHashSet<>();
            for (InboundMessage message : read.messages()) {
                OrderMessage order = (OrderMessage) message;
                List<VesselCall> matching = calls.stream().filter(c -> BayPlanUpdates.isFor(c, order.header().vessel()))
                        .toList();
                if (matching.size() != 1) {
                    unplaced.add(new EdiError(new SegmentRef("UNH", order.header().position(), 0, 0),
                            (matching.isEmpty() ? "no vessel call" : matching.size() + " vessel calls") + " for vessel "
                                    + order.header().vessel().text() + ": container orders need exactly one"));
                    continue;
                }
                callIds.add(matching.getFirst().id().value());
                order.soundOrders().forEach(o -> placed.add(new VesselCallOrders.Placed(matching.getFirst().id(), o)));
            }
            if (!unplaced.isEmpty()) {
                return reject(id, read, unplaced, "the container orders match no single vessel call");
            }
            List<EdiError> refused = read.allErrors();
            if (placed.isEmpty()) {
                return reject(id, read, refused, "no container order could be read");
            }
            List<String> ids = List.copyOf(callIds);
            String reason = refused.isEmpty() ? null : refused.size() + " error(s) in container groups: those "
                    + "containers' orders were refused, the " + placed.size() + " others kept";
            return orders.keep(placed, id, clock.instant())
                    .compose(done -> archive.decide(id, Outcome.APPLIED, String.join(",", ids), reason,
                            errorsJson(refused), clock.instant()))
                    .map(done -> receipt(id, Outcome.APPLIED, ids, refused, read, 0));
        });
    }

    private Future<Map<ContainerNumber, Container>> inTerminal(List<ContainerNumber> numbers) {
        List<Future<Optional<ContainerView>>> lookups = numbers.stream().map(n -> yard.reader().container(n)).toList();
        return Future.all(lookups).map(all -> {
            Map<ContainerNumber, Container> found = new HashMap<>();
            lookups.forEach(f -> f.result().ifPresent(view -> found.put(view.container().number(), view.container())));
            return found;
        });
    }

    private Future<Optional<EdiError>> apply(List<VesselCall> calls, int next) {
        if (next == calls.size()) {
            return Future.succeededFuture(Optional.empty());
        }
        VesselCall call = calls.get(next);
        // the bay plan laid onto the call as held when it is stored: a berth or ETA written since it was read is kept
        return yard.changeVesselCall(call.id(), current -> current.bayPlan().equals(call.bayPlan())
                ? new VesselCallChange.Keep() : new VesselCallChange.Store(current.withBayPlan(call.bayPlan())))
                .compose(outcome -> switch (outcome) {
                    case VesselCallChange.Applied applied -> apply(calls, next + 1);
                    case VesselCallChange.Unchanged unchanged -> apply(calls, next + 1);
                    case VesselCallChange.Refused refused -> Future.succeededFuture(Optional.of(new EdiError(
                            new SegmentRef("UNH", 0, 0, 0), "vessel call " + call.id() + ": " + refused.reason())));
                });
    }

    private Future<Receipt> accepted(long id, EdiIntake.Read read) {
        return archive.decide(id, Outcome.ACCEPTED, null, null, new JsonArray(), clock.instant())
                .map(done -> receipt(id, Outcome.ACCEPTED, List.of(), List.of(), read, 0));
    }

    private Future<Receipt> applied(long id, EdiIntake.Read read, BayPlanUpdates.Result result) {
        List<String> ids = result.calls().stream().map(c -> c.id().value()).toList();
        return archive.decide(id, Outcome.APPLIED, String.join(",", ids), null, new JsonArray(), clock.instant())
                .map(done -> receipt(id, Outcome.APPLIED, ids, List.of(), read, result.openCells()));
    }

    private Future<Receipt> reject(long id, EdiIntake.Read read, List<EdiError> errors, String reason) {
        return archive.decide(id, Outcome.REJECTED, null, reason, errorsJson(errors), clock.instant())
                .map(done -> receipt(id, Outcome.REJECTED, List.of(), errors, read, 0));
    }

    /** The receipt, with the same figures {@code portops edi check} prints for the file. */
    private static Receipt receipt(long id, Outcome outcome, List<String> calls, List<EdiError> errors,
                                   EdiIntake.Read read, int openCells) {
        return new Receipt(id, outcome, calls, errors, read.allRepairs(), openCells, EdiCheck.json("inbox", read));
    }

    private static JsonArray errorsJson(List<EdiError> errors) {
        return new JsonArray(errors.stream().map(e -> new JsonObject().put("segment", e.at().tag())
                .put("position", e.at().position()).put("element", e.at().element())
                .put("component", e.at().component()).put("reason", e.reason())).toList());
    }
}
