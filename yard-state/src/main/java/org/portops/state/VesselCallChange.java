package org.portops.state;

import io.vertx.core.Future;
import org.portops.model.vessel.VesselCall;
import org.portops.model.vessel.VesselCallId;

/**
 * A change to one vessel call, decided from the version live state holds rather than from one read earlier. Several
 * writers change the same call for different reasons — a line's new ETA (vessel API), a new bay plan (EDI), the berth
 * planner's berth and ETB — and each rewrites the whole record: from a stale copy, one would silently undo another's
 * change. {@link LiveYard#changeVesselCall} reads the call, asks this change what to make of it and stores the result
 * by compare-and-set; when another writer came first it decides again from the newer version.
 */
@FunctionalInterface
public interface VesselCallChange {

    /** Tries before giving up on a call that keeps changing under this one. */
    int ATTEMPTS = 5;

    /** What to do with the call as it is now. */
    Decision decide(VesselCall current);

    /** The change's verdict on the current version. */
    sealed interface Decision {
    }

    /** Store this call (the current one changed). */
    record Store(VesselCall call) implements Decision {
    }

    /** Nothing to change. */
    record Keep() implements Decision {
    }

    /** The change does not apply to this version, for this reason. */
    record Refuse(String reason) implements Decision {
    }

    /** What became of the change. */
    sealed interface Outcome {
    }

    /** Stored: {@code before} was the version it was decided from. */
    record Applied(VesselCall before, VesselCall after) implements Outcome {
    }

    /** The call already was as the change wanted it. */
    record Unchanged(VesselCall call) implements Outcome {
    }

    /** Refused by the change itself or by live state, or the call does not exist; nothing changed. */
    record Refused(String reason) implements Outcome {
    }

    static Future<Outcome> apply(LiveYard yard, VesselCallId id, VesselCallChange change) {
        return attempt(yard, id, change, 1);
    }

    private static Future<Outcome> attempt(LiveYard yard, VesselCallId id, VesselCallChange change, int attempt) {
        return yard.reader().vesselCall(id).compose(held -> {
            if (held.isEmpty()) {
                return Future.succeededFuture(new Refused("no vessel call " + id));
            }
            VesselCall current = held.get();
            return switch (change.decide(current)) {
                case Keep keep -> Future.succeededFuture(new Unchanged(current));
                case Refuse refuse -> Future.succeededFuture(new Refused(refuse.reason()));
                case Store store -> yard.replaceVesselCall(current, store.call()).compose(result -> switch (result) {
                    case ChangeResult.Applied applied -> Future.succeededFuture(new Applied(current, store.call()));
                    case ChangeResult.Refused refused -> attempt < ATTEMPTS
                            ? attempt(yard, id, change, attempt + 1)
                            : Future.succeededFuture(new Refused(refused.reason() + " (changed by other writers "
                            + ATTEMPTS + " times while this change was decided)"));
                });
            };
        });
    }
}
