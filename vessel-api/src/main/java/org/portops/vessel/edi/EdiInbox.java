package org.portops.vessel.edi;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.portops.model.container.UnLocode;
import org.portops.model.vessel.BayPlan;
import org.portops.model.vessel.BayPlanAction;
import org.portops.model.vessel.BayPlanEntry;
import org.portops.model.vessel.VesselCall;
import org.portops.state.ChangeResult;
import org.portops.state.LiveYard;
import org.portops.vessel.edi.archive.EdiArchive;
import org.portops.vessel.edi.archive.EdiArchive.Outcome;
import org.portops.vessel.edi.inbound.BayPlanMessage;
import org.portops.vessel.edi.inbound.VesselVoyage;

/**
 * Receives inbound interchanges: reads them with the sender's profile (on a worker thread: a 10,000-container
 * BAPLIE takes tens of milliseconds), archives each as received, then applies it or rejects it whole. A BAPLIE
 * replaces the arrival side of its vessel call's bay plan (discharges, remain-on-board) and keeps the planned loads;
 * every message of an interchange is checked before the first is applied, and each call's new plan is written by
 * the live yard in one PostgreSQL transaction before it is live, so a refused interchange changes nothing.
 */
public final class EdiInbox {

    /** What became of one interchange. */
    public record Receipt(long archiveId, Outcome outcome, List<String> vesselCalls, List<EdiError> errors,
                          List<EdiRepair> repairs) {
    }

    private final Vertx vertx;
    private final LiveYard yard;
    private final EdiArchive archive;
    private final PartnerProfiles profiles;
    private final UnLocode here;
    private final Clock clock;

    public EdiInbox(Vertx vertx, Pool pool, LiveYard yard, PartnerProfiles profiles, UnLocode here, Clock clock) {
        this.vertx = vertx;
        this.yard = yard;
        this.archive = new EdiArchive(pool);
        this.profiles = profiles;
        this.here = here;
        this.clock = clock;
    }

    public Future<Receipt> receive(byte[] content) {
        return vertx.executeBlocking(() -> EdiIntake.read(content, profiles), false)
                .compose(read -> archive.received(content, read, clock.instant())
                        .compose(id -> decide(id, read)));
    }

    private Future<Receipt> decide(long id, EdiIntake.Read read) {
        if (!read.accepted()) {
            return reject(id, read, read.allErrors(), "the interchange has errors");
        }
        List<BayPlanMessage> plans = read.messages().stream()
                .filter(m -> m instanceof BayPlanMessage).map(m -> (BayPlanMessage) m).toList();
        if (plans.isEmpty()) {
            return archive.decide(id, Outcome.ACCEPTED, null, null, new JsonArray(), clock.instant())
                    .map(done -> new Receipt(id, Outcome.ACCEPTED, List.of(), List.of(), read.allRepairs()));
        }
        return yard.reader().vesselCalls().compose(calls -> {
            List<EdiError> errors = new ArrayList<>();
            List<Update> updated = new ArrayList<>();
            for (BayPlanMessage plan : plans) {
                newPlan(plan, calls, updated, errors);
            }
            if (!errors.isEmpty()) {
                return reject(id, read, errors, "the bay plan cannot be applied");
            }
            return apply(updated, 0).compose(refusal -> refusal.isPresent()
                    ? reject(id, read, List.of(refusal.get()), "the live yard refused the bay plan")
                    : applied(id, read, updated));
        });
    }

    /** The call a BAPLIE is for, with its arrival side replaced; or an error on the message's UNH. */
    private void newPlan(BayPlanMessage message, List<VesselCall> calls, List<Update> updated,
                         List<EdiError> errors) {
        SegmentRef unh = new SegmentRef("UNH", message.header().position(), 0, 0);
        VesselVoyage sent = message.header().vessel();
        List<VesselCall> matching = calls.stream().filter(call -> isFor(call, sent)).toList();
        if (matching.size() != 1) {
            errors.add(new EdiError(unh, (matching.isEmpty() ? "no vessel call" : matching.size() + " vessel calls")
                    + " for vessel " + sent.text() + (sent.imo().isEmpty() ? "" : " (IMO " + sent.imo() + ")")
                    + ": a bay plan needs exactly one"));
            return;
        }
        VesselCall call = matching.getFirst();
        List<BayPlanEntry> entries = new ArrayList<>(call.bayPlan().withAction(BayPlanAction.LOAD));
        entries.addAll(message.arrivalEntries(here));
        try {
            updated.add(new Update(call.withBayPlan(new BayPlan(entries)), unh));
        } catch (IllegalArgumentException e) {
            errors.add(new EdiError(unh, "with the loads planned for call " + call.id() + ": " + e.getMessage()));
        }
    }

    /** Same voyage, and the same IMO number when the message sends one, else the same vessel name. */
    private static boolean isFor(VesselCall call, VesselVoyage sent) {
        if (!call.voyage().value().equalsIgnoreCase(sent.voyage())) {
            return false;
        }
        if (!sent.imo().isEmpty()) {
            return call.vessel().imo().value().equals(sent.imo());
        }
        return call.vessel().name().toUpperCase(Locale.ROOT).equals(sent.name().toUpperCase(Locale.ROOT));
    }

    /** A vessel call with its new bay plan, and the UNH of the BAPLIE it comes from. */
    private record Update(VesselCall call, SegmentRef unh) {
    }

    private Future<Optional<EdiError>> apply(List<Update> updates, int next) {
        if (next == updates.size()) {
            return Future.succeededFuture(Optional.empty());
        }
        Update update = updates.get(next);
        return yard.updateVesselCall(update.call()).compose(result -> switch (result) {
            case ChangeResult.Applied applied -> apply(updates, next + 1);
            case ChangeResult.Refused refused -> Future.succeededFuture(Optional.of(new EdiError(update.unh(),
                    "vessel call " + update.call().id() + ": " + refused.reason())));
        });
    }

    private Future<Receipt> applied(long id, EdiIntake.Read read, List<Update> updates) {
        List<String> ids = updates.stream().map(u -> u.call().id().value()).toList();
        return archive.decide(id, Outcome.APPLIED, String.join(",", ids), null, new JsonArray(), clock.instant())
                .map(done -> new Receipt(id, Outcome.APPLIED, ids, List.of(), read.allRepairs()));
    }

    private Future<Receipt> reject(long id, EdiIntake.Read read, List<EdiError> errors, String reason) {
        JsonArray json = new JsonArray(errors.stream().map(e -> new JsonObject().put("segment", e.at().tag())
                .put("position", e.at().position()).put("element", e.at().element())
                .put("component", e.at().component()).put("reason", e.reason())).toList());
        return archive.decide(id, Outcome.REJECTED, null, reason, json, clock.instant())
                .map(done -> new Receipt(id, Outcome.REJECTED, List.of(), errors, read.allRepairs()));
    }
}
